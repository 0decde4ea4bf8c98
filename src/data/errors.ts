/** Why loading failed. Widgets show a translated message for each kind (see src/shared/i18n.ts). */
export type DataErrorKind =
  'network' | 'http' | 'timeout' | 'too-large' | 'parse' | 'empty' | 'mapping' | 'unsupported' | 'aborted';

export interface DataErrorDetails {
  url?: string;
  /** `http`: the response status. */
  status?: number;
  /** `parse`: 1-based line and column, or the character offset in JSON. */
  line?: number;
  column?: number;
  position?: number;
  /** `mapping`: the role that could not be filled and the field names that exist. */
  role?: string;
  fields?: string[];
  /** `too-large`: the limit in bytes. `timeout`: the limit in ms. */
  limit?: number;
  /** `network`: the failure looks like a missing CORS header (a cross-origin fetch that failed without status). */
  cors?: boolean;
  /** `network`: the address answers with a redirect that could not be followed (a loop, too many, or a blocked target). */
  redirect?: boolean;
  /** `unsupported`: the format or content type that was found. */
  found?: string;
  /** The underlying error, for developers. */
  cause?: unknown;
}

/**
 * The one error type the data layer throws. `message` is a short English text for developers' consoles;
 * users see the translated text that `describeDataError()` (src/shared/i18n.ts) builds from `kind` and details.
 */
export class DataError extends Error implements DataErrorDetails {
  override readonly name = 'DataError';
  readonly kind: DataErrorKind;
  url?: string;
  status?: number;
  line?: number;
  column?: number;
  position?: number;
  role?: string;
  fields?: string[];
  limit?: number;
  cors?: boolean;
  redirect?: boolean;
  found?: string;

  constructor(kind: DataErrorKind, message: string, details: DataErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    const { cause: _cause, ...rest } = details;
    Object.assign(this, rest);
  }

  /** Network failures and 5xx may succeed on a second try; 4xx, parse and mapping errors will not. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}

/** Wraps anything thrown into a DataError so widgets handle exactly one type. */
export function toDataError(error: unknown, url?: string): DataError {
  if (error instanceof DataError) {
    if (url && !error.url) error.url = url;
    return error;
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new DataError('aborted', 'The request was aborted', { url, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DataError('parse', message, { url, cause: error });
}
