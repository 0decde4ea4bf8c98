/**
 * Numbers in cells: German `1.234,56` and English `1,234.56` notation, grouping by dots, commas or spaces, a unit
 * (`%`, `‰`, `€`, `EUR`). Read character by character without a regex or a string per cell: this runs for every
 * cell of a large CSV file.
 */

const enum Char {
  Tab = 9,
  Space = 32,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Percent = 37,
  NoBreakSpace = 0xa0,
  NarrowNoBreakSpace = 0x202f,
  MinusSign = 0x2212,
  Euro = 0x20ac,
  PerMille = 0x2030,
}

/** Character codes of the decimal and grouping separators of a notation; -1 = none (plain integers only). */
export const DE = { decimal: Char.Comma, group: Char.Dot } as const;
export const EN = { decimal: Char.Dot, group: Char.Comma } as const;
export const PLAIN = { decimal: -1, group: -1 } as const;
export type Notation = { readonly decimal: number; readonly group: number };

/** 10^0 … 10^22, all exact doubles: a table read instead of a Math.pow call per decimal number. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

// Side results of the last scanNumber call. Module state instead of a result object: no allocation per cell.
export let scannedUnit = '';
export let scannedLeadingZero = false;

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.NoBreakSpace || c === Char.NarrowNoBreakSpace || c === Char.Tab;
}

export function isDigit(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

/**
 * Reads a trimmed cell as a number in the given notation, or returns NaN. Accepts a sign, grouping in threes (by the
 * notation's group character or a space), a decimal part (also `.4`), and a trailing `%`, `‰`, `€` or `EUR`.
 * Sets `scannedUnit` and `scannedLeadingZero` (`0101` is a code, not a number). Builds the value from its digits:
 * an integer mantissa up to 2^53 divided by a power of ten is exactly what Number() would give, without a string.
 */
export function scanNumber(s: string, notation: Notation): number {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  let negative = false;
  if (c === Char.Minus || c === Char.MinusSign) {
    negative = true;
    i++;
  } else if (c === Char.Plus) i++;
  let mantissa = 0;
  let intDigits = 0;
  let groupDigits = -1; // digits since the last group separator; -1 before the first one
  const firstDigit = i;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - Char.Zero);
      intDigits++;
      if (groupDigits >= 0) groupDigits++;
    } else if ((c === notation.group || isSpace(c)) && isDigit(s.charCodeAt(i + 1))) {
      if (groupDigits === -1) {
        // The first group has 1–3 digits and does not start with 0 (`0.125` is not German for 125).
        if (intDigits === 0 || intDigits > 3 || s.charCodeAt(firstDigit) === Char.Zero) return NaN;
      } else if (groupDigits !== 3) return NaN;
      groupDigits = 0;
    } else break;
  }
  if (groupDigits !== -1 && groupDigits !== 3) return NaN;
  scannedLeadingZero = intDigits > 1 && s.charCodeAt(firstDigit) === Char.Zero;
  let scale = 0;
  if (i < n && c === notation.decimal) {
    for (i++; i < n; i++) {
      c = s.charCodeAt(i);
      if (!isDigit(c)) break;
      mantissa = mantissa * 10 + (c - Char.Zero);
      scale++;
    }
    if (scale === 0) return NaN;
  }
  if (intDigits + scale === 0) return NaN;
  const numberEnd = i;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  scannedUnit = '';
  if (i < n) {
    c = s.charCodeAt(i);
    if (c === Char.Percent) scannedUnit = '%';
    else if (c === Char.PerMille) scannedUnit = '‰';
    else if (c === Char.Euro) scannedUnit = '€';
    else if (s.startsWith('EUR', i) && i + 3 === n) {
      scannedUnit = '€';
      i += 2;
    } else return NaN;
    if (++i !== n) return NaN;
  }
  let value: number;
  if (mantissa <= Number.MAX_SAFE_INTEGER && scale <= 22)
    value = scale === 0 ? mantissa : mantissa / POWERS_OF_TEN[scale];
  else value = Number(normalizedDigits(s, numberEnd, notation));
  return negative ? -value : value;
}

/** The rare slow path for more than 15 significant digits: the number as JavaScript text. */
function normalizedDigits(s: string, end: number, notation: Notation): string {
  let out = '';
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) out += s[i];
    else if (c === notation.decimal) out += '.';
  }
  return out;
}

/**
 * Parses a number written in German (`1.234,56`, `-0,5`, `12 %`, `3.000 €`) or, with `'en'`, English notation.
 * Returns null for text that is not a number in that notation.
 */
export function parseNumber(text: string, format: 'de' | 'en' = 'de'): number | null {
  const value = scanNumber(text.trim(), format === 'de' ? DE : EN);
  return Number.isNaN(value) ? null : value;
}
