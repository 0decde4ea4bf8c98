import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the json parser lands.
export const parseJson: Parser = ({ source }) => {
  throw new DataError('unsupported', 'json is not implemented yet', { url: source.url, found: 'json' });
};

export function peekJson(body: { bytes: Uint8Array }): unknown {
  return JSON.parse(new TextDecoder().decode(body.bytes));
}
