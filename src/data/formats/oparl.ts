/**
 * OParl 1.0/1.1 (council information systems) → one event record per meeting. The source may be a meeting list
 * (`…/meeting`, paginated by `links.next`), a Body (its `meeting` list is followed), a System with a single body,
 * or a single Meeting.
 */
import { EVENT_FIELDS, occurrenceId, resolveWindow, takeOrdered } from '../calendar/events.js';
import { overlaps } from '../calendar/merge.js';
import { DEFAULT_TIME_ZONE, ianaTimeZone, wallMs } from '../calendar/time-zone.js';
import { datasetDate } from '../dataset-date.js';
import { DataError } from '../errors.js';
import { absolute, DAY_MS, isObject } from '../util.js';
import type { DataRecord, Field, Value } from '../types.js';
import { jsonMeta, peekJson } from './json-body.js';
import { readPages, type Pager } from './pages.js';
import type { FetchedBody } from '../fetch.js';
import type { ParseContext, Parser } from './parser.js';

/** Organization list pages read at most to name the committees. */
const MAX_ORGANIZATION_PAGES = 5;

const OPARL_FIELDS: readonly Field[] = [
  ...EVENT_FIELDS,
  { name: 'organization', type: 'string' },
  // The meeting's state ("eingeladen", "durchgeführt"): the events widget shows it as a state, not as a text.
  { name: 'state', type: 'string' },
];

type JsonObject = Record<string, unknown>;

/** `Meeting` for `https://schema.oparl.org/1.1/Meeting`. */
function oparlType(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  return /schema\.oparl\.org\/[\d.]+\/(\w+)/.exec(value.type)?.[1];
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

interface ParsedDate {
  instant: number;
  dateOnly: boolean;
}

/** OParl dates carry an offset; one without is read as Berlin time, a bare date as that calendar day. */
function parseOParlDate(value: unknown): ParsedDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value.trim(),
  );
  if (!match) return undefined;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const h = match[4] === undefined ? undefined : Number(match[4]);
  const mi = Number(match[5] ?? 0);
  const s = Number(match[6] ?? 0);
  const offset = match[7];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  if (h === undefined) return { instant: Date.UTC(y, mo - 1, d), dateOnly: true };
  if (h > 23 || mi > 59 || s > 60) return undefined;
  const wall = wallMs(y, mo, d, h, mi, s);
  if (offset === undefined) return { instant: ianaTimeZone(DEFAULT_TIME_ZONE)!.toInstant(wall), dateOnly: false };
  if (offset === 'Z') return { instant: wall, dateOnly: false };
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return { instant: wall - sign * minutes * 60_000, dateOnly: false };
}

function locationText(location: unknown): string | null {
  if (!isObject(location)) return null;
  const description = stringOf(location.description);
  if (description) return description;
  const place = [stringOf(location.postalCode), stringOf(location.locality)].filter(Boolean).join(' ');
  const parts = [stringOf(location.room), stringOf(location.streetAddress), stringOf(place)].filter(
    (part): part is string => part !== null,
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

interface Meeting {
  uid: string;
  start: number;
  end: number | null;
  allDay: boolean;
  source: JsonObject;
  /** Organization URLs (to look up) or embedded names. */
  organizations: { url?: string; name?: string }[];
}

function toMeeting(item: JsonObject, index: number): Meeting | undefined {
  const start = parseOParlDate(item.start);
  if (!start) return undefined;
  const endDate = parseOParlDate(item.end);
  let end: number | null = null;
  if (endDate) end = endDate.dateOnly ? endDate.instant + DAY_MS : endDate.instant;
  if (end !== null && end < start.instant) end = null;
  if (start.dateOnly && end === null) end = start.instant + DAY_MS;
  const organizations = (Array.isArray(item.organization) ? item.organization : [item.organization]).flatMap(
    (entry): { url?: string; name?: string }[] => {
      if (typeof entry === 'string') return [{ url: entry }];
      if (isObject(entry)) {
        const name = stringOf(entry.name) ?? stringOf(entry.shortName);
        if (name) return [{ name }];
        if (typeof entry.id === 'string') return [{ url: entry.id }];
      }
      return [];
    },
  );
  return {
    uid: stringOf(item.id) ?? `meeting-${index + 1}`,
    start: start.instant,
    end,
    allDay: start.dateOnly,
    source: item,
    organizations,
  };
}

/** Tracks whether the starts seen so far only rise or only fall, so paging can stop once past the window. */
class OrderWatch {
  private last?: number;
  private rose = false;
  private fell = false;
  longest = DAY_MS;

  see(meeting: Meeting): void {
    if (this.last !== undefined) {
      if (meeting.start > this.last) this.rose = true;
      if (meeting.start < this.last) this.fell = true;
    }
    this.last = meeting.start;
    if (meeting.end !== null) this.longest = Math.max(this.longest, meeting.end - meeting.start);
  }

  get ascending(): boolean {
    return this.rose && !this.fell;
  }

  get descending(): boolean {
    return this.fell && !this.rose;
  }

  get lastStart(): number | undefined {
    return this.last;
  }
}

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** Fetches further OParl objects the way the first one came, and adds up their bytes. */
class OParlReader {
  bytes = 0;

  constructor(private readonly context: ParseContext) {}

  async body(url: string): Promise<FetchedBody> {
    const body = await this.context.fetch(url, { accept: 'application/json' });
    this.bytes += body.bytes.byteLength;
    return body;
  }

  async get(url: string): Promise<unknown> {
    return peekJson(await this.body(url));
  }
}

/** True for errors that must end loading (the user left); others only cost the optional organization names. */
function isAbort(error: unknown): boolean {
  return (
    (error instanceof DataError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/** id → name of every organization in a (paginated) organization list. */
async function readOrganizationNames(reader: OParlReader, listUrl: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let url: string | undefined = listUrl;
  for (let page = 0; url && page < MAX_ORGANIZATION_PAGES; page++) {
    const data: unknown = await reader.get(url);
    if (!isObject(data) || !Array.isArray(data.data)) break;
    for (const organization of data.data) {
      if (!isObject(organization) || typeof organization.id !== 'string') continue;
      const name = stringOf(organization.name) ?? stringOf(organization.shortName);
      if (name) names.set(organization.id, name);
    }
    const next: unknown = isObject(data.links) ? data.links.next : undefined;
    url = typeof next === 'string' ? absolute(next, url) : undefined;
  }
  return names;
}

export const parseOParl: Parser = async (context) => {
  const { source } = context;
  const window = resolveWindow(source.window);
  const reader = new OParlReader(context);
  const first = peekJson(context.body);
  const type = oparlType(first);

  let title: string | undefined;
  let bodyObject: JsonObject | undefined;
  /** The first page of meetings, or a single meeting when the source is one. */
  let firstPage: FetchedBody | undefined;
  let single: JsonObject | undefined;

  // The entry point a council publishes is often the System: its body list, and that list's only body, lead on.
  let rootBody = context.body;
  let root: unknown = first;
  if (type === 'System' && isObject(first) && typeof first.body === 'string') {
    rootBody = await reader.body(absolute(first.body, rootBody.url || source.url));
    root = peekJson(rootBody);
  }
  if (isObject(root) && Array.isArray(root.data) && oparlType(root.data[0]) === 'Body') {
    const bodies = root.data.filter((item) => oparlType(item) === 'Body');
    const more = isObject(root.links) && typeof root.links.next === 'string';
    if (bodies.length !== 1 || more) {
      throw new DataError('unsupported', `OParl system ${source.url} has several bodies: give the URL of one`, {
        url: source.url,
        found: 'oparl:System',
      });
    }
    root = bodies[0];
  }
  const rootType = oparlType(root);

  if (rootType === 'Body' && isObject(root)) {
    bodyObject = root;
    title = stringOf(root.name) ?? undefined;
    if (typeof root.meeting !== 'string') {
      throw new DataError('unsupported', `OParl body ${source.url} links no meeting list`, {
        url: source.url,
        found: 'oparl:Body',
      });
    }
    firstPage = await reader.body(absolute(root.meeting, rootBody.url || source.url));
  } else if (rootType === 'Meeting' && isObject(root)) {
    single = root;
  } else if (isObject(root) && Array.isArray(root.data)) {
    // A list of papers, persons or files is not a calendar: say so before paging through it.
    const listType = root.data.map(oparlType).find((itemType) => itemType !== undefined);
    if (listType !== undefined && listType !== 'Meeting') {
      throw new DataError('unsupported', `OParl list ${source.url} holds ${listType} objects, not meetings`, {
        url: source.url,
        found: `oparl:${listType}`,
      });
    }
    firstPage = rootBody;
  } else {
    throw new DataError('unsupported', `OParl object ${source.url} is not a meeting list, body or meeting`, {
      url: source.url,
      found: rootType ? `oparl:${rootType}` : undefined,
    });
  }

  const meetings: Meeting[] = [];
  const order = new OrderWatch();
  const wanted = source.limit !== undefined && source.limit >= 0 ? source.limit : Infinity;
  let skipped = 0;
  let index = 0;
  // A list that changes while it is paged can repeat a meeting on the next page.
  const seen = new Set<string>();

  const pager: Pager<unknown> = {
    read: peekJson,
    add(page) {
      const items = isObject(page) && Array.isArray(page.data) ? page.data : [];
      let repeated = 0;
      for (const item of items) {
        const position = index++;
        if (!isObject(item) || item.deleted === true) continue;
        if (oparlType(item) !== undefined && oparlType(item) !== 'Meeting') continue;
        const meeting = toMeeting(item, position);
        if (!meeting) {
          skipped++;
          continue;
        }
        order.see(meeting);
        const key = occurrenceId(meeting.uid, meeting.start);
        if (seen.has(key)) {
          repeated++;
          continue;
        }
        seen.add(key);
        if (overlaps(meeting.start, meeting.end, window)) meetings.push(meeting);
      }
      return { added: items.length - repeated, held: items.length };
    },
    next(page, body) {
      const next: unknown = isObject(page) && isObject(page.links) ? page.links.next : undefined;
      return typeof next === 'string' ? absolute(next, body.url || source.url) : undefined;
    },
    // Pages sorted by start: once past the window (or once the wanted number is certain), later pages add nothing.
    stop() {
      const last = order.lastStart;
      if (last === undefined) return undefined;
      if (order.ascending) {
        if (last >= window.to) return 'done';
        if (source.order !== 'desc' && meetings.length >= wanted) return 'truncated';
      }
      if (order.descending) {
        if (last + order.longest < window.from) return 'done';
        if (source.order === 'desc' && meetings.length >= wanted) return 'truncated';
      }
      return undefined;
    },
  };
  let pages = 1;
  let truncated = false;
  let pageBytes = 0;
  if (firstPage) {
    const paging = await readPages(context, pager, 'application/json', firstPage);
    ({ pages, truncated } = paging);
    // readPages counts the first page, which is the source itself or was fetched (and counted) by the reader.
    pageBytes = paging.bytes - firstPage.bytes.byteLength;
  } else if (single) {
    pager.add({ data: [single] });
  }

  meetings.sort((a, b) => a.start - b.start);
  const taken = takeOrdered(meetings, source.order, source.limit);

  // Committee names: from the body's organization list, on the same server only (no request to third parties).
  const unnamed = taken.items.some((m) => m.organizations.some((o) => o.url && !o.name));
  let names = new Map<string, string>();
  if (unnamed) {
    try {
      if (!bodyObject) {
        const bodyUrl = taken.items.map((m) => m.source.body).find((b): b is string => typeof b === 'string');
        if (bodyUrl && sameOrigin(bodyUrl, source.url)) {
          const fetchedBody = await reader.get(bodyUrl);
          if (oparlType(fetchedBody) === 'Body' && isObject(fetchedBody)) bodyObject = fetchedBody;
        }
      }
      if (bodyObject) {
        title ??= stringOf(bodyObject.name) ?? undefined;
        const listUrl = bodyObject.organization;
        if (typeof listUrl === 'string' && sameOrigin(listUrl, source.url))
          names = await readOrganizationNames(reader, listUrl);
      }
    } catch (error) {
      if (isAbort(error)) throw error;
      // Names are a nicety: without them the meetings still show.
    }
  }

  const records: DataRecord[] = taken.items.map((meeting) => {
    const item = meeting.source;
    const organization =
      meeting.organizations
        .map((o) => o.name ?? (o.url ? names.get(o.url) : undefined))
        .filter((name): name is string => !!name)
        .join(', ') || null;
    const values: Record<string, Value> = {
      title: stringOf(item.name),
      start: datasetDate(meeting.start),
      end: meeting.end === null ? null : datasetDate(meeting.end),
      allDay: meeting.allDay,
      location: locationText(item.location),
      // The events widget groups and filters by category: for council meetings that is the committee.
      category: organization,
      url: stringOf(item.web),
      // A meeting carries no text of its own; its state is a state (below), not a description.
      description: null,
      cancelled: item.cancelled === true,
      uid: meeting.uid,
      organization,
      // A cancelled meeting says so through `cancelled`: its state would only repeat "abgesagt".
      state: item.cancelled === true ? null : stringOf(item.meetingState),
    };
    return { id: occurrenceId(meeting.uid, meeting.start), values };
  });

  return {
    fields: OPARL_FIELDS.map((field) => ({ ...field })),
    records,
    meta: {
      ...jsonMeta(context, 'oparl'),
      bytes: context.body.bytes.byteLength + reader.bytes + pageBytes,
      truncated: truncated || taken.truncated,
      pages,
      ...(title ? { title } : {}),
      ...(skipped > 0 ? { skippedRows: skipped } : {}),
    },
  };
};
