import { dsvFormat } from 'd3-dsv';
import { charsetOf, decodeText } from '../decode.js';
import { DataError } from '../errors.js';
import { inferConverter, type ColumnConverter } from '../infer.js';
import type { DataRecord, Dataset, Field, Value } from '../types.js';
import type { Parser } from './parser.js';

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
  signal?: AbortSignal;
}

const DELIMITERS = [';', ',', '\t', '|'] as const;
/** Records read when detecting the delimiter and the header. */
const SAMPLE_ROWS = 50;
/** Cells per column that decide its type before every cell is converted (and re-checked). */
const INFER_HEAD = 1000;
const INFER_SPREAD = 1000;

/** C0 control characters other than tab, line feed, form feed and carriage return do not occur in text. */
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;
/** A footnote block after the data starts with a rule or one of these words (GENESIS: `_____`, `Stand: …`). */
const FOOTER_START =
  /^(_{3,}|-{3,}|={3,}|\(C\)|©|copyright|quelle|stand|fußnote|anmerkung|hinweis|erläuterung|zeichenerklärung|\*)/i;
/** A last row that sums up the others (`Insgesamt,4041517,,,`) is a footer, not a record. */
const TOTAL_LABEL = /^(insgesamt|summe|gesamt|gesamtsumme|total|sum)\s*:?$/i;
/** Column names that make a good record id, when their values are unique. */
const ID_NAMES = ['id', 'uid', 'lfdnr', 'laufendenummer', 'nr', 'objectid', 'fid', 'gid', 'key'];
/** Names that must never become keys of `values` (prototype pollution). */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

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

function decode(bytes: Uint8Array, options: CsvOptions): { text: string; encoding: string } {
  const fromHeader = options.contentType ? charsetOf(options.contentType) : undefined;
  // A server's "utf-8" is often wrong for Excel exports: keep the Windows-1252 fallback for that one.
  const label = options.encoding ?? (fromHeader === 'utf-8' || fromHeader === 'utf8' ? undefined : fromHeader);
  try {
    // Excel exports are mostly Windows-1252: when the first 64 KB are not UTF-8 already, skip the whole-file
    // UTF-8 attempt (it costs as much as decoding itself).
    if (label === undefined && bytes.byteLength > PREFIX_BYTES && !isUtf8Prefix(bytes)) {
      return decodeText(bytes, 'windows-1252');
    }
    return decodeText(bytes, label);
  } catch (error) {
    if (options.encoding) {
      throw new DataError('unsupported', `Unknown text encoding ${options.encoding}`, {
        url: options.url,
        found: options.encoding,
        cause: error,
      });
    }
    return decodeText(bytes);
  }
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
export function detectDelimiter(text: string): string {
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
  if (skipRows !== undefined && skipRows > 0) {
    start = Math.min(skipRows, rows.length);
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
    if (seen.has(unique) || UNSAFE_NAMES.has(unique)) unique = `${name} (${column})`;
    while (seen.has(unique)) unique = `${unique}'`;
    seen.add(unique);
    return unique;
  });
}

function sampleIndexes(count: number): number[] {
  if (count <= INFER_HEAD + INFER_SPREAD) return Array.from({ length: count }, (_, i) => i);
  const indexes = Array.from({ length: INFER_HEAD }, (_, i) => i);
  const step = (count - INFER_HEAD) / INFER_SPREAD;
  for (let k = 0; k < INFER_SPREAD; k++) indexes.push(INFER_HEAD + Math.floor(k * step));
  return indexes;
}

/** The id column: an id-like name whose values are all present and unique. */
function idColumn(names: readonly string[], rows: readonly string[][]): number {
  for (const wanted of ID_NAMES) {
    const column = names.findIndex((name) => name.toLowerCase().replace(/[^a-z0-9]/g, '') === wanted);
    if (column < 0) continue;
    const seen = new Set<string>();
    const unique = rows.every((row) => {
      const value = (row[column] ?? '').trim();
      if (value === '' || seen.has(value)) return false;
      seen.add(value);
      return true;
    });
    if (unique) return column;
  }
  return -1;
}

/**
 * An unterminated quote swallows the rest of the file into the last field of the last row; d3-dsv does not
 * complain, so look for it: a last field with a line break that does not end in a closing quote.
 */
function checkQuotes(text: string, rows: string[][], url: string | undefined): void {
  const lastRow = rows[rows.length - 1];
  const lastCell = lastRow?.[lastRow.length - 1];
  if (lastCell === undefined || !/[\r\n]/.test(lastCell)) return;
  if (/"[\r\n]*$/.test(text)) return;
  // The field's text follows its opening quote; escaped quotes only move the quote further left.
  const opening = Math.max(0, text.lastIndexOf('"', text.length - lastCell.length - 1));
  const line = lineAt(text, opening);
  throw new DataError('parse', `Unterminated quoted field starting on line ${line}`, { url, line });
}

type ValuesConstructor = new (row: readonly string[]) => Record<string, Value>;

/**
 * Objects made by a constructor get their properties in-object and share one shape; filling `{}` key by key was
 * the slowest step of the whole pipeline. The prototype stays Object.prototype, so values are plain objects.
 * A cell that does not fit its column's type is null for now and its column is listed in `misfits`.
 */
function valuesConstructor(names: readonly string[], converters: ColumnConverter[], misfits: Set<number>) {
  function Values(this: Record<string, Value>, row: readonly string[]) {
    for (let c = 0; c < names.length; c++) {
      const cell = row[c];
      let value: Value | undefined = null;
      if (cell !== undefined) {
        value = converters[c].tryConvert(cell);
        if (value === undefined) {
          misfits.add(c);
          value = null;
        }
      }
      this[names[c]] = value;
    }
  }
  Values.prototype = Object.prototype;
  return Values as unknown as ValuesConstructor;
}

/** Decode, split, find header and data, infer column types, convert: the whole CSV pipeline without fetching. */
export function parseCsvBytes(bytes: Uint8Array, options: CsvOptions = {}): Dataset {
  const { text: decoded, encoding } = decode(bytes, options);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const url = options.url;

  const binary = BINARY.exec(text.length > PREFIX_BYTES ? text.slice(0, PREFIX_BYTES) : text);
  if (binary) {
    const line = lineAt(text, binary.index);
    throw new DataError('parse', `Binary data on line ${line}: this is not a text file`, { url, line });
  }
  const delimiter = options.delimiter || detectDelimiter(text);
  const rows = dsvFormat(delimiter).parseRows(text);
  checkQuotes(text, rows, url);
  options.signal?.throwIfAborted();

  const meta = {
    url: url ?? '',
    format: 'csv' as const,
    encoding,
    delimiter,
    bytes: bytes.byteLength,
    fetchedAt: options.fetchedAt ?? new Date(),
    truncated: false,
  };
  const header = findHeader(rows, options.skipRows);
  if (header.start >= rows.length) return { fields: [], records: [], meta: { ...meta, skippedRows: 0 } };

  // Data ends before a footnote block: in the sparse rows at the end, from the first one-cell line or one that
  // starts like a footnote (`_____`, `Stand: …`, `Quelle:`); a closing total row goes too.
  const headerWidth = rows[header.start].length;
  const sparse = Math.max(1, Math.floor(headerWidth / 4));
  let end = rows.length;
  let block = end;
  while (block > header.end + 1 && nonEmptyCount(rows[block - 1]) <= sparse) block--;
  for (let r = block; r < rows.length; r++) {
    const row = rows[r];
    const count = nonEmptyCount(row);
    const first = row.find((cell) => !isBlank(cell))?.trim() ?? '';
    if ((headerWidth >= 3 && count <= 1) || FOOTER_START.test(first)) {
      end = r;
      break;
    }
  }
  let last = end - 1;
  while (last > header.end && isEmptyRow(rows[last])) last--;
  if (last > header.end + 1 && TOTAL_LABEL.test((rows[last][0] ?? '').trim())) end = last;

  const dataRows: string[][] = [];
  for (let r = header.end + 1; r < end; r++) if (!isEmptyRow(rows[r])) dataRows.push(rows[r]);
  const skippedRows = rows.length - (header.end + 1) - dataRows.length;

  // Ragged rows: missing cells are null; cells past the header get columns of their own rather than vanish.
  let width = headerWidth;
  for (const row of dataRows) {
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlank(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const names = uniqueNames(combineHeader(rows.slice(header.start, header.end + 1), width));

  // Types from a sample, then one conversion pass that checks every cell; a column with a misfit is inferred again
  // from all its cells (so `1.234` values decide by the whole column, not only by the sample).
  const inferOptions = {
    nullValues: options.nullValues,
    numberFormat: delimiter === ',' ? ('en' as const) : undefined,
  };
  const sample = sampleIndexes(dataRows.length);
  const converters: ColumnConverter[] = names.map((name, c) =>
    inferConverter(
      sample.map((r) => dataRows[r][c]),
      { ...inferOptions, name },
    ),
  );
  options.signal?.throwIfAborted();

  const misfits = new Set<number>();
  const Values = valuesConstructor(names, converters, misfits);
  const records: DataRecord[] = new Array(dataRows.length);
  for (let r = 0; r < dataRows.length; r++) records[r] = { id: '', values: new Values(dataRows[r]) };
  for (const c of misfits) {
    const converter = inferConverter(
      dataRows.map((row) => row[c]),
      { ...inferOptions, name: names[c] },
    );
    converters[c] = converter;
    for (let r = 0; r < dataRows.length; r++) records[r].values[names[c]] = converter.convert(dataRows[r][c]);
  }

  const idIndex = idColumn(names, dataRows);
  for (let r = 0; r < records.length; r++) records[r].id = idIndex >= 0 ? dataRows[r][idIndex].trim() : String(r);

  const fields: Field[] = names.map((name, c) => {
    const { type, numberFormat, unit } = converters[c];
    return { name, type, ...(numberFormat && { numberFormat }), ...(unit && { unit }) };
  });
  return { fields, records, meta: { ...meta, headerRow: header.start, skippedRows } };
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
    signal: source.signal,
  });
