/**
 * The body of a JSON-family response (JSON, GeoJSON, OParl, CKAN, OpenDataSoft), parsed once: format detection peeks
 * at it, the format's parser then reuses the value.
 */
import { charsetOf, decodeText, type DecodedText } from '../decode.js';
import { DataError } from '../errors.js';
import type { FetchedBody } from '../fetch.js';
import type { DatasetMeta, Format } from '../types.js';
import type { ParseContext } from './parser.js';

type Parsed = { ok: true; value: unknown; encoding: string } | { ok: false; error: DataError };

/** One parse per fetched body: detect.ts peeks to refine the format, the parser then reuses the value. */
const parsedBodies = new WeakMap<object, Parsed>();

/**
 * The 0-based offset where `text` stops being valid JSON. Only runs after JSON.parse failed, because V8's messages
 * do not always carry a position ("Unexpected token 'x', … is not valid JSON").
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-f]/i.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (position) {
    return typeof position === 'number' ? Math.min(position, text.length) : 0;
  }
}

/** JSON Lines (one object per line, as OpenDataSoft's `exports/jsonl`), or undefined when the text is not that. */
function jsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2 || !lines.every((line) => /^\s*[[{]/.test(line))) return undefined;
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

function parseText(text: string, url: string): unknown {
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === '<') {
    // A portal's HTML error or login page answered instead of the data.
    throw new DataError('unsupported', `${url} is an HTML page, not JSON`, { url, found: 'text/html' });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const lines = jsonLines(text);
    if (lines) return lines;
    let position: number;
    try {
      position = jsonErrorPosition(text);
    } catch {
      position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? 0);
    }
    throw new DataError('parse', `Invalid JSON in ${url} at position ${position}`, { url, position, cause });
  }
}

/**
 * The body parsed as JSON, parsed once per body and kept for the parser. Throws a DataError `parse` with the
 * character position, or `unsupported` (found `text/html`) when an HTML page came instead.
 */
export function peekJson(
  body: Pick<FetchedBody, 'bytes'> & Partial<Pick<FetchedBody, 'url' | 'contentType'>>,
): unknown {
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    const url = body.url ?? '';
    try {
      let decoded: DecodedText;
      try {
        decoded = decodeText(body.bytes, charsetOf(body.contentType ?? ''));
      } catch {
        decoded = decodeText(body.bytes); // an unknown charset label
      }
      parsed = { ok: true, value: parseText(decoded.text, url), encoding: decoded.encoding };
    } catch (error) {
      parsed = { ok: false, error: error as DataError };
    }
    parsedBodies.set(body, parsed);
  }
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function encodingOf(body: object): string | undefined {
  const parsed = parsedBodies.get(body);
  return parsed?.ok ? parsed.encoding : undefined;
}

/** Meta every JSON-family parser starts from. */
export function jsonMeta(context: ParseContext, format: Format): DatasetMeta {
  const { body, source } = context;
  return {
    url: source.url,
    format,
    encoding: encodingOf(body),
    bytes: body.bytes.byteLength,
    fetchedAt: body.fetchedAt,
    truncated: false,
  };
}
