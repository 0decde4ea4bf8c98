import { getValue, normalizeName, type RoleSpecs } from '../../data/mapping.js';
import { applyFieldOverrides } from '../../data/overrides.js';
import type { DataRecord, Dataset, Lang, Value } from '../../data/types.js';
import { clampText, displayText, TITLE_LENGTH } from '../../shared/display-text.js';
import { foldText, matchesSearch, searchIndex, searchWords, SEARCH_LENGTH } from '../../shared/search.js';

/** The statuses a board shows. Every status in the data is mapped to one of these. */
export const STATUS_KEYS = ['submitted', 'in-review', 'accepted', 'in-progress', 'done', 'rejected'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export type IdeaRole =
  'id' | 'title' | 'description' | 'category' | 'status' | 'votes' | 'comments' | 'author' | 'created' | 'lat' | 'lon';

/**
 * Field names per role, including those of the public APIs of Decidim (`body`, `state`, `voteCount`,
 * `publishedAt`), CONSUL (`summary`, `cached_votes_up`, `comments_count`, `public_created_at`, `tags`) and
 * adhocracy+ (`name`, `positive_rating_count`, `comment_count`), so their exports show without mapping attributes.
 */
export const IDEA_ROLES: RoleSpecs<IdeaRole> = {
  id: { candidates: ['id', 'uuid', 'identifier', 'pk', 'nr', 'nummer', 'slug'] },
  title: {
    candidates: ['title', 'titel', 'name', 'subject', 'betreff', 'idee', 'ueberschrift', 'vorschlag'],
    required: true,
  },
  description: {
    candidates: [
      'description',
      'beschreibung',
      'body',
      'summary',
      'text',
      'content',
      'inhalt',
      'details',
      'begruendung',
    ],
  },
  category: { candidates: ['category', 'kategorie', 'categories', 'tags', 'thema', 'topic', 'bereich', 'rubrik'] },
  status: { candidates: ['status', 'state', 'zustand', 'stand', 'phase'] },
  votes: {
    candidates: [
      'votes',
      'voteCount',
      'votes_count',
      'cached_votes_up',
      'positive_rating_count',
      'stimmen',
      'unterstuetzungen',
      'supports',
      'likes',
      'endorsementsCount',
    ],
  },
  comments: {
    candidates: ['comments', 'comments_count', 'comment_count', 'commentsCount', 'totalCommentsCount', 'kommentare'],
  },
  author: { candidates: ['author', 'autor', 'autorin', 'creator', 'verfasser', 'einreicher', 'username', 'user'] },
  created: {
    candidates: [
      'created',
      'created_at',
      'createdAt',
      'publishedAt',
      'published_at',
      'public_created_at',
      'erstellt',
      'eingereicht',
      'datum',
      'date',
      'timestamp',
    ],
  },
  // Only named by `lat-field`/`lon-field`: the data layer finds coordinate columns itself (record.geometry).
  lat: { candidates: [] },
  lon: { candidates: [] },
};

/** Status words of common vocabularies (German, English, Decidim, CONSUL), normalized as by `normalizeName`. */
const KNOWN_STATUSES: Record<string, StatusKey> = {
  submitted: 'submitted',
  new: 'submitted',
  open: 'submitted',
  published: 'submitted',
  notanswered: 'submitted',
  eingereicht: 'submitted',
  neu: 'submitted',
  offen: 'submitted',
  inreview: 'in-review',
  review: 'in-review',
  underreview: 'in-review',
  evaluating: 'in-review',
  inpruefung: 'in-review',
  pruefung: 'in-review',
  ueberprueft: 'in-review',
  accepted: 'accepted',
  approved: 'accepted',
  selected: 'accepted',
  angenommen: 'accepted',
  beschlossen: 'accepted',
  inprogress: 'in-progress',
  progress: 'in-progress',
  implementing: 'in-progress',
  inumsetzung: 'in-progress',
  inarbeit: 'in-progress',
  done: 'done',
  implemented: 'done',
  completed: 'done',
  finished: 'done',
  umgesetzt: 'done',
  erledigt: 'done',
  abgeschlossen: 'done',
  rejected: 'rejected',
  declined: 'rejected',
  withdrawn: 'rejected',
  abgelehnt: 'rejected',
  zurueckgezogen: 'rejected',
};

/** `status-map="evaluating:in-review, withdrawn:rejected"` → lookup table; unknown targets are ignored. */
export function parseStatusMap(value: string | undefined): Map<string, StatusKey> {
  const map = new Map<string, StatusKey>();
  for (const pair of (value ?? '').split(',')) {
    const [from, to] = pair.split(/[:=]/).map((part) => part?.trim());
    const target = to ? toStatusKey(to) : undefined;
    if (from && target) map.set(normalizeName(from), target);
  }
  return map;
}

function toStatusKey(value: string): StatusKey | undefined {
  const wanted = normalizeName(value);
  return STATUS_KEYS.find((key) => normalizeName(key) === wanted) ?? KNOWN_STATUSES[wanted];
}

/** A status from an attribute (`done`, `Umgesetzt`, `in review`) as our key; unknown text stays as it is. */
export function statusKeyOf(value: string): string {
  return toStatusKey(value) ?? value;
}

export function mapStatus(raw: string | undefined, custom: Map<string, StatusKey>): StatusKey {
  if (!raw) return 'submitted';
  const key = normalizeName(raw);
  return custom.get(key) ?? KNOWN_STATUSES[key] ?? 'submitted';
}

export interface Idea {
  id: string;
  /** The title as the card shows it: at most TITLE_LENGTH characters, ending in `…` when cut. */
  title: string;
  /** The whole title when `title` is cut: searched, and shown (bounded) in the opened idea. */
  fullTitle?: string;
  description: string;
  category?: string;
  status: StatusKey;
  votes: number;
  comments?: number;
  author?: string;
  created?: Date;
  lat?: number;
  lon?: number;
  /** Sent from this page and not yet approved by a moderator. */
  pending?: boolean;
  /** The dataset's record the idea was read from (none for an idea sent from this page). */
  record?: DataRecord;
}

/**
 * A count: numbers as the data layer typed them, or a list by its length. Text is no
 * count: a column of numbers in text is typed number by the data layer already.
 */
function countOf(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.length;
  return undefined;
}

/** One record as an idea, through the mapped roles. Coordinates and dates are the data layer's (see ideasOf). */
function toIdea(
  record: DataRecord,
  roles: Record<IdeaRole, string | undefined>,
  statusMap: Map<string, StatusKey>,
  lang: Lang,
): Idea {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  // A list gives its first entry: CONSUL's tags are the idea's categories, the first one is the category shown.
  const text = (role: IdeaRole) =>
    displayText(getValue(record, roles[role]), { locale, lang, plain: true, first: true });
  const point = record.geometry?.type === 'Point' ? record.geometry.coordinates : undefined;
  const created = getValue(record, roles.created);
  const comments = countOf(getValue(record, roles.comments));
  // The title unbounded (the data's string itself, not a copy): the card shows it cut, search reads past the cut.
  const fullTitle =
    displayText(getValue(record, roles.title), { locale, lang, plain: true, first: true, max: Infinity }) ?? '';
  const title = clampText(fullTitle, TITLE_LENGTH);
  return {
    id: text('id') ?? record.id,
    title,
    ...(title !== fullTitle ? { fullTitle } : {}),
    description: text('description') ?? '',
    category: text('category'),
    status: mapStatus(text('status'), statusMap),
    votes: Math.max(0, Math.round(countOf(getValue(record, roles.votes)) ?? 0)),
    comments: comments === undefined ? undefined : Math.max(0, Math.round(comments)),
    author: text('author'),
    created: created instanceof Date ? created : undefined,
    ...(point ? { lat: point[1], lon: point[0] } : {}),
  };
}

export type SortKey = 'votes' | 'newest' | 'comments';

export interface IdeaFilter {
  categories: string[];
  statuses: string[];
  q?: string;
}

/** Each idea's folded search text, made on the first search and kept as long as the idea (one per locale). */
const searchIndexes = new WeakMap<Idea, { locale: string; index: string }>();

/**
 * The idea's search text: the whole title (not only the part the card shows), text, category and author, each read
 * up to SEARCH_LENGTH characters. Folded once per idea, so typing a query does not fold every title again.
 */
function ideaIndex(idea: Idea, locale: string): string {
  const kept = searchIndexes.get(idea);
  if (kept?.locale === locale) return kept.index;
  const parts = [idea.fullTitle ?? idea.title, idea.description, idea.category, idea.author];
  const index = searchIndex(
    parts.map((part) => part?.slice(0, SEARCH_LENGTH)),
    locale,
  );
  searchIndexes.set(idea, { locale, index });
  return index;
}

/** Category, status and the search rule of every widget (src/shared/search.ts) over title, text, category, author. */
export function filterIdeas(ideas: readonly Idea[], filter: IdeaFilter, locale: string): Idea[] {
  const categories = new Set(filter.categories.map((c) => foldText(c, locale)));
  const statuses = new Set(filter.statuses.map((s) => toStatusKey(s)).filter(Boolean));
  const words = searchWords(filter.q, locale);
  return ideas.filter((idea) => {
    if (categories.size && !(idea.category && categories.has(foldText(idea.category, locale)))) return false;
    if (statuses.size && !statuses.has(idea.status)) return false;
    if (!words.length) return true;
    return matchesSearch(ideaIndex(idea, locale), words);
  });
}

/** One collator for every comparison: `localeCompare` with a locale looks one up on each call. */
let titleCollator: Intl.Collator | undefined;

/** Sorted copy; ties fall back to newest first, then title, so the order is stable across reloads. */
export function sortIdeas(ideas: readonly Idea[], sort: SortKey): Idea[] {
  const time = (idea: Idea) => idea.created?.getTime() ?? 0;
  titleCollator ??= new Intl.Collator('de');
  const collator = titleCollator;
  const byNewest = (a: Idea, b: Idea) => time(b) - time(a) || collator.compare(a.title, b.title);
  const compare: Record<SortKey, (a: Idea, b: Idea) => number> = {
    newest: byNewest,
    votes: (a, b) => b.votes - a.votes || byNewest(a, b),
    comments: (a, b) => (b.comments ?? 0) - (a.comments ?? 0) || byNewest(a, b),
  };
  return [...ideas].sort(compare[sort] ?? byNewest);
}

/**
 * The ideas of a dataset, with role mapping done once per dataset. The data layer reads the coordinates
 * (`lat-field`/`lon-field`, else the columns it detects) and the date of the created field: for a board's own
 * source at loading, and here for a dataset shared by `<offen-data>` (then the same call returns at once).
 */
export function ideasOf(
  given: Dataset,
  roles: Record<IdeaRole, string | undefined>,
  statusMap: Map<string, StatusKey>,
  lang: Lang,
): Idea[] {
  const dataset = applyFieldOverrides(given, {
    latField: roles.lat,
    lonField: roles.lon,
    dateFields: roles.created ? [roles.created] : undefined,
  });
  return dataset.records
    .map((record) => ({ ...toIdea(record, roles, statusMap, lang), record }))
    .filter((idea) => idea.title);
}

/** Cuts at a word boundary near `max` characters. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')} …`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "vor 3 Tagen", "gestern", "vor 2 Monaten": the largest unit that fits, relative to `now`. */
export function relativeTime(date: Date, now: Date, locale: string): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

export type TextPart = { text: string } | { text: string; href: string };

/** Splits plain text into text and web links; links are only http(s) and pass through `safe`. */
export function linkify(text: string, safe: (url: string) => string | undefined): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /\bhttps?:\/\/[^\s<>"']+/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index ?? 0;
    const href = safe(raw);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
