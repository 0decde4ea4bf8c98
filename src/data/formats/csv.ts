/**
 * CSV parser. What it does with real-world files:
 * - Encoding: `source.encoding`, else a charset in the Content-Type (a claimed UTF-8 still falls back), else a UTF-16
 *   byte order mark, else UTF-8 with a Windows-1252 fallback. A BOM and Excel's `sep=;` line are dropped. Lines at
 *   the top holding `€` or another character above U+00FF are decoded apart from the rest (see wideHeadEnd).
 * - Delimiter: `source.delimiter`, else `sep=`, else the one of `;` `,` tab `|` that splits the first 50 records
 *   (quotes respected) most consistently; among near ties the one giving more fields.
 * - Header: `source.skipRows`, else the first row filling at least half as many cells as the fullest of the first
 *   50 (skips title lines of statistical exports). A group row with repeated neighbouring cells takes the text row
 *   below it into the header; parts are joined with ` – ` (`Verkehrsfläche – Straße`).
 * - Names: trimmed; an empty one becomes `Spalte N`, a repeated one or a prototype key (`__proto__`, `constructor`,
 *   `prototype`) gets ` (Spalte N)` appended, N being the 1-based column number. Cells past the header get
 *   `Spalte N` columns; short rows are padded with null.
 * - Rows skipped (counted in `meta.skippedRows`): empty and delimiter-only rows, a footnote block at the end (lines
 *   without delimiters under a wide table, or starting with `_____`, `Quelle`, `Stand`, `©` …) and a closing total row
 *   whose first cell is `Insgesamt`, `Summe`, `Gesamt` or `Total`.
 * - Types: per column (see infer.ts), from the first 2 000 rows; every later cell is checked, and one that does not
 *   fit makes the parser read the file again with all cells in view.
 * - Ids: an `id`, `uid`, `LfdNr`, `Nr`, … column whose values are present and unique, else the 0-based record index.
 */
import { dsvFormat } from 'd3-dsv';
import { charsetOf, decodeText } from '../decode.js';
import { DataError } from '../errors.js';
import { inferConverter, type ColumnConverter, type InferOptions } from '../infer.js';
import type { DataRecord, Dataset, Field, Value } from '../types.js';
import type { Parser } from './parser.js';
import { UNSAFE_KEYS } from '../util.js';

/** What parseCsvBytes needs besides the bytes; parseCsv fills it from the source description and the response. */
export interface CsvOptions {
  url?: string;
  /** The response's Content-Type; a charset in it is honoured. */
  contentType?: string;
  /** Explicit encoding (wins over the Content-Type charset). */
  encoding?: string;
  /** Explicit delimiter; otherwise detected among `,` `;` tab `|`. */
  delimiter?: string;
  /** Rows to skip before the header; otherwise the header row is detected. */
  skipRows?: number;
  /** Extra cell texts that mean "missing" (`-999`). */
  nullValues?: readonly string[];
  fetchedAt?: Date;
}

const DELIMITERS = [';', ',', '\t', '|'] as const;
/** Records read when detecting the delimiter and the header. */
const SAMPLE_ROWS = 50;
/** Rows read before the column types are decided (every later cell is still checked against them). */
const HEAD_ROWS = 2000;

/** C0 control characters other than tab, line feed, form feed and carriage return do not occur in text. */
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;
/** A footnote block after the data starts with a rule or one of these words (GENESIS: `_____`, `Stand: …`). */
const FOOTER_START =
  /^(_{3,}|-{3,}|={3,}|\(C\)|©|\*|(copyright|quelle|quellen|stand|fußnote|fußnoten|anmerkung|hinweis|erläuterung|zeichenerklärung)\b)/i;
/** Excel's hint line `sep=;` names the delimiter. */
const SEP_LINE = /^sep=(.)\r?\n/i;
/** A last row that sums up the others (`Insgesamt,4041517,,,`) is a footer, not a record. */
const TOTAL_LABEL = /^(insgesamt|summe|gesamt|gesamtsumme|total|sum)\s*:?$/i;
/** Column names that make a good record id, when their values are unique. */
const ID_NAMES = ['id', 'uid', 'lfdnr', 'laufendenummer', 'nr', 'objectid', 'fid', 'gid', 'key'];

function isBlank(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 32 && c !== 0xa0) return false;
  }
  return true;
}

function nonEmptyCount(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) if (!isBlank(cell)) count++;
  return count;
}

function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const PREFIX_BYTES = 65_536;

function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // `stream` lets a character cut at the end of the prefix pass.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, PREFIX_BYTES), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes that start a character above U+00FF: Windows-1252's `€`, `„`, `–` … (0x80–0x9F), UTF-8 lead bytes C4–F4. */
function isWideByte(byte: number, encoding: 'utf-8' | 'windows-1252'): boolean {
  if (encoding === 'utf-8') return byte >= 0xc4 && byte <= 0xf4;
  return (
    byte >= 0x80 && byte <= 0x9f && byte !== 0x81 && byte !== 0x8d && byte !== 0x8f && byte !== 0x90 && byte !== 0x9d
  );
}

/**
 * Where to cut the bytes so that the bulk of the file decodes to a one-byte string: after the line holding the last
 * character above U+00FF in the first 64 KB (the `€` of a header `Betrag in €`, a dash in a title line). One such
 * character makes V8 store the whole text with two bytes per character, which doubled its memory and slowed
 * decoding and splitting. 0 (no cut) when there is none, or when a quote comes first: the cut could then fall inside
 * a quoted field.
 */
function wideHeadEnd(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252'): number {
  const end = Math.min(bytes.byteLength, PREFIX_BYTES);
  const bom = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let lastWide = -1;
  for (let i = bom ? 3 : 0; i < end; i++) if (bytes[i] >= 0x80 && isWideByte(bytes[i], encoding)) lastWide = i;
  if (lastWide < 0) return 0;
  const cut = bytes.subarray(0, end).indexOf(0x0a, lastWide) + 1;
  if (cut === 0 || cut >= bytes.byteLength || bytes.subarray(0, cut).includes(0x22)) return 0;
  return cut;
}

/** The text in one piece, or in two cut at a line end (see wideHeadEnd); d3 reads the pieces one after the other. */
function decodeInPieces(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252', fatal: boolean): string[] {
  const cut = wideHeadEnd(bytes, encoding);
  if (cut === 0) return [new TextDecoder(encoding, { fatal }).decode(bytes)];
  return [
    new TextDecoder(encoding, { fatal }).decode(bytes.subarray(0, cut)),
    // The second piece starts inside the file: a U+FEFF there is text, not a byte order mark.
    new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes.subarray(cut)),
  ];
}

interface DecodedPieces {
  pieces: string[];
  encoding: string;
}

function decode(bytes: Uint8Array, options: CsvOptions): DecodedPieces {
  const fromHeader = options.contentType ? charsetOf(options.contentType) : undefined;
  // A server's "utf-8" is often wrong for Excel exports: keep the Windows-1252 fallback for that one.
  const label = options.encoding ?? (fromHeader === 'utf-8' || fromHeader === 'utf8' ? undefined : fromHeader);
  const whole = (encoding: string): DecodedPieces => ({ pieces: [decodeText(bytes, encoding).text], encoding });
  if (label === undefined) {
    // Excel's "Unicode text" export is UTF-16 with a byte order mark.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return whole('utf-16le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return whole('utf-16be');
    // Excel exports are mostly Windows-1252: when the first 64 KB are not UTF-8 already, skip the whole-file
    // UTF-8 attempt (it costs as much as decoding itself).
    if (bytes.byteLength <= PREFIX_BYTES || isUtf8Prefix(bytes)) {
      try {
        return { pieces: decodeInPieces(bytes, 'utf-8', true), encoding: 'utf-8' };
      } catch {
        // Not UTF-8 after all.
      }
    }
    return { pieces: decodeInPieces(bytes, 'windows-1252', false), encoding: 'windows-1252' };
  }
  let canonical: string;
  try {
    canonical = new TextDecoder(label).encoding;
  } catch (error) {
    if (options.encoding) {
      throw new DataError('unsupported', `Unknown text encoding ${options.encoding}`, {
        url: options.url,
        found: options.encoding,
        cause: error,
      });
    }
    // An unknown charset in the Content-Type: decide from the bytes.
    return decode(bytes, { ...options, contentType: undefined });
  }
  const encoding = label.toLowerCase();
  if (canonical === 'utf-8' || canonical === 'windows-1252') {
    return { pieces: decodeInPieces(bytes, canonical, false), encoding };
  }
  return whole(encoding);
}

/** Field counts of the first records for one delimiter, quotes respected (a quoted newline stays in its field). */
function fieldCounts(text: string, delimiter: number, maxRecords: number): number[] {
  const counts: number[] = [];
  const n = text.length;
  let fields = 1;
  let i = 0;
  let atFieldStart = true;
  while (i < n && counts.length < maxRecords) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34) {
      // Skip the quoted field, "" being an escaped quote.
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      i++;
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      counts.push(fields);
      fields = 1;
      atFieldStart = true;
    }
    i++;
  }
  if (counts.length < maxRecords && i >= n && !(atFieldStart && fields === 1)) counts.push(fields);
  return counts;
}

/**
 * The delimiter that splits the first lines most consistently into more than one field. When two fit about equally
 * (`Münster, Gesamtstadt;…;39,20` splits evenly on commas too), the one giving more fields wins.
 */
function detectDelimiter(text: string): string {
  let best: { delimiter: string; matches: number; fields: number } | undefined;
  const candidates = DELIMITERS.map((delimiter) => {
    const counts = fieldCounts(text, delimiter.charCodeAt(0), SAMPLE_ROWS);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let fields = 1;
    let matches = 0;
    for (const [count, times] of frequency) {
      if (times > matches || (times === matches && count > fields)) [fields, matches] = [count, times];
    }
    return { delimiter, matches, fields };
  });
  const most = Math.max(...candidates.map((c) => c.matches));
  for (const candidate of candidates) {
    if (candidate.matches === 0 || candidate.matches < most * 0.8) continue;
    if (!best || candidate.fields > best.fields) best = candidate;
  }
  return best?.delimiter ?? ',';
}

/** Rows holding text only (no number or date): header material. */
function isTextRow(row: readonly string[]): boolean {
  let text = 0;
  for (const cell of row) {
    const s = cell.trim();
    if (s === '') continue;
    if (/^[-+−]?[\d.,\s]+%?$/.test(s) || /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/.test(s)) return false;
    text++;
  }
  return text >= 1;
}

function hasSpanningCells(row: readonly string[]): boolean {
  for (let i = 1; i < row.length; i++) if (row[i].trim() !== '' && row[i].trim() === row[i - 1].trim()) return true;
  return false;
}

/**
 * Where the header starts and how many rows it spans. Without `skipRows`, the header is the first row that fills at
 * least half as many cells as the fullest of the first rows (title lines of statistical exports fill one). A row
 * with repeated neighbouring cells (`Flächennutzungsarten;Flächennutzungsarten`) is a group heading: the text-only
 * row below it belongs to the header too.
 */
function findHeader(rows: string[][], skipRows: number | undefined): { start: number; end: number } {
  let start = 0;
  if (skipRows !== undefined && skipRows >= 0) {
    start = Math.min(Math.floor(skipRows), rows.length);
  } else {
    const sample = rows.slice(0, SAMPLE_ROWS).map(nonEmptyCount);
    const fullest = Math.max(0, ...sample);
    start = sample.findIndex((count) => count >= Math.max(1, fullest / 2));
    if (start < 0) start = 0;
  }
  while (start < rows.length && isEmptyRow(rows[start])) start++;
  let end = start;
  while (
    end - start < 4 &&
    end + 1 < rows.length &&
    hasSpanningCells(rows[end]) &&
    nonEmptyCount(rows[end + 1]) >= 2 &&
    isTextRow(rows[end + 1]) &&
    rows.slice(end + 2, end + 8).some((row) => !isEmptyRow(row) && !isTextRow(row))
  ) {
    end++;
  }
  return { start, end };
}

/**
 * One name per column. A multi-row header joins its parts top-down, leaving out a part that repeats the one above or
 * is contained in it and a group heading that spans every column; a lower part that contains the upper replaces it.
 */
function combineHeader(headerRows: string[][], width: number): string[] {
  const spansAll = headerRows.map((row, r) => {
    if (headerRows.length === 1 || r === headerRows.length - 1) return false;
    const values = new Set(row.map((c) => c.trim()).filter(Boolean));
    return values.size === 1 && nonEmptyCount(row) >= width - 1;
  });
  const names: string[] = [];
  for (let column = 0; column < width; column++) {
    const parts: string[] = [];
    headerRows.forEach((row, r) => {
      const part = (row[column] ?? '').trim().replace(/\s+/g, ' ');
      if (!part || spansAll[r]) return;
      const last = parts[parts.length - 1];
      if (last === undefined) parts.push(part);
      else if (last.toLowerCase().includes(part.toLowerCase())) return;
      else if (part.toLowerCase().includes(last.toLowerCase())) parts[parts.length - 1] = part;
      else parts.push(part);
    });
    names.push(parts.join(' – '));
  }
  return names;
}

/**
 * Unique, safe names: an empty one becomes `Spalte N`, a repeated one or a prototype key gets ` (Spalte N)`
 * appended (N = 1-based column number).
 */
function uniqueNames(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((name, index) => {
    const column = `Spalte ${index + 1}`;
    let unique = name === '' ? column : name;
    if (seen.has(unique) || UNSAFE_KEYS.has(unique)) unique = `${name} (${column})`;
    while (seen.has(unique)) unique = `${unique}'`;
    seen.add(unique);
    return unique;
  });
}

/** The first id-like column name (`id`, `LfdNr`, …), or -1; its values must still prove unique. */
function idCandidate(names: readonly string[]): number {
  for (const wanted of ID_NAMES) {
    const column = names.findIndex((name) => name.toLowerCase().replace(/[^a-z0-9]/g, '') === wanted);
    if (column >= 0) return column;
  }
  return -1;
}

/**
 * An unterminated quote swallows the rest of the file into the last field of the last row; d3-dsv does not
 * complain, so look for it: a last field with a line break that does not end in a closing quote. Quotes are all in
 * the last piece of the text (a cut never follows one, see wideHeadEnd).
 */
function checkQuotes(pieces: readonly string[], lastRow: readonly string[] | undefined, url: string | undefined): void {
  const lastCell = lastRow?.[lastRow.length - 1];
  if (lastCell === undefined || !/[\r\n]/.test(lastCell)) return;
  const text = pieces[pieces.length - 1];
  if (/"[\r\n]*$/.test(text)) return;
  // The field's text follows its opening quote; escaped quotes only move the quote further left.
  const opening = Math.max(0, text.lastIndexOf('"', text.length - lastCell.length - 1));
  let line = lineAt(text, opening);
  for (let p = 0; p < pieces.length - 1; p++) line += lineAt(pieces[p], pieces[p].length) - 1;
  throw new DataError('parse', `Unterminated quoted field starting on line ${line}`, { url, line });
}

type ValuesConstructor = new (columns: readonly Value[][], row: number) => Record<string, Value>;

/**
 * Objects made by a constructor get their properties in-object and share one shape; filling `{}` key by key was
 * a slow step of the pipeline. The first columns are stored by one statement each: a store that always sees the
 * same key and shape stays a fast monomorphic one, where a loop's single store sees every key and goes slow. The
 * prototype stays Object.prototype, so values are plain objects.
 */
function valuesConstructor(names: readonly string[]): ValuesConstructor {
  const n = names.length;
  const [k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11] = names;
  function Values(this: Record<string, Value>, columns: readonly Value[][], row: number) {
    if (n === 0) return;
    this[k0] = columns[0][row];
    if (n === 1) return;
    this[k1] = columns[1][row];
    if (n === 2) return;
    this[k2] = columns[2][row];
    if (n === 3) return;
    this[k3] = columns[3][row];
    if (n === 4) return;
    this[k4] = columns[4][row];
    if (n === 5) return;
    this[k5] = columns[5][row];
    if (n === 6) return;
    this[k6] = columns[6][row];
    if (n === 7) return;
    this[k7] = columns[7][row];
    if (n === 8) return;
    this[k8] = columns[8][row];
    if (n === 9) return;
    this[k9] = columns[9][row];
    if (n === 10) return;
    this[k10] = columns[10][row];
    if (n === 11) return;
    this[k11] = columns[11][row];
    for (let c = 12; c < n; c++) this[names[c]] = columns[c][row];
  }
  Values.prototype = Object.prototype;
  const constructor = Values as unknown as ValuesConstructor;
  // A first object holding null and then a fraction in every field makes every field of the shape hold any value.
  // Otherwise V8 keeps a number-only field as a box of its own per object (one more allocation per number cell),
  // and a null arriving later in such a column changes the shape of every object made so far.
  const nulls = names.map(() => [null]);
  const first = new constructor(nulls, 0);
  for (const name of names) first[name] = 0.5;
  return constructor;
}

/**
 * Constructors by column names. Every constructor brings a new object shape, and the stores in the constructor's
 * code turn slow once they have seen a few: reading the same kind of file again reuses its constructor.
 */
const valuesConstructors = new Map<string, ValuesConstructor>();

function valuesConstructorFor(names: readonly string[]): ValuesConstructor {
  const key = names.join('\u0000');
  let constructor = valuesConstructors.get(key);
  if (!constructor) {
    if (valuesConstructors.size >= 16) valuesConstructors.clear();
    constructor = valuesConstructor(names);
    valuesConstructors.set(key, constructor);
  }
  return constructor;
}

/**
 * A record of a CSV file. Without an id column its id is its row index, turned into text when first read: a chart
 * of a 100k-row file never reads one, and making them all up front took a twentieth of the pipeline's time. So `id`
 * is an accessor: JSON.stringify includes it (toJSON), a spread `{ ...record }` does not (see the README).
 */
class CsvRecord implements DataRecord {
  #id: string | undefined;
  readonly #index: number;
  readonly values: Record<string, Value>;
  constructor(id: string | undefined, index: number, values: Record<string, Value>) {
    this.#id = id;
    this.#index = index;
    this.values = values;
  }
  get id(): string {
    return (this.#id ??= String(this.#index));
  }
  set id(id: string) {
    this.#id = id;
  }
  /** The id column turned out not to be unique: ids are row indexes after all. */
  useIndexAsId(): void {
    this.#id = undefined;
  }
  toJSON(): DataRecord {
    return { id: this.id, values: this.values };
  }
}

/** Thrown when a cell does not fit the type inferred from the first rows: the file is then read again, whole. */
const MISFIT = Symbol('misfit');

function misfit(): never {
  throw MISFIT;
}

/** Rows converted per batch: big enough for tight column loops, small enough that the raw rows die young. */
const BATCH_ROWS = 2048;

/**
 * Turns data rows into records, batch by batch. Types come from the rows seen first (all of them for small files);
 * a cell that does not fit throws MISFIT when `sampled`, and the caller starts over with every row in view.
 * The last dense row and the sparse rows after it stay unconverted until the end: they may be a total row or a
 * footnote block.
 */
class RecordWriter {
  readonly records: CsvRecord[] = [];
  skippedRows = 0;
  private pending: string[][] = [];
  private readonly sparse: number;
  private readonly columns: Value[][];
  private readonly Values: ValuesConstructor;
  private idColumn: number;
  private readonly ids = new Set<string>();
  private idsDropped = false;

  constructor(
    readonly names: readonly string[],
    readonly converters: ColumnConverter[],
    private readonly headerWidth: number,
    private readonly sampled: boolean,
    private readonly inferOptions: InferOptions,
  ) {
    this.sparse = Math.max(1, Math.floor(headerWidth / 4));
    // Arrays that once held null store numbers boxed and hand out the same box; an array of doubles only would
    // store them unboxed and box each one again when the record reads it.
    this.columns = names.map(() => [null]);
    this.Values = valuesConstructorFor(names);
    this.idColumn = idCandidate(names);
  }

  push(row: string[]): void {
    this.pending.push(row);
    if (this.pending.length < BATCH_ROWS) return;
    let keep = this.pending.length - 1;
    while (keep > 0 && isSparseRow(this.pending[keep], this.sparse)) keep--;
    if (keep === 0) {
      // Thousands of sparse rows in a row are data, not a footnote: convert all but the last.
      if (this.pending.length < 4 * BATCH_ROWS) return;
      keep = this.pending.length - 1;
    }
    this.convert(this.pending.slice(0, keep));
    this.pending = this.pending.slice(keep);
  }

  /** The end: drop a footnote block and a closing total row from the held rows, convert the rest. */
  finish(): void {
    const rows = this.pending;
    const end = dataEnd(rows, this.headerWidth, this.records.length);
    this.skippedRows += rows.length - end;
    this.convert(rows.slice(0, end));
    this.pending = [];
    if (this.idsDropped) for (const record of this.records) record.useIndexAsId();
  }

  private convert(batch: string[][]): void {
    const rows = batch.filter((row) => !isEmptyRow(row));
    this.skippedRows += batch.length - rows.length;
    const width = this.names.length;
    for (const row of rows) {
      // Cells past the known columns: only the whole-file pass can give them columns of their own.
      for (let c = row.length - 1; c >= width; c--) if (!isBlank(row[c])) misfit();
    }
    for (let c = 0; c < width; c++) {
      const out = this.columns[c];
      out.length = rows.length;
      if (this.converters[c].convertColumn(rows, c, out)) continue;
      if (this.sampled) misfit();
      // Types were inferred from every cell, so this is a rule the inference and the converter read differently:
      // keep the column as text rather than lose a cell.
      this.converters[c] = inferConverter([], this.inferOptions);
      this.converters[c].convertColumn(rows, c, out);
    }
    const { Values, records, columns } = this;
    const offset = records.length;
    for (let r = 0; r < rows.length; r++) {
      let id = '';
      if (this.idColumn >= 0) {
        id = (rows[r][this.idColumn] ?? '').trim();
        if (id === '' || this.ids.has(id)) {
          this.idColumn = -1; // not unique after all: ids become row indexes in finish()
          this.idsDropped = true;
          this.ids.clear();
        } else this.ids.add(id);
      }
      records.push(new CsvRecord(id || undefined, offset + r, new Values(columns, r)));
    }
  }
}

interface ParsedRows {
  fields: Field[];
  records: DataRecord[];
  headerRow: number;
  skippedRows: number;
}

/**
 * Splits the text with d3-dsv, handing every row to a callback so d3 keeps nothing. The first `headRows` rows are
 * held to find the header and infer the column types; after that rows flow through the RecordWriter in batches.
 */
function parseRows(pieces: readonly string[], delimiter: string, options: CsvOptions, headRows: number): ParsedRows {
  const head: string[][] = [];
  let writer: RecordWriter | undefined;
  let headerRow = 0;
  let lastRow: string[] | undefined;
  const nullValues = options.nullValues;
  const inferOptions: InferOptions = { nullValues, numberFormat: delimiter === ',' ? 'en' : undefined };

  const start = (complete: boolean): RecordWriter | undefined => {
    const header = findHeader(head, options.skipRows);
    headerRow = header.start;
    // No header among the first rows (a huge skipRows): read the file whole.
    if (header.start >= head.length) return complete ? undefined : misfit();
    const headerWidth = head[header.start].length;
    const data = head.slice(header.end + 1);
    // Ragged rows: missing cells are null; cells past the header get columns of their own rather than vanish.
    let width = headerWidth;
    for (const row of data) {
      for (let c = row.length - 1; c >= width; c--) {
        if (!isBlank(row[c])) {
          width = c + 1;
          break;
        }
      }
    }
    const names = uniqueNames(combineHeader(head.slice(header.start, header.end + 1), width));
    // Infer from the data rows, leaving out what the end of a complete file may hold (footnotes, a total row).
    const sample = complete ? data.slice(0, dataEnd(data, headerWidth, 0)) : data;
    const converters = names.map((name, c) =>
      inferConverter(
        sample.map((row) => row[c]),
        { ...inferOptions, name },
      ),
    );
    const created = new RecordWriter(names, converters, headerWidth, !complete, inferOptions);
    for (const row of data) created.push(row);
    return created;
  };

  const onRow = (row: string[]): null => {
    lastRow = row;
    if (writer) writer.push(row);
    else {
      head.push(row);
      if (head.length >= headRows) writer = start(false);
    }
    return null;
  };
  for (const piece of pieces) dsvFormat(delimiter).parseRows(piece, onRow);
  checkQuotes(pieces, lastRow, options.url);
  if (!writer && head.length < headRows) writer = start(true);
  if (!writer) return { fields: [], records: [], headerRow, skippedRows: 0 };
  writer.finish();
  const fields: Field[] = writer.names.map((name, c) => {
    const { type, numberFormat, unit } = writer!.converters[c];
    return { name, type, ...(numberFormat && { numberFormat }), ...(unit && { unit }) };
  });
  return { fields, records: writer.records, headerRow, skippedRows: writer.skippedRows };
}

/** Whether a row fills at most `limit` cells (a footnote line, a blank or delimiter-only row). */
function isSparseRow(row: readonly string[], limit: number): boolean {
  let count = 0;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c]) && ++count > limit) return false;
  return true;
}

/**
 * Where the data in the last rows of a file ends. Among the trailing sparse rows (a quarter of the header's cells
 * or fewer), a footnote block starts at a line without delimiters under a wide table (GENESIS notes) or at one that
 * reads like a footnote (`_____`, `Stand: …`, `Quelle:`). A closing total row (`Insgesamt,4041517,,,`) goes too.
 */
function dataEnd(rows: readonly string[][], headerWidth: number, rowsBefore: number): number {
  const sparse = Math.max(1, Math.floor(headerWidth / 4));
  let block = rows.length;
  while (block > 0 && isSparseRow(rows[block - 1], sparse)) block--;
  let end = rows.length;
  for (let r = block; r < rows.length; r++) {
    const row = rows[r];
    const first = row.find((cell) => !isBlank(cell))?.trim() ?? '';
    if ((headerWidth >= 3 && row.length === 1 && first !== '') || FOOTER_START.test(first)) {
      end = r;
      break;
    }
  }
  let last = end - 1;
  while (last >= 0 && isEmptyRow(rows[last])) last--;
  if (last >= 0 && rowsBefore + last > 0 && TOTAL_LABEL.test((rows[last][0] ?? '').trim())) end = last;
  return end;
}

/** Decode, split, find header and data, infer column types, convert: the whole CSV pipeline without fetching. */
export function parseCsvBytes(bytes: Uint8Array, options: CsvOptions = {}): Dataset {
  const { pieces, encoding } = decode(bytes, options);
  let first = pieces[0].charCodeAt(0) === 0xfeff ? pieces[0].slice(1) : pieces[0];
  const sep = SEP_LINE.exec(first.slice(0, 8));
  if (sep) first = first.slice(sep[0].length);
  pieces[0] = first;
  const url = options.url;

  // The file's beginning, for the binary check and the delimiter (a bounded slice: joining the pieces whole would
  // make one two-byte string again).
  const beginning = pieces.length === 1 ? first : first + pieces[1].slice(0, 4 * PREFIX_BYTES);
  const binary = BINARY.exec(beginning.length > PREFIX_BYTES ? beginning.slice(0, PREFIX_BYTES) : beginning);
  if (binary) {
    const line = lineAt(beginning, binary.index);
    throw new DataError('parse', `Binary data on line ${line}: this is not a text file`, { url, line });
  }
  const delimiter = options.delimiter || sep?.[1] || detectDelimiter(beginning);
  // Rows are counted after the `sep=` line; skipRows and headerRow count lines of the file.
  const sepLines = sep ? 1 : 0;
  const rowOptions = { ...options, skipRows: options.skipRows === undefined ? undefined : options.skipRows - sepLines };
  const headRows = HEAD_ROWS + Math.max(0, rowOptions.skipRows ?? 0);
  let parsed: ParsedRows;
  try {
    parsed = parseRows(pieces, delimiter, rowOptions, headRows);
  } catch (error) {
    if (error !== MISFIT) throw error;
    parsed = parseRows(pieces, delimiter, rowOptions, Infinity);
  }
  const { fields, records, skippedRows } = parsed;
  const headerRow = parsed.headerRow + sepLines;
  return {
    fields,
    records,
    meta: {
      url: url ?? '',
      format: 'csv',
      encoding,
      delimiter,
      bytes: bytes.byteLength,
      fetchedAt: options.fetchedAt ?? new Date(),
      truncated: false,
      headerRow,
      skippedRows,
    },
  };
}

export const parseCsv: Parser = ({ source, body }) =>
  parseCsvBytes(body.bytes, {
    url: source.url,
    contentType: body.contentType,
    encoding: source.encoding,
    delimiter: source.delimiter,
    skipRows: source.skipRows,
    nullValues: source.nullValues,
    fetchedAt: body.fetchedAt,
  });
