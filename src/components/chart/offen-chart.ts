// Placeholder: <offen-chart> is not built yet; the widget issue replaces this file.
export {};
