// Placeholder: <offen-ideas> is not built yet; the widget issue replaces this file.
export {};
