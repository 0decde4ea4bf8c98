/** Small readings of rows and cells that every step of the CSV pipeline makes. */

/** Records read when detecting the delimiter and the header. */
export const SAMPLE_ROWS = 50;

export function isBlank(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 32 && c !== 0xa0) return false;
  }
  return true;
}

export function nonEmptyCount(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) if (!isBlank(cell)) count++;
  return count;
}

export function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
