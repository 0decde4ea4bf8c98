/**
 * CSV parser. What it does with real-world files:
 * - Encoding: `source.encoding`, else a charset in the Content-Type (a claimed UTF-8 still falls back), else a UTF-16
 *   byte order mark, else UTF-8 with a Windows-1252 fallback. A BOM and Excel's `sep=;` line are dropped. Lines at
 *   the top holding `€` or another character above U+00FF are decoded apart from the rest (see csv/decode.ts).
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
 * - Types: per column (see infer/column.ts), from the first 2 000 rows; every later cell is checked, and one that does not
 *   fit makes the parser read the file again with all cells in view.
 * - Ids: an `id`, `uid`, `LfdNr`, `Nr`, … column whose values are present and unique, else the 0-based record index.
 */
import { dsvFormat } from 'd3-dsv';
import { DataError } from '../errors.js';
import { inferConverter, type InferOptions } from '../infer/column.js';
import type { DataRecord, Dataset, Field } from '../types.js';
import { isBlank, lineAt } from './csv/cells.js';
import { decode, PREFIX_BYTES } from './csv/decode.js';
import { detectDelimiter } from './csv/delimiter.js';
import { combineHeader, findHeader, uniqueNames } from './csv/header.js';
import { dataEnd, MISFIT, misfit, RecordWriter } from './csv/records.js';
import { checkQuotedFields } from './csv/quotes.js';
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
}

/** Rows read before the column types are decided (every later cell is still checked against them). */
const HEAD_ROWS = 2000;
/** C0 control characters other than tab, line feed, form feed and carriage return do not occur in text. */
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;
/** Excel's hint line `sep=;` names the delimiter. */
const SEP_LINE = /^sep=(.)\r?\n/i;

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
    if (writer) writer.push(row);
    else {
      head.push(row);
      if (head.length >= headRows) writer = start(false);
    }
    return null;
  };
  for (const piece of pieces) dsvFormat(delimiter).parseRows(piece, onRow);
  if (!writer && head.length < headRows) writer = start(true);
  if (!writer) return { fields: [], records: [], headerRow, skippedRows: 0 };
  writer.finish();
  const fields: Field[] = writer.names.map((name, c) => {
    const { type, numberFormat, unit } = writer!.converters[c];
    return { name, type, ...(numberFormat && { numberFormat }), ...(unit && { unit }) };
  });
  return { fields, records: writer.records, headerRow, skippedRows: writer.skippedRows };
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
  const explicit = options.delimiter || sep?.[1];
  const prefix = beginning.length > PREFIX_BYTES ? beginning.slice(0, PREFIX_BYTES) : beginning;
  // ASCII 30 and 31 (record and unit separator) are control characters, but a delimiter when a source says so.
  const binary = BINARY.exec(explicit && BINARY.test(explicit) ? prefix.replaceAll(explicit, ',') : prefix);
  if (binary) {
    const line = lineAt(beginning, binary.index);
    throw new DataError('parse', `Binary data on line ${line}: this is not a text file`, { url, line });
  }
  const delimiter = explicit || detectDelimiter(beginning);
  // Rows are counted after the `sep=` line; skipRows and headerRow count lines of the file.
  const sepLines = sep ? 1 : 0;
  const rowOptions = { ...options, skipRows: options.skipRows === undefined ? undefined : options.skipRows - sepLines };
  const headRows = HEAD_ROWS + Math.max(0, rowOptions.skipRows ?? 0);
  for (let p = 0; p < pieces.length; p++) {
    pieces[p] = checkQuotedFields(pieces[p], delimiter, url, () =>
      pieces.slice(0, p).reduce((lines, piece) => lines + lineAt(piece, piece.length) - 1, 0),
    );
  }
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
