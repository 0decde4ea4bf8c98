// The shapes an idea takes between the stores and the answers; the same for SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { STATUSES } from './validate.mjs';

/** A store row in the common shape (drivers differ in number types). */
export function ideaRow(row) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category ?? null,
    status: row.status,
    author: row.author ?? null,
    email: row.email ?? null,
    lat: row.lat == null ? null : Number(row.lat),
    lon: row.lon == null ? null : Number(row.lon),
    comments: Number(row.comments),
    votes: Number(row.votes),
    created: row.created,
    moderation: row.moderation,
  };
}

/** The public shape of an idea: never the e-mail address, coordinates only when there are some. */
export function publicIdea(row) {
  const idea = {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    votes: row.votes,
    comments: row.comments,
    author: row.author,
    created: row.created,
    published: row.moderation === 'approved',
  };
  if (row.lat != null && row.lon != null) Object.assign(idea, { lat: row.lat, lon: row.lon });
  return idea;
}

/** What a moderator sees: the public shape with the e-mail address. */
export function moderatorIdea(row) {
  return { ...publicIdea(row), email: row.email };
}

/** The row of a newly submitted idea (validated values). */
export function newIdeaRow(value, now = new Date()) {
  return {
    id: randomUUID(),
    title: value.title,
    description: value.description,
    category: value.category ?? null,
    status: 'submitted',
    author: value.name ?? null,
    email: value.email ?? null,
    lat: value.lat ?? null,
    lon: value.lon ?? null,
    comments: 0,
    base_votes: 0,
    created: now.toISOString(),
    moderation: 'pending',
    moderated: null,
  };
}

const isoOr = (value, fallback) => {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : fallback;
};

/** A row from a seed or export file (the shape GET answers, or `offen-ideas export`). */
export function seedRow(idea, now = new Date()) {
  const moderation = ['pending', 'approved', 'rejected'].includes(idea.moderation)
    ? idea.moderation
    : idea.published === false
      ? 'pending'
      : 'approved';
  return {
    id: String(idea.id ?? randomUUID()).slice(0, 64),
    title: String(idea.title ?? ''),
    description: String(idea.description ?? ''),
    category: idea.category == null ? null : String(idea.category),
    status: STATUSES.includes(idea.status) ? idea.status : 'submitted',
    author: idea.author == null ? null : String(idea.author),
    email: typeof idea.email === 'string' ? idea.email : null,
    lat: typeof idea.lat === 'number' ? idea.lat : null,
    lon: typeof idea.lon === 'number' ? idea.lon : null,
    comments: Number.isInteger(idea.comments) ? idea.comments : 0,
    base_votes: Number.isInteger(idea.votes) ? idea.votes : 0,
    created: isoOr(idea.created, now.toISOString()),
    moderation,
    moderated: moderation === 'pending' ? null : now.toISOString(),
  };
}

/** Reads ideas from a seed file: `{ "ideas": [...] }` or a plain array. */
export function readSeed(seedFile) {
  const parsed = JSON.parse(readFileSync(seedFile, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : parsed.ideas;
  if (!Array.isArray(list)) throw new Error(`${seedFile}: expected an array or { "ideas": [...] }`);
  return list;
}
