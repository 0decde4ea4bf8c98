/**
 * CSV bytes to text: `encoding`, else a charset in the Content-Type (a claimed UTF-8 still falls back), else a
 * UTF-16 byte order mark, else UTF-8 with a Windows-1252 fallback. Lines at the top holding `€` or another character
 * above U+00FF are decoded apart from the rest (see wideHeadEnd).
 */
import { charsetOf, decodeText } from '../../decode.js';
import { DataError } from '../../errors.js';
import type { CsvOptions } from '../csv.js';

export const PREFIX_BYTES = 65_536;

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

export function decode(bytes: Uint8Array, options: CsvOptions): DecodedPieces {
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
