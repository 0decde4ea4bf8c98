/**
 * What a board keeps in the browser: the form draft (so nothing typed is lost), the citizen's own ideas that wait for
 * approval (so they still see them after a reload), the ideas voted for and the anonymous client token the server
 * counts votes by. Nothing here leaves the browser except through the board's own requests. localStorage may be unavailable (privacy modes, full quota):
 * every access fails quietly and the widget keeps working for the current page view.
 */
import { DAY_MS } from '../../data/util.js';

export interface Draft {
  title: string;
  description: string;
  category: string;
  name: string;
  email: string;
  consent: boolean;
  /** When the citizen started typing (ms since epoch); the fill time sent to the server counts from here. */
  startedAt: number;
}

const PREFIX = 'offen-ideas';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    /* storage unavailable or full: the draft lives on in the form itself */
  }
}

export function draftKey(submitUrl: string, board: string): string {
  return `${PREFIX}:draft:${submitUrl}#${board}`;
}

export function loadDraft(key: string): Draft | undefined {
  const raw = read(key);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Draft>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return {
      title: text(parsed.title),
      description: text(parsed.description),
      category: text(parsed.category),
      name: text(parsed.name),
      email: text(parsed.email),
      consent: parsed.consent === true,
      startedAt: typeof parsed.startedAt === 'number' ? parsed.startedAt : Date.now(),
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  write(key, JSON.stringify(draft));
}

export function clearDraft(key: string): void {
  write(key, null);
}

export function isDraftEmpty(draft: Draft | undefined): boolean {
  return !draft || ![draft.title, draft.description, draft.name, draft.email].some((v) => v.trim());
}

function votesKey(voteUrl: string): string {
  return `${PREFIX}:votes:${voteUrl}`;
}

export function loadVotes(voteUrl: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(read(votesKey(voteUrl)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveVotes(voteUrl: string, ids: ReadonlySet<string>): void {
  write(votesKey(voteUrl), JSON.stringify([...ids]));
}

/** A random token per browser, so the server can count one vote per idea without knowing who voted. */
export function clientToken(): string {
  const key = `${PREFIX}:client`;
  const existing = read(key);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  write(key, token);
  return token;
}

/** An idea sent from this browser that a moderator has not approved yet (no e-mail address is kept). */
export interface OwnIdea {
  id: string;
  title: string;
  description: string;
  category?: string;
  author?: string;
  /** When it was sent (ms since epoch). */
  sent: number;
}

/** Own ideas are forgotten after 30 days: by then a moderator has approved or declined them. */
const OWN_IDEAS_DAYS = 30;
const OWN_IDEAS_MAX = 20;

export function ownIdeasKey(submitUrl: string, board: string): string {
  return `${PREFIX}:own:${submitUrl}#${board}`;
}

/** The own ideas still waiting, newest first; those older than 30 days are left out. */
export function loadOwnIdeas(key: string, now: number): OwnIdea[] {
  try {
    const parsed: unknown = JSON.parse(read(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
    return parsed
      .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
      .map((item) => ({
        id: text(item.id) ?? '',
        title: text(item.title) ?? '',
        description: text(item.description) ?? '',
        category: text(item.category),
        author: text(item.author),
        sent: typeof item.sent === 'number' ? item.sent : 0,
      }))
      .filter((idea) => idea.id && idea.title && now - idea.sent < OWN_IDEAS_DAYS * DAY_MS);
  } catch {
    return [];
  }
}

export function saveOwnIdeas(key: string, ideas: readonly OwnIdea[]): void {
  write(key, ideas.length ? JSON.stringify(ideas.slice(0, OWN_IDEAS_MAX)) : null);
}
