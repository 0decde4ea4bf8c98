import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the ckan parser lands.
export const parseCkan: Parser = ({ source }) => {
  throw new DataError('unsupported', 'ckan is not implemented yet', { url: source.url, found: 'ckan' });
};
