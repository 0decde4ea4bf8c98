import type { FetchedBody, FetchOptions } from '../fetch.js';
import type { Dataset, SourceDescription } from '../types.js';

/** What a format parser gets: the first body and a way to fetch further pages or resources the same way. */
export interface ParseContext {
  source: SourceDescription;
  body: FetchedBody;
  /** Fetches another URL with the source's signal, timeout and size limit (OParl pages, CKAN resources). */
  fetch(url: string, options?: Pick<FetchOptions, 'accept'>): Promise<FetchedBody>;
  /** Loads another source through the whole pipeline (CKAN package_show → its CSV resource). */
  load(source: SourceDescription): Promise<Dataset>;
}

export type Parser = (context: ParseContext) => Dataset | Promise<Dataset>;
