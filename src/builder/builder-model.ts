/**
 * The embed builder's model, without DOM: which widgets and samples it offers, its state in the page URL, what a
 * loaded dataset holds (in plain words for a webmaster) and the snippet to paste.
 */
import { EVENT_ROLE_SPECS } from '../components/events/event-model.js';
import { IDEA_ROLES } from '../components/ideas/ideas-model.js';
import { OFFER_ROLES } from '../components/map/offers.js';
import { isFormat } from '../data/detect.js';
import { mapRoles, type RoleSpecs } from '../data/mapping.js';
import type { Dataset, Field, SourceDescription, Value } from '../data/types.js';
import type { WidgetAttribute } from './builder-types.js';
import { WIDGET_ATTRIBUTES } from './widget-attributes.js';

export const WIDGETS = ['map', 'chart', 'events', 'ideas'] as const;
export type WidgetKey = (typeof WIDGETS)[number];
export const tagOf = (widget: WidgetKey) => `offen-${widget}` as const;

/** Bundled samples (copied beside the builder at build time), one or two per widget. */
export const SAMPLES: Record<WidgetKey, readonly { file: string; de: string; en: string }[]> = {
  map: [{ file: 'angebote.geojson', de: 'Angebote in Bad Belzig (GeoJSON)', en: 'Offers in Bad Belzig (GeoJSON)' }],
  chart: [
    { file: 'haushalt.csv', de: 'Haushalt nach Produktbereichen (CSV)', en: 'Budget by area (CSV)' },
    { file: 'besucher.csv', de: 'Besucherzahlen (CSV)', en: 'Visitor numbers (CSV)' },
  ],
  events: [{ file: 'termine.ics', de: 'Veranstaltungskalender (ICS)', en: 'Event calendar (ICS)' }],
  ideas: [{ file: 'ideen.json', de: 'Ideen für Wiesenburg (JSON)', en: 'Ideas for Wiesenburg (JSON)' }],
};

export interface BuilderState {
  widget: WidgetKey;
  /** The data URL as typed (relative URLs are resolved against the builder page in the snippet). */
  src: string;
  /** Attribute values as typed; an empty string means "not set". Booleans are `'true'` when set. */
  attributes: Record<string, string>;
}

/** Every attribute the form offers for a widget, `src` left out (it has a field of its own). */
export function attributesOf(widget: WidgetKey): readonly WidgetAttribute[] {
  return (WIDGET_ATTRIBUTES[tagOf(widget)] ?? []).filter((a) => a.name !== 'src');
}

/** Attributes that name a field of the data: chosen from the detected fields, not typed. */
export function isFieldAttribute(widget: WidgetKey, name: string): boolean {
  return name.endsWith('-field') || (widget === 'chart' && (name === 'x' || name === 'series'));
}

/** The chart's `y` takes several value columns. */
export const isMultiFieldAttribute = (widget: WidgetKey, name: string) => widget === 'chart' && name === 'y';

/** Only what differs from the widget's own defaults: the snippet and the link stay short. */
export function changedAttributes(state: BuilderState): [string, string][] {
  const changed: [string, string][] = [];
  // In the widget's own attribute order, so the snippet reads the same however the form was filled in.
  for (const attribute of attributesOf(state.widget)) {
    const name = attribute.name;
    const value = state.attributes[name]?.trim() ?? '';
    if (value === '') continue;
    if (attribute.kind === 'boolean') {
      if (value === 'true' && attribute.default !== true) changed.push([name, '']);
      // A switch that is on by default (`unvote`) is turned off by saying so.
      if (value === 'false' && attribute.default === true) changed.push([name, 'false']);
      continue;
    }
    if (attribute.default !== undefined && String(attribute.default) === value) continue;
    changed.push([name, value]);
  }
  return changed;
}

const WIDGET_PARAM = 'widget';
const SRC_PARAM = 'src';

/** The state as a URL hash (`#widget=map&src=…&title-field=Name`), so a link reproduces the builder. */
export function stateToHash(state: BuilderState): string {
  const params = new URLSearchParams({ [WIDGET_PARAM]: state.widget });
  if (state.src) params.set(SRC_PARAM, state.src);
  for (const [name, value] of changedAttributes(state)) params.set(name, value === '' ? 'true' : value);
  return `#${params.toString()}`;
}

export function stateFromHash(hash: string): BuilderState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const asked = params.get(WIDGET_PARAM) as WidgetKey | null;
  const widget: WidgetKey = asked && (WIDGETS as readonly string[]).includes(asked) ? asked : 'map';
  const attributes: Record<string, string> = {};
  for (const attribute of attributesOf(widget)) {
    const value = params.get(attribute.name);
    if (value !== null) attributes[attribute.name] = value;
  }
  return { widget, src: params.get(SRC_PARAM) ?? '', attributes };
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * What a webmaster pastes: the script tag and the element with the attributes that differ from the defaults.
 * `src` is made absolute against `base` (the builder page), so the snippet works on any page.
 */
export function snippet(state: BuilderState, scriptUrl: string, base: string): string {
  const tag = tagOf(state.widget);
  const parts: string[] = [];
  if (state.src.trim()) parts.push(`src="${escapeAttribute(absoluteUrl(state.src.trim(), base))}"`);
  for (const [name, value] of changedAttributes(state)) {
    parts.push(value === '' ? name : `${name}="${escapeAttribute(value)}"`);
  }
  const element = `<${tag}${parts.length ? ' ' + parts.join(' ') : ''}></${tag}>`;
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n${element}`;
}

function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

export interface FieldSummary {
  name: string;
  type: Dataset['fields'][number]['type'];
  unit?: string;
  /** Up to three distinct non-empty example values, as text. */
  examples: string[];
  /** The readable name the source gives the field (ArcGIS `alias`), shown beside the name attributes use. */
  alias?: string;
}

export interface DatasetSummary {
  format: string;
  encoding?: string;
  delimiter?: string;
  records: number;
  /** Records with a map position (GeoJSON geometry or coordinate columns, in WGS84 after conversion). */
  located: number;
  droppedCoordinates: number;
  title?: string;
  fields: FieldSummary[];
}

/** Short text of a value for the field table (long texts are cut: one cell must not stretch the table). */
function exampleText(value: Value, lang: 'de' | 'en'): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  let text: string;
  if (value instanceof Date) text = value.toLocaleDateString(locale, { timeZone: 'UTC' });
  else if (typeof value === 'number') text = value.toLocaleString(locale);
  else if (typeof value === 'boolean') text = lang === 'de' ? (value ? 'ja' : 'nein') : value ? 'yes' : 'no';
  else if (value === null) text = '';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = value;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Reads a bounded number of records only, so a large dataset is summarised as fast as a small one. */
export function summarize(dataset: Dataset, lang: 'de' | 'en'): DatasetSummary {
  const sample = dataset.records.slice(0, 200);
  const fields = dataset.fields.map((field) => {
    const examples: string[] = [];
    for (const record of sample) {
      const value = record.values[field.name];
      if (value === null || value === undefined || value === '') continue;
      const text = exampleText(value, lang);
      if (text && !examples.includes(text)) examples.push(text);
      if (examples.length === 3) break;
    }
    return {
      name: field.name,
      type: field.type,
      ...(field.unit ? { unit: field.unit } : {}),
      ...(field.alias ? { alias: field.alias } : {}),
      examples,
    };
  });
  let located = 0;
  for (const record of dataset.records) if (record.geometry) located++;
  return {
    format: dataset.meta.format,
    ...(dataset.meta.encoding ? { encoding: dataset.meta.encoding } : {}),
    ...(dataset.meta.delimiter ? { delimiter: dataset.meta.delimiter } : {}),
    records: dataset.records.length,
    located,
    droppedCoordinates: dataset.meta.droppedCoordinates ?? 0,
    ...(dataset.meta.title ? { title: dataset.meta.title } : {}),
    fields,
  };
}

/**
 * The source description the widget will build from the same attributes (see OffenSourceElement), so the builder
 * inspects exactly what the snippet will load.
 */
export function sourceOf(state: BuilderState, lang: 'de' | 'en'): Omit<SourceDescription, 'signal'> | undefined {
  const url = state.src.trim();
  if (!url) return undefined;
  const get = (name: string) => state.attributes[name]?.trim() || undefined;
  const number = (name: string) => {
    const value = Number(get(name));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const format = get('format');
  const delimiter = get('delimiter');
  return {
    url,
    format: isFormat(format) ? format : undefined,
    path: get('path'),
    timeout: number('timeout') ? number('timeout')! * 1000 : undefined,
    maxBytes: number('max-size') ? number('max-size')! * 1_000_000 : undefined,
    skipRows: number('skip-rows'),
    nullValues: get('null-values')
      ?.split(',')
      .map((v) => v.trim()),
    delimiter: delimiter === 'tab' ? '\t' : delimiter,
    encoding: get('encoding'),
    resource: get('resource'),
    lang,
  };
}

/** The role specs each widget detects its fields with (the chart has its own rule, below). */
const ROLE_SPECS: Partial<Record<WidgetKey, RoleSpecs<string>>> = {
  map: OFFER_ROLES,
  events: EVENT_ROLE_SPECS,
  ideas: IDEA_ROLES,
};

/**
 * Which field the widget itself would pick for each field attribute, by the widget's own detection rules, so the
 * form can say "automatisch (Name)" and a webmaster sees what happens if they leave it alone. A required role that
 * finds nothing is left out (the preview then shows the widget's own mapping error).
 */
export function detectedFields(widget: WidgetKey, fields: readonly Field[]): Record<string, string> {
  if (widget === 'chart') {
    const x = fields.find((f) => f.type === 'string' || f.type === 'date');
    const y = fields.find((f) => f.type === 'number');
    return { ...(x ? { x: x.name } : {}), ...(y ? { y: y.name } : {}) };
  }
  const specs = ROLE_SPECS[widget];
  if (!specs) return {};
  // Detection without the required checks: what can be found is shown even when one required role cannot be.
  const lenient = Object.fromEntries(Object.entries(specs).map(([role, spec]) => [role, { ...spec, required: false }]));
  const roles = mapRoles(fields, lenient);
  const detected: Record<string, string> = {};
  for (const [role, field] of Object.entries(roles)) if (field) detected[`${role}-field`] = field;
  return detected;
}
