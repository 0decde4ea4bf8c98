/**
 * iCalendar text (RFC 5545 §3.1) → components and properties with their raw values. Values are read where they are
 * used (dates, rules, text), so a value one reader cannot make sense of costs that one event, not the file.
 */
import { DataError } from '../errors.js';

export interface IcsProperty {
  /** Lower case: `dtstart`, `x-wr-calname`. */
  name: string;
  /** Parameter names in lower case; quotes removed; several values joined by commas. */
  params: Record<string, string>;
  /** The value as written (after unfolding), not unescaped. */
  value: string;
}

export interface IcsComponent {
  /** Lower case: `vcalendar`, `vevent`, `vtimezone`. */
  name: string;
  properties: IcsProperty[];
  children: IcsComponent[];
}

/** Unfolds lines (CRLF, LF or CR, then a space or tab) and remembers where each began, for error messages. */
function unfold(text: string): { lines: string[]; lineNumbers: number[] } {
  const physical = text.split(/\r\n|\n|\r/);
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  physical.forEach((line, index) => {
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && lines.length > 0) lines[lines.length - 1] += line.slice(1);
    else if (line.trim() !== '') {
      lines.push(line);
      lineNumbers.push(index + 1);
    }
  });
  return { lines, lineNumbers };
}

/** Splits `NAME;P=a;Q="b:c":value`; undefined when there is no colon outside quotes. */
function parseLine(line: string): IcsProperty | undefined {
  let index = 0;
  while (index < line.length && line[index] !== ';' && line[index] !== ':') index++;
  if (index === line.length) return undefined;
  const name = line.slice(0, index).trim().toLowerCase();
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  while (line[index] === ';') {
    const equals = line.indexOf('=', index);
    if (equals < 0) return undefined;
    const key = line
      .slice(index + 1, equals)
      .trim()
      .toLowerCase();
    index = equals + 1;
    const values: string[] = [];
    for (;;) {
      if (line[index] === '"') {
        const close = line.indexOf('"', index + 1);
        if (close < 0) return undefined;
        const quoted = line.slice(index + 1, close);
        const colon = quoted.indexOf(':');
        if (close === line.length - 1 && colon >= 0) {
          // Exchange writes `DTSTART;TZID="W. Europe Standard Time:20200609T090000"`: the value slipped into the
          // quotes. With nothing after them the line would have no value at all, so read it from inside.
          values.push(quoted.slice(0, colon));
          if (key && key !== '__proto__') params[key] = values.join(',');
          return { name, params, value: quoted.slice(colon + 1) };
        }
        values.push(quoted);
        index = close + 1;
      } else {
        let end = index;
        while (end < line.length && line[end] !== ',' && line[end] !== ';' && line[end] !== ':') end++;
        values.push(line.slice(index, end));
        index = end;
      }
      if (line[index] !== ',') break;
      index++;
    }
    if (key && key !== '__proto__') params[key] = values.join(',');
  }
  if (line[index] !== ':') return undefined;
  return { name, params, value: line.slice(index + 1) };
}

/** The components at the top of the text (usually one VCALENDAR). Throws a parse error for a line without a colon. */
export function parseIcsComponents(text: string): IcsComponent[] {
  const { lines, lineNumbers } = unfold(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const roots: IcsComponent[] = [];
  const stack: IcsComponent[] = [];
  lines.forEach((line, index) => {
    const property = parseLine(line);
    if (!property || property.name === '') {
      throw new DataError('parse', `Not a valid iCalendar file: invalid line "${line.slice(0, 80)}"`, {
        line: lineNumbers[index],
      });
    }
    if (property.name === 'begin') {
      const component: IcsComponent = {
        name: property.value.trim().toLowerCase(),
        properties: [],
        children: [],
      };
      (stack.at(-1)?.children ?? roots).push(component);
      stack.push(component);
    } else if (property.name === 'end') {
      const name = property.value.trim().toLowerCase();
      // A stray END closes the nearest open component of that name; one that matches nothing is ignored.
      let open = stack.length - 1;
      while (open >= 0 && stack[open].name !== name) open--;
      if (open >= 0) stack.length = open;
    } else {
      stack.at(-1)?.properties.push(property);
    }
  });
  return roots;
}

export function firstProperty(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((property) => property.name === name);
}

export function allProperties(component: IcsComponent, name: string): IcsProperty[] {
  return component.properties.filter((property) => property.name === name);
}

/** TEXT values (RFC 5545 §3.3.11): `\n`, `\,`, `\;` and `\\` unescaped. */
export function unescapeText(value: string): string {
  return value.includes('\\')
    ? value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
    : value;
}

/** A multi-valued TEXT value (CATEGORIES) split at commas that are not escaped. */
export function splitTextList(value: string): string[] {
  return value.split(/(?<!\\),/).map(unescapeText);
}

/** The text of a component's first property of this name, trimmed; null when absent or empty. */
export function textOf(component: IcsComponent, name: string): string | null {
  const property = firstProperty(component, name);
  if (!property) return null;
  const text = unescapeText(property.value).trim();
  return text === '' ? null : text;
}

/** A DURATION value (`PT1H30M`, `P1D`, `-P1W`) in ms, or undefined when unreadable. */
export function parseDuration(value: string): number | undefined {
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value.trim());
  if (!match || value.trim().toUpperCase().endsWith('T')) return undefined;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  if (!weeks && !days && !hours && !minutes && !seconds) return undefined;
  const ms =
    ((Number(weeks ?? 0) * 7 + Number(days ?? 0)) * 86_400 +
      Number(hours ?? 0) * 3600 +
      Number(minutes ?? 0) * 60 +
      Number(seconds ?? 0)) *
    1000;
  return sign === '-' ? -ms : ms;
}
