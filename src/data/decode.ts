/**
 * Bytes to text. UTF-8 (a BOM is dropped) unless the bytes are not valid UTF-8; then Windows-1252, which German
 * portals still publish (it is a superset of ISO-8859-1 for printable text, so Latin-1 files read right too).
 */
export interface DecodedText {
  text: string;
  encoding: string;
}

export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) {
    const label = encoding.toLowerCase();
    return { text: new TextDecoder(label).decode(bytes), encoding: label };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The charset named in a Content-Type header, if any. */
export function charsetOf(contentType: string): string | undefined {
  const match = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return match ? match[1].toLowerCase() : undefined;
}
