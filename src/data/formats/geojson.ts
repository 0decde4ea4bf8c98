import { DataError } from '../errors.js';
import type { Parser } from './parser.js';

// Placeholder until the geojson parser lands.
export const parseGeoJson: Parser = ({ source }) => {
  throw new DataError('unsupported', 'geojson is not implemented yet', { url: source.url, found: 'geojson' });
};
