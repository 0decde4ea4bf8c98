import type { FieldType, Value } from '../types.js';
import { datasetDate } from '../dataset-date.js';
import { DAY_MS } from '../util.js';
import { dateKey, daysOfKey, parseDateTime, type SlashOrder } from './date.js';
import { DE, EN, isDigit, PLAIN, scanNumber, scannedLeadingZero, scannedUnit, type Notation } from './number.js';

/**
 * Type inference for text cells (CSV, and string values in JSON). A column is typed as a whole: number (German
 * `1.234,56` or English `1,234.56` notation, decided per column; `%`, `€`, `EUR` as unit), date, boolean or string.
 * A column whose cells do not all fit one type stays string, so no cell text is ever lost.
 * - Dates: `24.12.2026` and `2026-12-24` are midnight UTC of that date; with a time but no offset
 *   (`24.12.2026 18:00`, `2026-12-24T18:00`) Europe/Berlin wall time, computed with Intl (never the machine's time
 *   zone); ISO with `Z` or an offset is that instant. Slash dates (`1/13/2015 0:00`) when some cell decides day or
 *   month first; `YYYYMMDD` only in columns named like a date.
 * - Booleans: `ja`/`nein`, `true`/`false`, `wahr`/`falsch`, `yes`/`no`, any case.
 * - Missing: empty cells, `source.nullValues`, and in number/date/boolean columns the statistical markers below.
 */
export interface InferOptions {
  /** Cell texts that mean "missing" in addition to the defaults (`-`, `.`, `x`, `…`, empty). */
  nullValues?: readonly string[];
  /**
   * Notation for columns that fit both (`1.234` is 1234 in German and 1.234 in English). Default `de`; the CSV
   * parser passes `en` for comma-delimited files, where a decimal comma would have needed quotes.
   */
  numberFormat?: 'de' | 'en';
  /** The column name; compact `YYYYMMDD` cells count as dates only when it says so (`Datum`, `Mess_Datum`). */
  name?: string;
}

export interface ColumnType {
  type: FieldType;
  numberFormat?: 'de' | 'en';
  unit?: string;
  /** Converts one cell of this column to its typed value (null when missing or not convertible). */
  convert(cell: string | null | undefined): Value;
}

/** A ColumnType that also says when a cell does not fit (so a parser that inferred from a sample can re-check). */
export interface ColumnConverter extends ColumnType {
  /** The typed value, null when missing, or undefined when the cell does not fit the column's type. */
  tryConvert(cell: string): Value | undefined;
  /** Converts one column of all rows into `out`; false at the first cell that does not fit. */
  convertColumn(rows: readonly (readonly string[])[], column: number, out: Value[]): boolean;
}

/**
 * Statistical offices mark missing numbers with these (GENESIS: `-` nothing, `.` unknown, `x` locked, `…` later).
 * They count as missing only in number, date and boolean columns; in a text column `x` may well mean "yes".
 */
const MISSING_MARKERS = new Set([
  '-',
  '–',
  '—',
  '.',
  '..',
  '...',
  '…',
  'x',
  'X',
  '/',
  'k.A.',
  'k. A.',
  'n/a',
  'N/A',
  'NaN',
  'null',
  'NULL',
]);

const TRUE_WORDS = new Set(['ja', 'true', 'wahr', 'yes']);
const FALSE_WORDS = new Set(['nein', 'false', 'falsch', 'no']);

const enum Char {
  Space = 32,
  NoBreakSpace = 0xa0,
}

/** Column names that let compact `YYYYMMDD` cells count as dates. */
const DATE_NAME = /dat(um|e)|tag|zeit|time|stichtag/i;

function trimCell(cell: string): string {
  // trim() allocates only when there is something to trim; the check skips even the call for clean cells.
  const n = cell.length;
  if (n === 0) return cell;
  const a = cell.charCodeAt(0);
  const b = cell.charCodeAt(n - 1);
  return a > Char.Space && b > Char.Space && a !== Char.NoBreakSpace && b !== Char.NoBreakSpace ? cell : cell.trim();
}

interface Tally {
  total: number;
  booleans: number;
  dates: number;
  slashDates: number;
  slashFirstMax: number;
  slashSecondMax: number;
  compactDates: number;
  numbers: number;
  onlyDe: number;
  onlyEn: number;
  ambiguous: number;
  leadingZero: boolean;
  units: Set<string>;
}

const SLASH_PARTS = /^(\d{1,2})\/(\d{1,2})\/\d{4}/;

/** Counts what a cell could be; false when it can only be text (then the whole column is text). */
function tallyCell(s: string, tally: Tally, compact: boolean): boolean {
  tally.total++;
  if (!isDigit(s.charCodeAt(0))) {
    const lower = s.length <= 6 ? s.toLowerCase() : '';
    if (TRUE_WORDS.has(lower) || FALSE_WORDS.has(lower)) {
      tally.booleans++;
      return true;
    }
  }
  const de = scanNumber(s, DE);
  const unitDe = scannedUnit;
  const zeroDe = scannedLeadingZero;
  const en = scanNumber(s, EN);
  const unitEn = scannedUnit;
  const zeroEn = scannedLeadingZero;
  const isDe = !Number.isNaN(de);
  const isEn = !Number.isNaN(en);
  if (isDe || isEn) {
    tally.numbers++;
    if (isDe && isEn) {
      if (de !== en) tally.ambiguous++;
    } else if (isDe) tally.onlyDe++;
    else tally.onlyEn++;
    if ((isDe && zeroDe) || (isEn && zeroEn)) tally.leadingZero = true;
    const unit = isDe ? unitDe : unitEn;
    if (unit) tally.units.add(unit);
    // An 8-digit number may also be a compact date; count both, the column decides.
    if (compact && !Number.isNaN(parseDateTime(s, undefined, true))) tally.compactDates++;
    return true;
  }
  if (!Number.isNaN(parseDateTime(s, undefined))) {
    tally.dates++;
    return true;
  }
  // Slash dates (Excel's 1/13/2015 0:00): remember the largest first and second parts, the column decides the order.
  const slash = SLASH_PARTS.exec(s);
  if (slash && (!Number.isNaN(parseDateTime(s, 'mdy')) || !Number.isNaN(parseDateTime(s, 'dmy')))) {
    tally.slashDates++;
    tally.slashFirstMax = Math.max(tally.slashFirstMax, +slash[1]);
    tally.slashSecondMax = Math.max(tally.slashSecondMax, +slash[2]);
    return true;
  }
  return false;
}

/**
 * Which cells count as missing. Markers are short, so the length check spares hashing every longer cell. In text
 * columns only the source's own null values count (`x` may mean "yes" there).
 */
class Missing {
  private readonly extra: ReadonlySet<string> | undefined;
  private readonly extraLength: number;
  constructor(extra: readonly string[] | undefined) {
    this.extra = extra?.length ? new Set(extra.map((v) => v.trim())) : undefined;
    this.extraLength = Math.max(0, ...(extra ?? []).map((v) => v.trim().length));
  }
  isExtra(s: string): boolean {
    return this.extra !== undefined && s.length <= this.extraLength && this.extra.has(s);
  }
  isMarker(s: string): boolean {
    return (s.length <= 5 && MISSING_MARKERS.has(s)) || this.isExtra(s);
  }
}

/** The parser's rows: arrays of cells, a column picked by index. */
export type Rows = readonly (readonly string[])[];

// One class per type, each with its own column loop: every call site inside a loop then sees one class only, which
// V8 inlines. (A shared loop calling tryConvert on four classes was the slowest part of parsing a large file.)
abstract class Converter implements ColumnConverter {
  abstract readonly type: FieldType;
  numberFormat?: 'de' | 'en';
  unit?: string;
  abstract tryConvert(cell: string): Value | undefined;
  /**
   * Converts column `column` of every row into `out`. Returns false, leaving `out` incomplete, at the first cell
   * that does not fit: the caller then infers the column again from all its cells. Each converter repeats the same
   * small loop on purpose: its own copy keeps the `tryConvert` call monomorphic, which the 100k-row bench notices.
   */
  abstract convertColumn(rows: Rows, column: number, out: Value[]): boolean;
  /** An own arrow property, so `const { convert } = inferColumn(…)` works too. */
  convert = (cell: string | null | undefined): Value => (cell == null ? null : (this.tryConvert(cell) ?? null));
}

class StringConverter extends Converter {
  readonly type = 'string';
  constructor(private readonly missing: Missing) {
    super();
  }
  tryConvert(cell: string): Value {
    const s = trimCell(cell);
    return s === '' || this.missing.isExtra(s) ? null : s;
  }
  convertColumn(rows: Rows, column: number, out: Value[]): boolean {
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r][column];
      out[r] = cell === undefined ? null : this.tryConvert(cell);
    }
    return true;
  }
}

class NumberConverter extends Converter {
  readonly type = 'number';
  private readonly notation: Notation;
  private readonly expectedUnit: string;
  constructor(
    private readonly missing: Missing,
    numberFormat: 'de' | 'en' | undefined,
    unit: string | undefined,
  ) {
    super();
    if (numberFormat) this.numberFormat = numberFormat;
    if (unit) this.unit = unit;
    this.notation = numberFormat === 'de' ? DE : numberFormat === 'en' ? EN : PLAIN;
    this.expectedUnit = unit ?? '';
  }
  tryConvert(cell: string): Value | undefined {
    const s = trimCell(cell);
    if (s === '' || this.missing.isExtra(s)) return null;
    const value = scanNumber(s, this.notation);
    if (Number.isNaN(value)) return this.missing.isMarker(s) ? null : undefined;
    // Another unit or a leading zero does not fit either.
    if (scannedLeadingZero || (scannedUnit !== '' && scannedUnit !== this.expectedUnit)) return undefined;
    return value;
  }
  convertColumn(rows: Rows, column: number, out: Value[]): boolean {
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r][column];
      const value = cell === undefined ? null : this.tryConvert(cell);
      if (value === undefined) return false;
      out[r] = value;
    }
    return true;
  }
}

/** Distinct dates (or cell texts) a date column remembers: every day of a century; past that, a column of timestamps. */
const DATE_CACHE_SIZE = 40_000;

/** Keeps a date in a column's cache, or drops a cache that is full (the column holds timestamps, not days). */
function remember<K>(cache: Map<K, Date> | undefined, key: K, date: Date): Map<K, Date> | undefined {
  if (cache === undefined || cache.size >= DATE_CACHE_SIZE) return undefined;
  cache.set(key, date);
  return cache;
}

class DateConverter extends Converter {
  /**
   * A column repeats few distinct dates; its cells share one read-only Date per date (see dataset-date.ts).
   * Date-only cells are keyed by their day number: looking a fresh cell text up by text costs a string hash,
   * which was most of a date column's time. Other cells are keyed by text, so a repeated one is not parsed again
   * (with a time that means a regex and a time-zone offset). Each cache is dropped when a column holds more.
   */
  private byDay: Map<number, Date> | undefined = new Map();
  private byText: Map<string, Date> | undefined = new Map();
  readonly type = 'date';
  constructor(
    private readonly missing: Missing,
    private readonly slashOrder: SlashOrder | undefined,
    private readonly compact: boolean,
  ) {
    super();
  }
  tryConvert(cell: string): Value | undefined {
    const key = dateKey(cell);
    if (key >= 0 && !this.missing.isExtra(cell)) {
      const known = this.byDay?.get(key);
      if (known !== undefined) return known;
      const days = daysOfKey(key);
      if (Number.isNaN(days)) return this.missing.isMarker(cell) ? null : undefined;
      const date = datasetDate(days * DAY_MS);
      this.byDay = remember(this.byDay, key, date);
      return date;
    }
    const known = this.byText?.get(cell);
    if (known !== undefined) return known;
    const s = trimCell(cell);
    if (s === '' || this.missing.isExtra(s)) return null;
    const time = parseDateTime(s, this.slashOrder, this.compact);
    if (Number.isNaN(time)) return this.missing.isMarker(s) ? null : undefined;
    const date = datasetDate(time);
    this.byText = remember(this.byText, cell, date);
    return date;
  }
  convertColumn(rows: Rows, column: number, out: Value[]): boolean {
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r][column];
      const value = cell === undefined ? null : this.tryConvert(cell);
      if (value === undefined) return false;
      out[r] = value;
    }
    return true;
  }
}

class BooleanConverter extends Converter {
  readonly type = 'boolean';
  constructor(private readonly missing: Missing) {
    super();
  }
  tryConvert(cell: string): Value | undefined {
    const s = trimCell(cell);
    if (s === '' || this.missing.isMarker(s)) return null;
    const lower = s.toLowerCase();
    return TRUE_WORDS.has(lower) ? true : FALSE_WORDS.has(lower) ? false : undefined;
  }
  convertColumn(rows: Rows, column: number, out: Value[]): boolean {
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r][column];
      const value = cell === undefined ? null : this.tryConvert(cell);
      if (value === undefined) return false;
      out[r] = value;
    }
    return true;
  }
}

/**
 * Decides the type of a column from its cells (all of them, or a sample) and returns a converter for its cells.
 * Empty cells and missing-value markers are null. Numbers: a cell that only German notation explains (`1.234,5`,
 * `9.577.207`, `0,5`) makes the column German, one that only English explains (`0.5`, `51.9641`, `1,234.5`) English;
 * both kinds in one column, values with leading zeros (`0101`, codes) or mixed units keep it a string column.
 */
export function inferColumn(cells: readonly (string | null | undefined)[], options: InferOptions = {}): ColumnType {
  return inferConverter(cells, options);
}

/** inferColumn with `tryConvert`, for parsers that infer from a sample and check every cell while converting. */
export function inferConverter(
  cells: readonly (string | null | undefined)[],
  options: InferOptions = {},
): ColumnConverter {
  const missing = new Missing(options.nullValues);
  const compact = options.name !== undefined && DATE_NAME.test(options.name);
  const tally: Tally = {
    total: 0,
    booleans: 0,
    dates: 0,
    slashDates: 0,
    slashFirstMax: 0,
    slashSecondMax: 0,
    compactDates: 0,
    numbers: 0,
    onlyDe: 0,
    onlyEn: 0,
    ambiguous: 0,
    leadingZero: false,
    units: new Set(),
  };
  for (const cell of cells) {
    if (cell == null) continue;
    const s = trimCell(cell);
    if (s === '' || missing.isMarker(s)) continue;
    if (!tallyCell(s, tally, compact)) return new StringConverter(missing);
  }
  const { total } = tally;
  if (total === 0) return new StringConverter(missing);

  if (tally.booleans === total) return new BooleanConverter(missing);
  if (tally.compactDates === total) return new DateConverter(missing, undefined, true);

  if (tally.numbers === total && !tally.leadingZero && tally.units.size <= 1 && !(tally.onlyDe && tally.onlyEn)) {
    const numberFormat: 'de' | 'en' | undefined = tally.onlyDe
      ? 'de'
      : tally.onlyEn
        ? 'en'
        : tally.ambiguous
          ? (options.numberFormat ?? 'de')
          : undefined;
    return new NumberConverter(missing, numberFormat, tally.units.size ? [...tally.units][0] : undefined);
  }

  if (tally.dates + tally.slashDates === total) {
    let slashOrder: SlashOrder | undefined;
    if (tally.slashDates) {
      const firstIsDay = tally.slashFirstMax > 12;
      const secondIsDay = tally.slashSecondMax > 12;
      // 3/4/2015 alone is ambiguous (March 4 or 3 April): without a cell that decides, the column stays text.
      if (firstIsDay === secondIsDay) return new StringConverter(missing);
      slashOrder = firstIsDay ? 'dmy' : 'mdy';
    }
    return new DateConverter(missing, slashOrder, false);
  }

  return new StringConverter(missing);
}
