import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the ics parser lands.
export const parseIcs: Parser = ({ source }) => {
  throw new DataError('unsupported', 'ics is not implemented yet', { url: source.url, found: 'ics' });
};
