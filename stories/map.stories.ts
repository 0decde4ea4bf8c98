import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/map/offen-map.js';
import type { Dataset } from '../src/data/types.js';
import { PENDING_MARK } from '../.storybook/preview.js';

interface MapArgs {
  src: string;
  category?: string;
  q?: string;
  center?: string;
  zoom?: number;
  height?: string;
  consent?: string;
  tileUrl?: string;
  locate?: boolean;
  selected?: string;
  scrollZoom?: boolean;
}

const meta: Meta<MapArgs> = {
  title: 'Widgets/offen-map',
  component: 'offen-map',
  args: { src: 'data/angebote.geojson', height: '420px' },
  render: (args) => html`
    <offen-map
      src=${args.src}
      category=${ifDefined(args.category)}
      q=${ifDefined(args.q)}
      center=${ifDefined(args.center)}
      zoom=${ifDefined(args.zoom)}
      height=${ifDefined(args.height)}
      consent=${ifDefined(args.consent)}
      tile-url=${ifDefined(args.tileUrl)}
      selected=${ifDefined(args.selected)}
      ?locate=${args.locate}
      ?scroll-zoom=${args.scrollZoom}
    ></offen-map>
  `,
};
export default meta;

type Story = StoryObj<MapArgs>;

/**
 * Sport, leisure, tourism and culture offers in Bad Belzig and Wiesenburg/Mark (sample data). OpenStreetMap tiles
 * come from another server, so the map first asks: the markers and the list work before that.
 */
export const Offers: Story = {};

/** The consent placeholder with "Karte laden", always shown with `consent="required"`. */
export const Consent: Story = { args: { consent: 'required' } };

/** Preset filter (`category="Sport,Kultur"`) and an opened offer (`selected`), as a deep link would do. */
export const FilteredAndSelected: Story = { args: { category: 'Sport,Kultur', selected: 'angebot-22' } };

/** A fixed first view around Bad Belzig with the "my location" button. */
export const CenterAndLocate: Story = { args: { center: '52.1420,12.5930', zoom: 15, locate: true } };

/** On a narrow screen the list sits under the map and details open in a panel. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
};

/** A request that never answers (as a slow server would): the loading skeleton. */
export const Loading: Story = { args: { src: `data/angebote.geojson?${PENDING_MARK}` } };

/** Without `src` and outside `<offen-data>`: the widget says what is missing. */
export const NoSource: Story = { render: () => html`<offen-map></offen-map>` };

export const Empty: Story = { args: { q: 'Gibt es nicht' } };

export const LoadError: Story = { args: { src: 'data/gibt-es-nicht.geojson' } };

export const MissingField: Story = {
  render: () => html`<offen-map src="data/angebote.geojson" title-field="Bezeichnung"></offen-map>`,
};

/** `count` generated places: `place(i)` gives each one's name, category and position. */
function generatedPlaces(
  count: number,
  place: (i: number) => { name: string; kategorie: string; at: [number, number] },
): Dataset {
  return {
    fields: [
      { name: 'name', type: 'string' },
      { name: 'kategorie', type: 'string' },
    ],
    records: Array.from({ length: count }, (_, i) => {
      const { name, kategorie, at } = place(i);
      return { id: String(i), values: { name, kategorie }, geometry: { type: 'Point' as const, coordinates: at } };
    }),
    meta: { url: 'generated', format: 'geojson', bytes: 0, fetchedAt: new Date(0), truncated: false },
  };
}

/**
 * 50,000 generated points, clustered with supercluster; the list pages by 100. From 20,000 places on the map builds
 * its entries in slices that keep the page responsive: for a moment it says "Daten werden aufbereitet …".
 */
export const ManyPoints: Story = {
  render: () => {
    let seed = 1;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const categories = ['Sport', 'Freizeit', 'Tourismus', 'Kultur'];
    const dataset = generatedPlaces(50_000, (i) => ({
      name: `Angebot ${i + 1}`,
      kategorie: categories[i % categories.length],
      at: [12.2 + random() * 0.8, 51.95 + random() * 0.4],
    }));
    return html`<offen-map .data=${dataset} consent="required"></offen-map>`;
  },
};

/**
 * A hostile source: 100,000 generated points, each in a category of its own. The legend shows the 12 largest
 * categories as chips and offers the others through a search field that says how many there are.
 */
export const ManyCategories: Story = {
  render: () => {
    const dataset = generatedPlaces(100_000, (i) => ({
      name: `Ort ${i + 1}`,
      kategorie: `Kategorie ${i + 1}`,
      at: [12.2 + (i % 400) / 500, 51.95 + Math.floor(i / 400) / 625],
    }));
    return html`<offen-map .data=${dataset} category-field="kategorie" consent="required"></offen-map>`;
  },
};

/**
 * Real open data: 209 sports facilities of the city of Münster (GeoJSON from Code for Münster), with the address
 * spread over `Strname`, `Hsnr` and `Plz`. Needs `muenster-sportstaetten.geojson` from the corpus in demo/data.
 */
export const CorpusMuensterSports: Story = {
  render: () => html`<offen-map src="data/muenster-sportstaetten.geojson" height="480px"></offen-map>`,
};

/**
 * Real open data in Gauß-Krüger: Münster's sports facilities as a table of `Rechtswert`/`Hochwert` only. The system
 * (EPSG:31467) is told from the numbers and named under the map; 13 rows of the source have the house number in the
 * Rechtswert column and stay off the map.
 */
export const CorpusMuensterGaussKrueger: Story = {
  render: () => html`<offen-map src="data/muenster-sportstaetten-gk.csv" title-field="Objekt"></offen-map>`,
};

/** UTM metres without the zone: zone 32 or 33 cannot be told apart, so the map says to set `crs` … */
export const UtmWithoutZone: Story = {
  render: () => html`<offen-map src="data/orte-utm-ohne-zone.csv"></offen-map>`,
};

/** … and with `crs="EPSG:25833"` (Brandenburg's system) the places are on the map. */
export const UtmWithCrs: Story = {
  render: () => html`<offen-map src="data/orte-utm-ohne-zone.csv" crs="EPSG:25833"></offen-map>`,
};

/** Real open data: Munich's weekly markets, where half have no `opening_hours` and a free-text fallback. */
export const CorpusMunichMarkets: Story = {
  render: () => html`<offen-map src="data/muenchen-wochenmaerkte.geojson"></offen-map>`,
};

/** Theming through custom properties: accent, radius, font and the first marker colours. */
export const Themed: Story = {
  decorators: [
    (story) =>
      html`<div
        style="--offen-accent:#7a1f5c;--offen-radius:0;--offen-font:Georgia,serif;--offen-marker-1:#332288;--offen-marker-2:#117733"
      >
        ${story()}
      </div>`,
  ],
};

/** The first element matching `selector` in the map once Leaflet has drawn the data (or after 10 s, none). */
async function whenDrawn<T extends Element = Element>(map: HTMLElement, selector: string): Promise<T | null> {
  for (let i = 0; i < 100; i++) {
    const found = map.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/**
 * An embedded map leaves the wheel and one-finger swipes to the page: turning the wheel over it shows this hint
 * (announced politely); Ctrl/⌘ + wheel or two fingers move the map.
 */
export const WheelHint: Story = {
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector('offen-map')!;
    const pane = await whenDrawn(map, '[part~="map"] .leaflet-map-pane');
    pane?.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, composed: true }));
  },
};

/** `scroll-zoom`: the wheel and one finger move the map, as on a page that is only the map. */
export const ScrollZoom: Story = { args: { scrollZoom: true } };

/**
 * The full-screen button (bottom right of the map; Escape or the button leave). While the map fills the screen the
 * element has the `fullscreen` attribute and the wheel zooms.
 */
export const Fullscreen: Story = {
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector('offen-map')!;
    (await whenDrawn<HTMLButtonElement>(map, 'button.fullscreen'))?.focus();
  },
};

/** Tiles that fail (here: a tile address that answers 404): a message with "Erneut versuchen" over the map. */
export const TileError: Story = { args: { tileUrl: 'kacheln-gibt-es-nicht/{z}/{x}/{y}.png' } };

/** Two maps with tiles from the same host: "Karte laden" in either shows the tiles in both (one consent per page). */
export const OneConsentForThePage: Story = {
  render: () => html`
    <offen-map src="data/angebote.geojson" category="Sport" height="260px"></offen-map>
    <offen-map src="data/angebote.geojson" category="Kultur" height="260px" consent-remember></offen-map>
  `,
};

/** "Liste überspringen", shown when it has the keyboard focus: Enter moves the focus past the list's entries. */
export const SkipList: Story = {
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector('offen-map')!;
    (await whenDrawn<HTMLButtonElement>(map, '.skip-link'))?.focus();
  },
};

/** On a dark page that declares nothing: the map follows the background it sits on (theme-controller.ts). */
export const DarkPage: Story = {
  decorators: [(story) => html`<div style="background: #15171a; padding: 1rem">${story()}</div>`],
};

/** The same with `theme="dark"` forced on a light page: the widget lays its own dark ground. */
export const ThemeDark: Story = {
  render: () => html`<offen-map src="data/angebote.geojson" theme="dark"></offen-map>`,
};
