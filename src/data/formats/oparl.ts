import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the oparl parser lands.
export const parseOParl: Parser = ({ source }) => {
  throw new DataError('unsupported', 'oparl is not implemented yet', { url: source.url, found: 'oparl' });
};
