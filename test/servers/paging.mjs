// Paged geodata APIs for the tests: ArcGIS `query` (f=json and f=geojson), OGC API Features and WFS 2.0 GetFeature,
// each answering page by page as the real servers do, plus the hostile variants.
//   /paging/arcgis/<layer>/FeatureServer/0/query?resultOffset=N[&resultRecordCount=K][&f=geojson]
//       layers: spielplaetze (the 332 Münster playgrounds of the corpus, at most 100 a page, like a server whose
//       maxRecordCount is 100), endless (always exceededTransferLimit, new records on every page), ignores-offset
//       (the first page again whatever the offset), fails (page 2 answers 500), hangs (page 2 never answers)
//   /paging/count/<layer or name> how many requests it got, and the offsets asked (JSON). A layer or collection
//       name may end in `~<key>` (`spielplaetze~t1`): the same data, counted on its own, so tests do not share counts
//   /paging/ogc/collections/<name>/items?offset=N&limit=K  OGC API Features items as pygeoapi writes them
//       names: spielplaetze (the corpus playgrounds, 100 a page unless `limit`), self-loop (next names the page
//       itself), cycle-a / cycle-b (next leads from A to B and back), lying (numberMatched 1,000,000 on a single
//       page without next), endless (a next link on every page), hangs (page 2 never answers), html-next (the only
//       next link is a text/html page that is not GeoJSON)
//   /paging/wfs?…&startIndex=N&count=K  WFS 2.0 GetFeature with outputFormat=application/json, GeoServer style
//       (totalFeatures, numberMatched, numberReturned, crs, and a top-level `next`; `links=none` leaves `next` out,
//       `lie=N` makes numberMatched and totalFeatures say N)
// The playgrounds come from test/corpus/muenster-spielplaetze.geojson (unchanged on disk); each gets an id here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from './files.mjs';

const requests = new Map();
const note = (layer, offset) => {
  const entry = requests.get(layer) ?? { count: 0, offsets: [] };
  entry.count++;
  entry.offsets.push(offset);
  requests.set(layer, entry);
};

let playgrounds;
/** The corpus playgrounds, each with an id (its position, from 1). */
function spielplaetze() {
  playgrounds ??= JSON.parse(readFileSync(path.join(corpusDir, 'muenster-spielplaetze.geojson'), 'utf8')).features.map(
    (feature, index) => ({ ...feature, id: index + 1 }),
  );
  return playgrounds;
}

/** A playground as an Esri feature (WGS84 point, attributes with an OBJECTID). */
function esriFeature(feature) {
  const [x, y] = feature.geometry.coordinates;
  return { attributes: { OBJECTID: feature.id, ...feature.properties }, geometry: { x, y } };
}

/** Generated records for the endless layers: new ids on every page. */
function generated(offset, count) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    id: offset + i + 1,
    geometry: { type: 'Point', coordinates: [13.06 + (offset + i) / 10_000, 52.4] },
    properties: { 'Spielplatz-Name': `Spielplatz ${offset + i + 1}` },
  }));
}

const ESRI_FIELDS = [
  { name: 'OBJECTID', type: 'esriFieldTypeOID', alias: 'OBJECTID' },
  { name: 'Spielplatz-Name', type: 'esriFieldTypeString', alias: 'Name des Spielplatzes' },
  { name: 'Groesse', type: 'esriFieldTypeInteger', alias: 'Größe (m²)' },
  { name: 'Bereich', type: 'esriFieldTypeString', alias: 'Altersbereich' },
];

function arcgis(ctx) {
  const [, , , key, service, , operation] = ctx.path.split('/');
  if (service !== 'FeatureServer' || operation !== 'query') return undefined;
  const layer = key.split('~')[0];
  const offset = Number(ctx.query.resultOffset ?? 0);
  note(key, offset);
  const asked = ctx.query.resultRecordCount === undefined ? Infinity : Number(ctx.query.resultRecordCount);
  const pageSize = Math.min(100, asked);
  let features;
  let more;
  switch (layer) {
    case 'spielplaetze': {
      const all = spielplaetze();
      features = all.slice(offset, offset + pageSize);
      more = offset + pageSize < all.length;
      break;
    }
    case 'endless':
      features = generated(offset, 2);
      more = true;
      break;
    case 'ignores-offset':
      features = spielplaetze().slice(0, 3);
      more = true;
      break;
    case 'fails':
    case 'hangs':
      if (offset > 0) return layer === 'fails' ? { status: 500 } : { hang: true };
      features = spielplaetze().slice(0, 3);
      more = true;
      break;
    default:
      return undefined;
  }
  if (ctx.query.f === 'geojson') {
    return {
      type: 'application/geo+json',
      body: { type: 'FeatureCollection', features, ...(more ? { properties: { exceededTransferLimit: true } } : {}) },
    };
  }
  return {
    type: 'application/json',
    body: {
      objectIdFieldName: 'OBJECTID',
      geometryType: 'esriGeometryPoint',
      spatialReference: { wkid: 4326, latestWkid: 4326 },
      fields: ESRI_FIELDS,
      ...(more ? { exceededTransferLimit: true } : {}),
      features: features.map(esriFeature),
    },
  };
}

/** An OGC API Features items page as pygeoapi writes it: links self, alternate, next (if any) and collection. */
function itemsPage(base, name, features, { offset, limit, matched, next, nextType }) {
  const href = (o) => `${base}/collections/${name}/items?f=json&offset=${o}&limit=${limit}`;
  const links = [
    { type: 'application/geo+json', rel: 'self', title: 'This document as GeoJSON', href: href(offset) },
    {
      type: 'text/html',
      rel: 'alternate',
      title: 'This document as HTML',
      href: href(offset).replace('f=json', 'f=html'),
    },
  ];
  if (next !== undefined) {
    links.push({ type: nextType ?? 'application/geo+json', rel: 'next', title: 'items (next)', href: next });
  }
  links.push({ type: 'application/json', rel: 'collection', title: name, href: `${base}/collections/${name}` });
  return {
    type: 'FeatureCollection',
    features,
    ...(matched === undefined ? {} : { numberMatched: matched }),
    numberReturned: features.length,
    links,
    timeStamp: '2026-12-01T08:00:00.000000Z',
  };
}

function ogc(ctx) {
  const match = /^\/paging\/ogc\/collections\/([\w~-]+)\/items$/.exec(ctx.path);
  if (!match) return undefined;
  const key = match[1];
  const [name, suffix] = key.split('~');
  const base = `${ctx.origin}/paging/ogc`;
  const offset = Number(ctx.query.offset ?? 0);
  const limit = Number(ctx.query.limit ?? 100);
  note(key, offset);
  const href = (o, n = name) =>
    `${base}/collections/${n}${suffix ? `~${suffix}` : ''}/items?f=json&offset=${o}&limit=${limit}`;
  const page = (features, options) => ({
    type: 'application/geo+json',
    body: itemsPage(base, key, features, { offset, limit, ...options }),
  });
  switch (name) {
    case 'spielplaetze': {
      const all = spielplaetze();
      const features = all.slice(offset, offset + limit);
      return page(features, {
        matched: all.length,
        next: offset + limit < all.length ? href(offset + limit) : undefined,
      });
    }
    case 'self-loop':
      return page(spielplaetze().slice(0, 2), { next: href(offset) });
    case 'cycle-a':
      return page(spielplaetze().slice(0, 2), { next: href(0, 'cycle-b') });
    case 'cycle-b':
      return page(spielplaetze().slice(2, 4), { next: href(0, 'cycle-a') });
    case 'lying':
      return page(spielplaetze().slice(0, 3), { matched: 1_000_000 });
    case 'endless':
      return page(generated(offset, limit), { next: href(offset + limit) });
    case 'hangs':
      if (offset > 0) return { hang: true };
      return page(spielplaetze().slice(0, limit), { next: href(offset + limit) });
    case 'html-next':
      if (ctx.query.f === 'html') return { type: 'text/html', body: '<!doctype html><p>Spielplätze</p>' };
      return page(spielplaetze().slice(0, 2), {
        next: `${base}/collections/${key}/items?f=html&offset=2`,
        nextType: 'text/html',
      });
    default:
      return undefined;
  }
}

/** WFS 2.0 GetFeature as GeoJSON, the way GeoServer answers `outputFormat=application/json`. */
function wfs(ctx) {
  if (ctx.path !== '/paging/wfs') return undefined;
  const query = Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k.toLowerCase(), String(v)]));
  if (query.request !== 'GetFeature' || !/json/.test(query.outputformat ?? '')) return { status: 400 };
  const start = Number(query.startindex ?? 0);
  const count = Number(query.count ?? 100);
  note('wfs', start);
  const all = spielplaetze();
  const features = all
    .slice(start, start + count)
    .map((f) => ({ ...f, id: `spielplaetze.${f.id}`, geometry_name: 'geom' }));
  // `lie=N`: numberMatched says N whatever the data holds.
  const matched = query.lie === undefined ? all.length : Number(query.lie);
  const next = new URL(ctx.href);
  next.searchParams.set('startIndex', String(start + count));
  return {
    type: 'application/json;charset=UTF-8',
    body: {
      type: 'FeatureCollection',
      features,
      totalFeatures: matched,
      numberMatched: matched,
      numberReturned: features.length,
      timeStamp: '2026-12-01T08:00:00.000Z',
      ...(start + count < all.length && query.links !== 'none' ? { next: next.href } : {}),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    },
  };
}

export async function middleware(ctx, next) {
  if (!ctx.path.startsWith('/paging/')) return next();
  ctx.set('Cache-Control', 'no-store');
  const count = /^\/paging\/count\/([\w~-]+)$/.exec(ctx.path);
  if (count) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(requests.get(count[1]) ?? { count: 0, offsets: [] });
    return;
  }
  const answer = ctx.path.startsWith('/paging/arcgis/')
    ? arcgis(ctx)
    : ctx.path.startsWith('/paging/ogc/')
      ? ogc(ctx)
      : wfs(ctx);
  if (!answer) return next();
  if (answer.hang) {
    await new Promise((resolve) => ctx.req.on('close', resolve));
    return;
  }
  if (answer.status) {
    ctx.status = answer.status;
    ctx.body = `status ${answer.status}`;
    return;
  }
  ctx.set('Content-Type', answer.type);
  ctx.body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
}
