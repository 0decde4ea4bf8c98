import { DataError } from './errors.js';
import type { DataRecord, Field, FieldType, Value } from './types.js';
import { UNSAFE_KEYS } from './util.js';

/** A role a widget needs (title, category, value…) and the field names that usually hold it. */
export interface RoleSpec {
  /** Names in German and English, most likely first; compared case-, accent- and umlaut-insensitively. */
  candidates: readonly string[];
  /** A required role that cannot be filled is a DataError of kind `mapping`. */
  required?: boolean;
  /** Prefer (and for auto-detection require) fields of these types. */
  types?: readonly FieldType[];
}

export type RoleSpecs<R extends string> = Record<R, RoleSpec>;
export type RoleMap<R extends string> = Record<R, string | undefined>;

/** `Länge` → `laenge`, `Straße` → `strasse`, `Café` → `cafe`, `Ergebnis 2011` → `ergebnis2011`. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A value by field name. Dot names (`address.city`) walk into nested objects when no field has the literal name.
 * Prototype keys are never followed.
 */
export function getValue(record: DataRecord, field: string | undefined): Value | undefined {
  if (!field) return undefined;
  if (Object.hasOwn(record.values, field)) return record.values[field];
  if (!field.includes('.')) return undefined;
  let current: Value | undefined = record.values as Value;
  for (const part of field.split('.')) {
    if (UNSAFE_KEYS.has(part) || current === null || typeof current !== 'object' || current instanceof Date)
      return undefined;
    current = Object.hasOwn(current, part) ? (current as Record<string, Value>)[part] : undefined;
  }
  return current;
}

/** Whether a field name given by a webmaster exists (literally, or as a dot path into a known field). */
export function fieldExists(fields: readonly Field[], name: string): boolean {
  if (fields.some((f) => f.name === name)) return true;
  const head = name.split('.')[0];
  return name.includes('.') && fields.some((f) => f.name === head);
}

function findCandidate(
  fields: readonly Field[],
  spec: RoleSpec,
  taken: Set<string>,
  normal: (name: string) => string,
): string | undefined {
  if (!spec.candidates.length) return undefined;
  const usable = fields.filter((f) => !taken.has(f.name) && (!spec.types || spec.types.includes(f.type)));
  const normalized = usable.map((f) => [normal(f.name), f.name] as const);
  for (const candidate of spec.candidates) {
    const wanted = normalizeName(candidate);
    const hit = normalized.find(([n]) => n === wanted);
    if (hit) return hit[1];
  }
  // Second pass: a field whose name contains a candidate ("Objektname" for "name", "Plan 2017" for "plan");
  // top-level fields before dot names into nested JSON ("adresse.strassenname" only if nothing else fits).
  const topLevelFirst = [...normalized].sort((a, b) => Number(a[1].includes('.')) - Number(b[1].includes('.')));
  for (const candidate of spec.candidates) {
    const wanted = normalizeName(candidate);
    if (wanted.length < 4) continue;
    const hit = topLevelFirst.find(([n]) => n.includes(wanted));
    if (hit) return hit[1];
  }
  return undefined;
}

/**
 * Decides which field fills each role. An attribute (`overrides`) wins and must name an existing field; otherwise
 * candidates are matched. Each field fills at most one auto-detected role, in the order the specs are listed.
 * Throws a DataError of kind `mapping` listing the available field names when a required role stays empty.
 */
export function mapRoles<R extends string>(
  fields: readonly Field[],
  specs: RoleSpecs<R>,
  overrides: Partial<Record<R, string | null | undefined>> = {},
  url?: string,
): RoleMap<R> {
  const result = {} as RoleMap<R>;
  const taken = new Set<string>();
  const available = fields.map((f) => f.name);
  const roles = Object.keys(specs) as R[];
  // Each name normalised once for all roles (a table may have 100,000 columns).
  const normalized = new Map<string, string>();
  const normal = (name: string) => {
    let result = normalized.get(name);
    if (result === undefined) normalized.set(name, (result = normalizeName(name)));
    return result;
  };
  for (const role of roles) {
    const wanted = overrides[role]?.trim();
    if (!wanted) continue;
    if (!fieldExists(fields, wanted)) {
      throw new DataError('mapping', `Field "${wanted}" for role ${role} does not exist`, {
        url,
        role,
        fields: available,
      });
    }
    result[role] = wanted;
    taken.add(wanted);
  }
  for (const role of roles) {
    if (result[role] !== undefined) continue;
    const found = findCandidate(fields, specs[role], taken, normal);
    if (found) taken.add(found);
    result[role] = found;
    if (!found && specs[role].required) {
      throw new DataError('mapping', `No field for role ${role}; fields: ${available.join(', ')}`, {
        url,
        role,
        fields: available,
      });
    }
  }
  return result;
}

/** How a widget labels a field: the readable name the source gives it (ArcGIS `alias`), else its name. */
export function fieldLabel(fields: readonly Field[], name: string): string {
  return fields.find((f) => f.name === name)?.alias ?? name;
}
