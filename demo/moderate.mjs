#!/usr/bin/env node
// Moderation of the demo's database (demo/.data/ideas.sqlite): `offen-ideas` with that database as default.
//   node demo/moderate.mjs list | approve <id>… | reject <id>… | status [<id> <status>] | export
// The same as `npx offen-ideas <command> --db demo/.data/ideas.sqlite`; see `npx offen-ideas --help`.
import { main } from '../server/lib/cli.mjs';
import { DEMO_DB } from './server.mjs';

process.exitCode = await main(process.argv.slice(2), {
  env: { ...process.env, OFFEN_IDEAS_DB: process.env.OFFEN_IDEAS_DB || DEMO_DB },
});
