// A local tile server, so map tests never reach the internet and can see exactly which tiles were asked for.
//   /tiles/<key>/<z>/<x>/<y>.png   a plain 256×256 PNG, counted under <key> (a test picks a unique key)
//   /tiles/<z>/<x>/<y>.png          the same, counted under "default"
//   /tiles-log/<key>                JSON: { count, paths } of the tile requests seen for <key>
//   /tiles/fail404-…/… /tiles/fail500-…/…  a key starting so answers 404 or 500 (counted) until it is healed:
//   /tiles-heal/<key>               from then on that key's tiles are the plain PNG (a server back up)
import { deflateSync } from 'node:zlib';

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A flat light-green square, like empty land on a map. */
function plainPng(size = 256) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0xe8, 0xec, 0xe4]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const tile = plainPng();
const requests = new Map();
const healed = new Set();

export async function middleware(ctx, next) {
  if (ctx.path.startsWith('/tiles-log/')) {
    const key = decodeURIComponent(ctx.path.slice('/tiles-log/'.length));
    const paths = requests.get(key) ?? [];
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: paths.length, paths });
    return;
  }
  if (ctx.path.startsWith('/tiles-heal/')) {
    healed.add(decodeURIComponent(ctx.path.slice('/tiles-heal/'.length)));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = 'healed';
    return;
  }
  const match = /^\/tiles\/(?:([\w-]+)\/)?(\d+)\/(-?\d+)\/(-?\d+)\.png$/.exec(ctx.path);
  if (!match) return next();
  const key = match[1] ?? 'default';
  if (!requests.has(key)) requests.set(key, []);
  requests.get(key).push(ctx.path);
  ctx.set('Cache-Control', 'no-store');
  const failure = /^fail(404|500)-/.exec(key);
  if (failure && !healed.has(key)) {
    ctx.status = Number(failure[1]);
    ctx.body = `tile ${failure[1]}`;
    return;
  }
  ctx.type = 'image/png';
  ctx.body = tile;
}
