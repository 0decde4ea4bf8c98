/** One attribute of a widget, as the embed builder offers it (generated from custom-elements.json). */
export interface WidgetAttribute {
  name: string;
  /** `enum`: one of `values`; `boolean`: present or absent. */
  kind: 'string' | 'number' | 'boolean' | 'enum';
  values?: readonly string[];
  /** The widget's own default, when the manifest states one as a value. */
  default?: string | number | boolean;
  /** The JSDoc text of the attribute (English). */
  description: string;
  /** True for the source attributes every widget shares (format, path, delimiter …). */
  source: boolean;
}
