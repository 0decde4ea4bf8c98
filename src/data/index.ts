export * from './types.js';
export { DataError, isDataError, toDataError, type DataErrorKind, type DataErrorDetails } from './errors.js';
export { loadDataset, loadNextPage } from './load.js';
export { fetchBytes, type FetchedBody, type FetchOptions } from './fetch.js';
export { decodeText } from './decode.js';
export { detectFormat } from './detect.js';
export { applyFieldOverrides } from './overrides.js';
export { mapRoles, getValue, normalizeName, type RoleSpec, type RoleSpecs, type RoleMap } from './mapping.js';
export { DatasetDate } from './dataset-date.js';
