/**
 * The script-tag entry: `<script type="module" src="…/offen.js"></script>`. It defines nothing eagerly. It watches
 * the document (and any shadow root it is given through `offen.observe(root)`) and imports only the chunk of each
 * `offen-*` tag that appears. Chunk URLs resolve relative to this file, so the folder can live on any host or path.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'offen-data': () => import('./components/data/offen-data.js'),
  'offen-map': () => import('./components/map/offen-map.js'),
  'offen-chart': () => import('./components/chart/offen-chart.js'),
  'offen-ideas': () => import('./components/ideas/offen-ideas.js'),
  'offen-events': () => import('./components/events/offen-events.js'),
};

const requested = new Map<string, Promise<unknown>>();
const observed = new WeakSet<Node>();
const selector = Object.keys(loaders).join(',');

function load(tag: string): Promise<unknown> {
  let promise = requested.get(tag);
  if (!promise) {
    promise = loaders[tag]().catch((error: unknown) => {
      requested.delete(tag);
      console.error(`offen: could not load <${tag}>`, error);
    });
    requested.set(tag, promise);
  }
  return promise;
}

function discover(root: ParentNode): void {
  if (root instanceof Element && root.localName in loaders) void load(root.localName);
  root.querySelectorAll(selector).forEach((element) => void load(element.localName));
}

/** Watches a document or shadow root for `offen-*` elements, now and later. */
export function observe(root: Document | ShadowRoot | Element = document): void {
  if (observed.has(root)) return;
  observed.add(root);
  discover(root);
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => node instanceof Element && discover(node));
  }).observe(root, { childList: true, subtree: true });
}

/** Loads the element for one tag at once, e.g. before creating it from script. */
export function define(tag: string): Promise<unknown> {
  return tag in loaders ? load(tag) : Promise.reject(new Error(`offen: unknown tag <${tag}>`));
}

declare global {
  interface Window {
    offen?: { observe: typeof observe; define: typeof define };
  }
}

window.offen = { observe, define };
observe(document);
