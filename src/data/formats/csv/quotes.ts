/**
 * Quoted fields checked before d3-dsv splits the text. d3-dsv takes the character after a closing quote for the
 * delimiter, whatever it is: `A,"B" ,C,"D"` gives five cells (the space one of them) and shifts every later value one
 * column to the right, and `"a,"b,c"` gives a first cell `a,` — both without a word. Here blanks between a closing
 * quote and the next delimiter or line end are dropped (Excel and hand-edited files write them); anything else
 * there is a parse error naming the line and the field (the column a spreadsheet shows), never a shifted row. Text without quotes costs one indexOf.
 */
import { DataError } from '../../errors.js';
import { lineAt } from './cells.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Line and column (both 1-based) of the field that starts at `offset`: the column counts fields, as a spreadsheet
 * shows them, not characters. Only for errors, so a plain walk over the line.
 */
function fieldPosition(
  text: string,
  offset: number,
  delim: number,
  linesBefore: () => number,
): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let column = 1;
  let quoted = false;
  for (let k = lineStart; k < offset; k++) {
    const c = text.charCodeAt(k);
    if (c === QUOTE) quoted = !quoted;
    else if (c === delim && !quoted) column++;
  }
  return { line: linesBefore() + lineAt(text, offset), column };
}

/**
 * The text with blanks after closing quotes removed (the same string when there are none). Throws a DataError
 * `parse` for a character other than a delimiter or line end after a closing quote, and for a quote never closed.
 * `linesBefore` counts the lines of the file's earlier pieces, only when an error needs it.
 */
export function checkQuotedFields(
  text: string,
  delimiter: string,
  url?: string,
  linesBefore: () => number = () => 0,
): string {
  const delim = delimiter.charCodeAt(0);
  const end = text.length;
  /** Offsets [from, to) of blanks to drop, in pairs. */
  let blanks: number[] | undefined;
  let i = text.indexOf('"');
  while (i >= 0) {
    const before = i === 0 ? LF : text.charCodeAt(i - 1);
    // A quote inside an unquoted field is text (d3-dsv keeps it): only one at a field's start opens a quoted field.
    if (before !== delim && before !== LF && before !== CR) {
      i = text.indexOf('"', i + 1);
      continue;
    }
    let close = text.indexOf('"', i + 1);
    while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2);
    if (close < 0) {
      const { line } = fieldPosition(text, i, delim, linesBefore);
      throw new DataError('parse', `Unterminated quoted field starting on line ${line}`, { url, line });
    }
    let next = close + 1;
    let c = text.charCodeAt(next);
    if (next < end && c !== delim && c !== LF && c !== CR) {
      while ((c === SPACE || c === TAB) && c !== delim) c = text.charCodeAt(++next);
      if (next < end && c !== delim && c !== LF && c !== CR) {
        const at = fieldPosition(text, i, delim, linesBefore);
        throw new DataError(
          'parse',
          `Text after the closing quote of field ${at.column} on line ${at.line}: a quote inside a quoted field must be doubled ("")`,
          { url, ...at },
        );
      }
      (blanks ??= []).push(close + 1, next);
    }
    i = text.indexOf('"', next);
  }
  if (!blanks) return text;
  const parts: string[] = [];
  let from = 0;
  for (let b = 0; b < blanks.length; b += 2) {
    parts.push(text.slice(from, blanks[b]));
    from = blanks[b + 1];
  }
  parts.push(text.slice(from));
  return parts.join('');
}
