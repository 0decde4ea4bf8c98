import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the csv parser lands.
export const parseCsv: Parser = ({ source }) => {
  throw new DataError('unsupported', 'csv is not implemented yet', { url: source.url, found: 'csv' });
};
