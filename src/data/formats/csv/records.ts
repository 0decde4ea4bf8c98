/**
 * Data rows to records: typed columns converted batch by batch into objects of one shape, row ids, and the end of
 * the data (a footnote block, a closing total row).
 */
import { inferConverter, type ColumnConverter, type InferOptions } from '../../infer/column.js';
import type { DataRecord, Value } from '../../types.js';
import { isBlank, isEmptyRow } from './cells.js';

/** A footnote block after the data starts with a rule or one of these words (GENESIS: `_____`, `Stand: …`). */
const FOOTER_START =
  /^(_{3,}|-{3,}|={3,}|\(C\)|©|\*|(copyright|quelle|quellen|stand|fußnote|fußnoten|anmerkung|hinweis|erläuterung|zeichenerklärung)\b)/i;
/** A last row that sums up the others (`Insgesamt,4041517,,,`) is a footer, not a record. */
const TOTAL_LABEL = /^(insgesamt|summe|gesamt|gesamtsumme|total|sum)\s*:?$/i;
/** Column names that make a good record id, when their values are unique. */
const ID_NAMES = ['id', 'uid', 'lfdnr', 'laufendenummer', 'nr', 'objectid', 'fid', 'gid', 'key'];

/** The first id-like column name (`id`, `LfdNr`, …), or -1; its values must still prove unique. */
function idCandidate(names: readonly string[]): number {
  const normalized = names.map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ''));
  for (const wanted of ID_NAMES) {
    const column = normalized.indexOf(wanted);
    if (column >= 0) return column;
  }
  return -1;
}

export type ValuesConstructor = new (columns: readonly Value[][], row: number) => Record<string, Value>;

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

export function valuesConstructorFor(names: readonly string[]): ValuesConstructor {
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
export class CsvRecord implements DataRecord {
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
  /** The id the data gave (an id column), or undefined when the id is the index (without making it). */
  get givenId(): string | undefined {
    return this.#id;
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
export const MISFIT = Symbol('misfit');

export function misfit(): never {
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
export class RecordWriter {
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
export function dataEnd(rows: readonly string[][], headerWidth: number, rowsBefore: number): number {
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
