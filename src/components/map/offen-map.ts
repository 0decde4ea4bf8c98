// Placeholder: <offen-map> is not built yet; the widget issue replaces this file.
export {};
