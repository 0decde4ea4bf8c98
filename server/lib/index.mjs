// The server as a library, for embedding the ideas contract in another Node server:
//   const store = await openStore({ dbFile: 'ideas.sqlite' });  // or { databaseUrl: 'postgres://…' }
//   const api = await createIdeasApi({ store, allowedOrigins: ['https://www.bad-belzig.de'] });
//   createIdeasServer({ api }).listen(8787, '127.0.0.1');
export { createIdeasApi, normalizeOrigin, MAX_PAGE } from './api.mjs';
export { HttpError, errorBoundary, requestUrl } from './http.mjs';
export { RateLimiter } from './rate-limit.mjs';
export { createIdeasServer, listen } from './server.mjs';
export { createStaticHandler, resolvePublicFile, mimeTypes } from './static.mjs';
export { openStore, redact } from './store.mjs';
export { LIMITS, MIN_FILL_MS, STATUSES } from './validate.mjs';
