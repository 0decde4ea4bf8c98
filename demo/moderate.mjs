#!/usr/bin/env node
// Moderation on the command line, against the same database file the reference server uses (it notices the
// change on its next request). New ideas stay unpublished until approved here or through
// POST /api/ideas/{id}/approve with the moderator token.
//
//   node demo/moderate.mjs list                   ideas waiting for approval (with e-mail, for questions)
//   node demo/moderate.mjs published              published ideas
//   node demo/moderate.mjs approve <id> [<id>…]   publish
//   node demo/moderate.mjs reject <id> [<id>…]    keep unpublished for good
//   node demo/moderate.mjs status <id> <status>   submitted | in-review | accepted | in-progress | done | rejected
//
// Options: --db <file> (default $OFFEN_IDEAS_DB or demo/.data/ideas.sqlite)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdeasApi, STATUSES } from './ideas-api.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DB = process.env.OFFEN_IDEAS_DB || path.join(here, '.data/ideas.sqlite');

function usage(code = 1) {
  console.log(
    `Usage: node demo/moderate.mjs [--db <file>] list | published | approve <id>… | reject <id>… | status <id> <${STATUSES.join('|')}>`,
  );
  process.exit(code);
}

function line(idea) {
  const date = idea.created.slice(0, 10);
  const who = [idea.author, idea.email].filter(Boolean).join(' <') + (idea.email && idea.author ? '>' : '');
  return `${idea.id}  ${date}  [${idea.category ?? '–'}] ${idea.title}${who ? `  — ${who}` : ''}\n    ${idea.description.replace(/\s+/g, ' ').slice(0, 200)}`;
}

const args = process.argv.slice(2);
let dbFile = DEFAULT_DB;
const dbIndex = args.indexOf('--db');
if (dbIndex >= 0) {
  dbFile = args[dbIndex + 1];
  if (!dbFile) usage();
  args.splice(dbIndex, 2);
}
const [command, ...rest] = args;
if (!command || command === '--help' || command === '-h') usage(command ? 0 : 1);
if (!existsSync(dbFile)) {
  console.error(`No database at ${dbFile}. Start the server once (npm start) or pass --db <file>.`);
  process.exit(1);
}

const api = createIdeasApi({ dbFile });
await api.ready;
let failed = false;
try {
  switch (command) {
    case 'list': {
      const pending = api.store.listPending();
      console.log(pending.length ? pending.map(line).join('\n') : 'No ideas waiting for approval.');
      break;
    }
    case 'published': {
      const published = api.store.listPublished();
      console.log(published.map((idea) => `${line(idea)}\n    status ${idea.status}, ${idea.votes} votes`).join('\n'));
      break;
    }
    case 'approve':
    case 'reject': {
      if (!rest.length) usage();
      for (const id of rest) {
        const idea = api.store.moderate(id, command === 'approve' ? 'approved' : 'rejected');
        if (idea) console.log(`${command === 'approve' ? 'Approved' : 'Rejected'}: ${idea.id} ${idea.title}`);
        else {
          console.error(`No idea with id ${id}`);
          failed = true;
        }
      }
      break;
    }
    case 'status': {
      const [id, status] = rest;
      if (!id || !STATUSES.includes(status)) usage();
      const idea = api.store.setStatus(id, status);
      if (idea) console.log(`${idea.id} is now ${idea.status}`);
      else {
        console.error(`No idea with id ${id}`);
        failed = true;
      }
      break;
    }
    default:
      usage();
  }
} finally {
  await api.close();
}
process.exit(failed ? 1 : 0);
