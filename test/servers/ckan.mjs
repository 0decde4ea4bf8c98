// A tiny CKAN action API for the tests, so package_show answers look like a portal's (no file extension,
// application/json, absolute resource URLs on this server):
//   /ckan/api/3/action/package_show?id=<id>   test/fixtures/json-ckan-package-show-<id>.json with {{origin}} filled
//                                             in; an unknown id gets CKAN's 404 "Not Found Error" answer
//   /ckan/count?id=<id>                       how often package_show was asked for <id> (to see retries)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.join(process.cwd(), 'test/fixtures');
const requests = new Map();

export async function middleware(ctx, next) {
  if (!ctx.path.startsWith('/ckan/')) return next();
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  const id = String(ctx.query.id ?? '');
  if (ctx.path === '/ckan/count') {
    ctx.body = JSON.stringify({ count: requests.get(id) ?? 0 });
    return;
  }
  const action = ctx.path.slice('/ckan/api/3/action/'.length);
  requests.set(id, (requests.get(id) ?? 0) + 1);
  const file = path.join(fixtures, `json-ckan-package-show-${id}.json`);
  if (action !== 'package_show' || !/^[\w-]+$/.test(id) || !existsSync(file)) {
    ctx.status = 404;
    ctx.body = JSON.stringify({
      help: `${ctx.origin}/ckan/api/3/action/help_show?name=${action}`,
      success: false,
      error: { message: 'Not found', __type: 'Not Found Error' },
    });
    return;
  }
  ctx.body = readFileSync(file, 'utf8').replaceAll('{{origin}}', ctx.origin);
}
