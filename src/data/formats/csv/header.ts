/**
 * The header: which row it starts on, how many rows it spans (GENESIS group headings), and one unique, safe name
 * per column.
 */
import { UNSAFE_KEYS } from '../../util.js';
import { isEmptyRow, nonEmptyCount, SAMPLE_ROWS } from './cells.js';

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
export function findHeader(rows: string[][], skipRows: number | undefined): { start: number; end: number } {
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
export function combineHeader(headerRows: string[][], width: number): string[] {
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
export function uniqueNames(raw: readonly string[]): string[] {
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
