/**
 * Field overrides (`lat-field`, `lon-field`, `created-field`) applied in the data layer: loadDataset applies those of
 * the source description; a widget showing a dataset it did not load itself (shared by `<offen-data>`, or set as a
 * property) applies its own with the same function (the map, which needs only coordinates, with locateByFields).
 * Results are kept per dataset, so applying the same overrides again, or to the dataset they produced, returns that
 * same object.
 */
import { locateByFields } from './geo.js';
import { toDateValue } from './infer/date.js';
import { getValue } from './mapping.js';
import type { DataRecord, Dataset, FieldOverrides, Value } from './types.js';
import { isObject, UNSAFE_KEYS } from './util.js';

/** The overrides each result was made with. */
const madeWith = new WeakMap<Dataset, string>();
/** Results by dataset and overrides. */
const results = new WeakMap<Dataset, Map<string, Dataset>>();

/** A copy of `values` with the value at `path` (a field name, or a dot path into nested values) replaced. */
function withValue(values: Record<string, Value>, path: string, value: Value): Record<string, Value> {
  if (Object.hasOwn(values, path) || !path.includes('.')) {
    return UNSAFE_KEYS.has(path) ? values : { ...values, [path]: value };
  }
  const dot = path.indexOf('.');
  const head = path.slice(0, dot);
  const inner = values[head];
  if (UNSAFE_KEYS.has(head) || !isObject(inner)) return values;
  return { ...values, [head]: withValue(inner as Record<string, Value>, path.slice(dot + 1), value) };
}

/**
 * The named fields read as dates (see FieldOverrides.dateFields). Names that are no field are left alone, and so
 * are date fields: their values are Dates already.
 */
function withDates(dataset: Dataset, names: readonly string[]): Dataset {
  const present = names.filter((name) => dataset.fields.some((f) => f.name === name && f.type !== 'date'));
  if (present.length === 0) return dataset;
  const records = dataset.records.map((record): DataRecord => {
    let values = record.values;
    for (const name of present) {
      const value = getValue({ id: record.id, values }, name);
      if (value !== undefined) values = withValue(values, name, toDateValue(value));
    }
    // Not a spread: a CSV record's id is an accessor on its prototype, which a spread leaves behind.
    return record.geometry ? { id: record.id, values, geometry: record.geometry } : { id: record.id, values };
  });
  const fields = dataset.fields.map((f) => (present.includes(f.name) ? { name: f.name, type: 'date' as const } : f));
  return { ...dataset, fields, records };
}

/**
 * The dataset with the overrides applied: points from `latField`/`lonField` (throws a DataError `mapping` when
 * only one is given or a field does not exist), `dateFields` read as dates. Without overrides, the dataset itself.
 */
export function applyFieldOverrides(dataset: Dataset, overrides: FieldOverrides): Dataset {
  const lat = overrides.latField?.trim() || undefined;
  const lon = overrides.lonField?.trim() || undefined;
  const dates = [...new Set((overrides.dateFields ?? []).map((name) => name.trim()).filter(Boolean))];
  if (!lat && !lon && dates.length === 0) return dataset;
  const key = JSON.stringify([lat ?? '', lon ?? '', dates]);
  if (madeWith.get(dataset) === key) return dataset;
  const known = results.get(dataset)?.get(key);
  if (known) return known;
  const result = locateByFields(dates.length ? withDates(dataset, dates) : dataset, lat, lon);
  madeWith.set(result, key);
  let byKey = results.get(dataset);
  if (!byKey) results.set(dataset, (byKey = new Map()));
  byKey.set(key, result);
  return result;
}
