// <offen-map> speed with 50,000 points, against Leaflet.markercluster on the same points in the same run:
//  1. first render: from handing over the points to a drawn map (ours: the whole widget — field mapping, sorting,
//     the list, supercluster, the clusters in view; reference: creating L.marker objects and addLayers),
//  2. the longest task while panning: programmatic pans at two zoom levels, each timed from panBy to the end of
//     the re-render it causes, together with any 'longtask' entries the browser reports meanwhile.
// Neither side loads tiles (no network in benchmarks).
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { Dataset } from '../../src/data/types.js';
import { type BenchRow } from './bench-utils.js';

const POINTS = 50_000;
const RUNS = 3;
const CATEGORIES = ['Sport', 'Freizeit', 'Tourismus', 'Kultur', 'Bildung', 'Soziales'];

interface Point {
  id: string;
  name: string;
  category: string;
  lat: number;
  lon: number;
}

/** Points spread over the Hoher Fläming and around, denser near Bad Belzig and Wiesenburg. */
function generate(): Point[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const towns = [
    [52.14, 12.59],
    [52.12, 12.46],
  ];
  return Array.from({ length: POINTS }, (_, i) => {
    const near = i % 3 !== 0;
    const [lat0, lon0] = towns[i % 2];
    const spread = near ? 0.05 : 0.6;
    return {
      id: `p${i}`,
      name: `Angebot ${i}`,
      category: CATEGORIES[i % CATEGORIES.length],
      lat: lat0 + (random() - 0.5) * spread,
      lon: lon0 + (random() - 0.5) * spread * 1.6,
    };
  });
}

function toDataset(points: Point[]): Dataset {
  return {
    fields: [
      { name: 'name', type: 'string' },
      { name: 'kategorie', type: 'string' },
    ],
    records: points.map((p) => ({
      id: p.id,
      values: { name: p.name, kategorie: p.category },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
    meta: { url: 'bench:generated', format: 'geojson', bytes: 0, fetchedAt: new Date(0), truncated: false },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function box(): HTMLElement {
  const div = document.createElement('div');
  div.style.width = '1000px';
  document.body.append(div);
  return div;
}

async function renderOurs(dataset: Dataset): Promise<{ ms: number; el: OffenMap }> {
  const container = box();
  const el = document.createElement('offen-map');
  el.height = '500px';
  const start = performance.now();
  el.data = dataset;
  container.append(el);
  await el.mapComplete;
  const ms = performance.now() - start;
  if (!el.shadowRoot!.querySelector('.offen-cluster')) throw new Error('offen-map drew no clusters');
  return { ms, el };
}

type ClusterGroup = L.FeatureGroup & { addLayers(layers: L.Layer[]): void };

async function renderReference(points: Point[]): Promise<{ ms: number; map: L.Map }> {
  const container = box();
  const div = document.createElement('div');
  div.style.height = '500px';
  container.append(div);
  const start = performance.now();
  const map = L.map(div, { attributionControl: false, maxZoom: 19 });
  const icon = L.divIcon({ className: 'ref-marker', iconSize: [12, 12] });
  const markers = points.map((p) => L.marker([p.lat, p.lon], { icon }));
  const group = (window as unknown as { L: { markerClusterGroup(o: object): ClusterGroup } }).L.markerClusterGroup({
    chunkedLoading: false,
  });
  map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as [number, number])));
  group.addLayers(markers);
  map.addLayer(group);
  const ms = performance.now() - start;
  if (!div.querySelector('.marker-cluster')) throw new Error('markercluster drew no clusters');
  return { ms, map };
}

/**
 * Longest pan: each panBy timed to the end of the re-render it triggers, and the 'longtask' entries the browser
 * reports during the pans (the zoom changes between the two series are not pans and are not counted).
 */
async function longestPan(map: L.Map, settle: () => Promise<unknown>): Promise<number> {
  const windows: [number, number][] = [];
  const long: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    /* not supported: the timed pans still count */
  }
  const timed: number[] = [];
  const start = map.getCenter();
  const startZoom = map.getZoom();
  for (const zoom of [startZoom, startZoom + 3]) {
    map.setView(start, zoom, { animate: false });
    await settle();
    await frame();
    await frame();
    for (let i = 0; i < 16; i++) {
      const dx = i % 8 < 4 ? 300 : -300;
      const dy = i % 4 < 2 ? 150 : -150;
      const t0 = performance.now();
      map.panBy([dx, dy], { animate: false });
      await settle();
      timed.push(performance.now() - t0);
      await frame();
      windows.push([t0, performance.now()]);
    }
  }
  await frame();
  observer.disconnect();
  const duringPans = long
    .filter((e) => windows.some(([from, to]) => e.startTime >= from - 1 && e.startTime <= to))
    .map((e) => e.duration);
  return Math.max(...timed, ...duringPans);
}

export default async function (): Promise<BenchRow[]> {
  const points = generate();
  const dataset = toDataset(points);
  (window as unknown as { L: unknown }).L = { ...L }; // markercluster is a UMD plugin that extends a global L
  // @ts-expect-error -- a UMD plugin without types; it adds L.markerClusterGroup to the global L.
  await import('leaflet.markercluster');

  // Warm up both once (JIT, Leaflet chunk), then alternate runs.
  const warm = await renderOurs(dataset);
  warm.el.parentElement!.remove();
  const warmRef = await renderReference(points);
  warmRef.map.remove();

  const ours: number[] = [];
  const reference: number[] = [];
  let oursEl: OffenMap | undefined;
  let refMap: L.Map | undefined;
  for (let run = 0; run < RUNS; run++) {
    oursEl?.parentElement!.remove();
    refMap?.getContainer().parentElement!.remove();
    refMap?.remove();
    const a = await renderOurs(dataset);
    ours.push(a.ms);
    oursEl = a.el;
    await frame();
    const b = await renderReference(points);
    reference.push(b.ms);
    refMap = b.map;
    await frame();
  }

  // Panning on the last instances; each on its own (the other one detached so it does no work).
  const refContainer = refMap!.getContainer().parentElement!;
  refContainer.remove();
  // The element keeps its Leaflet engine in its MapEngineController (`map`).
  const engineMap = (oursEl as unknown as { map: { engine: { map: L.Map } } }).map.engine.map;
  const oursPan = await longestPan(engineMap, () => oursEl!.updateComplete);
  oursEl!.parentElement!.remove();
  document.body.append(refContainer);
  refMap!.invalidateSize();
  const refPan = await longestPan(refMap!, () => Promise.resolve());

  return [
    {
      name: `first render of ${POINTS.toLocaleString('en')} points`,
      ours: median(ours),
      reference: median(reference),
      unit: 'ms',
      goal: '≤ 0.5×',
      refName: 'Leaflet.markercluster',
    },
    {
      name: `longest task while panning, ${POINTS.toLocaleString('en')} points`,
      ours: oursPan,
      reference: refPan,
      unit: 'ms',
      goal: 'ours < 50 ms',
      refName: 'Leaflet.markercluster',
    },
  ];
}
