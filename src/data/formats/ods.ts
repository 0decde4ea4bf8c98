import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the ods parser lands.
export const parseOds: Parser = ({ source }) => {
  throw new DataError('unsupported', 'ods is not implemented yet', { url: source.url, found: 'ods' });
};
