// A tiny CKAN action API for the tests, so package_show answers look like a portal's (no file extension,
// application/json, absolute resource URLs on this server):
//   /ckan/api/3/action/package_show?id=<id>   test/fixtures/json-ckan-package-show-<id>.json with {{origin}} filled in
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.join(process.cwd(), 'test/fixtures');

export async function middleware(ctx, next) {
  if (!ctx.path.startsWith('/ckan/api/3/action/')) return next();
  ctx.set('Cache-Control', 'no-store');
  const action = ctx.path.slice('/ckan/api/3/action/'.length);
  const id = String(ctx.query.id ?? '');
  const file = path.join(fixtures, `json-ckan-package-show-${id}.json`);
  if (action !== 'package_show' || !/^[\w-]+$/.test(id) || !existsSync(file)) {
    ctx.status = 404;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      help: `${ctx.origin}/ckan/api/3/action/help_show?name=${action}`,
      success: false,
      error: { message: 'Not found', __type: 'Not Found Error' },
    });
    return;
  }
  ctx.type = 'application/json';
  ctx.body = readFileSync(file, 'utf8').replaceAll('{{origin}}', ctx.origin);
}
