import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { MapSelectDetail } from '../../src/components/map/offen-map.component.js';
import { demoDataUrl, fixtureUrl } from '../helpers/server.js';
import {
  $,
  $$,
  collator,
  drawnIds,
  listIds,
  listTitles,
  readGeoJson,
  ready,
  tileKey,
  tileTemplate,
  until,
} from './helpers.js';
import { mapHarness } from './harness.js';

const ANGEBOTE = demoDataUrl('angebote.geojson');

async function angeboteMap(extra: Partial<OffenMap> = {}): Promise<OffenMap> {
  const el = await fixture<OffenMap>(
    html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('data'))} style="width: 900px"></offen-map>`,
  );
  Object.assign(el, extra);
  await ready(el);
  await until(() => drawnIds(el).size > 0, 'no markers drawn');
  return el;
}

describe('<offen-map> data', () => {
  it('draws one marker or shape per feature and lists every offer sorted by name', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    const ids = file.features.map((f) => String(f.properties.id));
    // Under load Leaflet may still be adding markers when the first one appears: wait for all, as the other tests do.
    await until(() => drawnIds(el).size === ids.length, `expected ${ids.length} markers, got ${drawnIds(el).size}`);
    expect([...drawnIds(el)].sort()).to.deep.equal([...ids].sort());
    const names = file.features.map((f) => String(f.properties.name)).sort(collator.compare);
    expect(listTitles(el)).to.deep.equal(names);
    expect(mapHarness(el).countText()).to.contain(`${file.features.length} Angebote`);
    // Lines and polygons are shapes, not markers.
    const line = file.features.find((f) => f.geometry?.type === 'LineString')!;
    const shape = $(el, `.leaflet-overlay-pane path[data-id="${String(line.properties.id)}"]`)!;
    expect(shape.getAttribute('fill')).to.equal('none');
  });

  it('gives each category one colour, shown on its chip and its markers', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    const chips = mapHarness(el).chips();
    const categories = [...new Set(file.features.map((f) => String(f.properties.kategorie)))].sort(collator.compare);
    expect(chips.map((c) => c.name)).to.deep.equal(categories);
    const colours = new Set<string>();
    for (const chip of chips) {
      const colour = chip.colour!;
      colours.add(colour);
      const count = file.features.filter((f) => f.properties.kategorie === chip.name).length;
      expect(chip.count).to.equal(count);
      const point = file.features.find((f) => f.properties.kategorie === chip.name && f.geometry?.type === 'Point')!;
      const marker = $(el, `path[data-id="${String(point.properties.id)}"]`)!;
      expect(marker.getAttribute('fill') ?? getComputedStyle(marker).fill).to.equal(colour);
    }
    expect(colours.size).to.equal(categories.length);
  });

  it('narrows map and list with a category chip, and the category attribute presets it', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const sport = file.features.filter((f) => f.properties.kategorie === 'Sport').map((f) => String(f.properties.id));
    const el = await angeboteMap();
    mapHarness(el).chip('Sport').button.click();
    await until(() => drawnIds(el).size === sport.length, 'map not narrowed');
    expect([...drawnIds(el)].sort()).to.deep.equal([...sport].sort());
    expect(listIds(el).sort()).to.deep.equal([...sport].sort());
    expect(el.getAttribute('category')).to.equal('Sport');
    expect(mapHarness(el).chip('Sport').pressed).to.equal(true);

    const preset = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} category="Sport,Kultur" tile-url=${tileTemplate(tileKey('preset'))}></offen-map>`,
    );
    await ready(preset);
    const expected = file.features.filter((f) => ['Sport', 'Kultur'].includes(String(f.properties.kategorie)));
    expect(listIds(preset)).to.have.length(expected.length);
    await until(() => drawnIds(preset).size === expected.length);
  });

  it('searches title, category and address and narrows both map and list', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'wiesenburg';
    input.dispatchEvent(new Event('input'));
    const expected = file.features
      .filter((f) =>
        [f.properties.name, f.properties.kategorie, f.properties.adresse].some((v) =>
          String(v ?? '')
            .toLowerCase()
            .includes('wiesenburg'),
        ),
      )
      .map((f) => String(f.properties.id))
      .sort();
    await until(() => drawnIds(el).size === expected.length, 'map not narrowed by search');
    expect([...drawnIds(el)].sort()).to.deep.equal(expected);
    expect(listIds(el).sort()).to.deep.equal(expected);
    expect(el.q).to.equal('wiesenburg');
    // What was typed stays in the field.
    expect(input.value).to.equal('wiesenburg');

    input.value = 'gibt es nicht';
    input.dispatchEvent(new Event('input'));
    await until(() => $(el, '.list [data-state="empty"]'), 'no empty message');
    expect($(el, '.list [data-state="empty"]')!.textContent).to.contain('Keine Angebote gefunden');
    expect(drawnIds(el).size).to.equal(0);
  });

  it('opens the right details when a list entry is chosen, and highlights it', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    const feature = file.features.find((f) => f.properties.name === 'Touristinformation Bad Belzig')!;
    const id = String(feature.properties.id);
    const selected = oneEvent(el, 'offen-select');
    $(el, `.item[data-id="${id}"]`)!.click();
    const event = (await selected) as CustomEvent<MapSelectDetail>;
    expect(event.detail.id).to.equal(id);
    expect(event.detail.title).to.equal('Touristinformation Bad Belzig');
    expect(event.detail.record.values.name).to.equal('Touristinformation Bad Belzig');
    await until(() => $(el, '.leaflet-popup .details'), 'no popup');
    const details = $(el, '.leaflet-popup .details')!;
    expect(details.querySelector('.details-title')!.textContent).to.equal(feature.properties.name);
    expect(details.textContent).to.contain(String(feature.properties.adresse));
    expect(details.textContent).to.contain(String(feature.properties.oeffnungszeiten));
    expect(details.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.href).to.equal('tel:033841000017');
    expect(details.querySelector<HTMLAnchorElement>('a[href^="https:"]')!.href).to.equal(feature.properties.website);
    expect(el.shadowRoot!.activeElement === details, 'focus not on the details').to.equal(true);
    expect(el.getAttribute('selected')).to.equal(id);
    expect($(el, `.item[data-id="${id}"]`)!.getAttribute('aria-current')).to.equal('true');
    const marker = $(el, `path[data-id="${id}"]`)!;
    expect(Number(marker.getAttribute('stroke-width'))).to.be.greaterThan(2);

    // Escape closes the details and returns to the list entry.
    details.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !$(el, '.leaflet-popup'), 'popup not closed');
    await until(() => el.shadowRoot!.activeElement === $(el, `.item[data-id="${id}"]`), 'focus not back on the entry');
    expect(el.hasAttribute('selected')).to.equal(false);

    // So does the popup's own close button.
    $(el, `.item[data-id="${id}"]`)!.click();
    await until(() => el.shadowRoot!.activeElement?.classList.contains('details'), 'details not focused');
    const close = $(el, '.leaflet-popup-close-button')!;
    expect(close.getAttribute('aria-label')).to.equal('Details schließen');
    close.click();
    await until(() => el.shadowRoot!.activeElement === $(el, `.item[data-id="${id}"]`), 'focus lost on close');
  });

  it('highlights the list entry when a marker is clicked', async () => {
    const el = await angeboteMap();
    const id = listIds(el)[5];
    const marker = $(el, `path[data-id="${id}"]`)!;
    const selected = oneEvent(el, 'offen-select');
    marker.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 }));
    expect(((await selected) as CustomEvent<MapSelectDetail>).detail.id).to.equal(id);
    await until(() => $(el, `.item[data-id="${id}"]`)?.getAttribute('aria-current') === 'true');
    expect($(el, '.leaflet-popup .details-title')!.textContent).to.equal(listTitles(el)[5]);
  });

  it('opens the offer named by the selected attribute (deep link), in a panel on narrow screens', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const feature = file.features.find((f) => f.properties.name === 'Schloss Wiesenburg')!;
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${ANGEBOTE}
        selected=${String(feature.properties.id)}
        tile-url=${tileTemplate(tileKey('deep'))}
        style="width: 360px"
      ></offen-map>`,
    );
    await ready(el);
    await until(() => $(el, '.panel .details'), 'no details panel');
    expect($(el, '.panel .details-title')!.textContent).to.equal('Schloss Wiesenburg');
    expect(!!$(el, '.leaflet-popup'), '.leaflet-popup present').to.equal(false);
    $(el, '.panel button')!.click();
    await until(() => !$(el, '.panel'));
    expect(el.selected).to.equal(undefined);
  });

  it("loads images only from its own or the data's server; a third server's image becomes a link (GDPR)", async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${fixtureUrl('map-images.geojson')} tile-url=${tileTemplate(tileKey('img'))}></offen-map>`,
    );
    await ready(el);
    const [own, foreign] = ['eigen', 'fremd'].map((id) => listIds(el).find((listed) => listed === id)!);
    $(el, `.item[data-id="${own}"]`)!.click();
    await until(() => $(el, '.leaflet-popup .details-image'));
    expect(($(el, '.leaflet-popup .details-image') as HTMLImageElement).src).to.equal(fixtureUrl('map-bild.png'));
    $(el, `.item[data-id="${foreign}"]`)!.click();
    await until(() => $(el, '.leaflet-popup .details-image-link a'));
    const details = $(el, '.leaflet-popup .details')!;
    expect(details.querySelector('img.details-image')).to.equal(null);
    const link = details.querySelector('.details-image-link a') as HTMLAnchorElement;
    expect(link.href).to.equal('https://bilder.example.org/burg.jpg');
    expect(link.textContent).to.equal('Bild ansehen (externe Seite)');
  });

  it('renders XSS payloads in every field as text and drops unsafe links', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${fixtureUrl('map-xss.geojson')}
        tile-url=${tileTemplate(tileKey('xss'))}
        style="width: 900px"
      ></offen-map>`,
    );
    await ready(el);
    for (const id of listIds(el)) {
      $(el, `.item[data-id="${id}"]`)!.click();
      await until(() => $(el, '.leaflet-popup .details'));
      const details = $(el, '.leaflet-popup .details')!;
      expect(details.querySelectorAll('img:not(.details-image), script, svg:not(.swatch), iframe, b')).to.have.length(
        0,
      );
      for (const link of details.querySelectorAll('a')) expect(link.protocol).to.match(/^(https?|tel):$/);
      for (const image of details.querySelectorAll('img')) expect(image.src).to.match(/^http:\/\/localhost/);
    }
    const first = $(el, '.leaflet-popup .details')!.textContent!;
    const titles = listTitles(el);
    expect(titles).to.include('<img src=x onerror="window.__xss=1">Titel');
    $(el, `.item[data-id="${listIds(el)[titles.indexOf('<img src=x onerror="window.__xss=1">Titel')]}"]`)!.click();
    await until(() => $(el, '.leaflet-popup .details-title')?.textContent?.startsWith('<img'));
    const details = $(el, '.leaflet-popup .details')!;
    expect(details.textContent).to.contain('<script>window.__xss=1</script>Kat');
    expect(details.textContent).to.contain('<svg onload="window.__xss=1">Straße 1');
    expect(details.textContent).to.contain('<iframe');
    expect(details.querySelectorAll('a')).to.have.length(0);
    expect(!!details.querySelector('img'), 'image present').to.equal(false);
    expect(first).to.be.a('string');
    expect($$(el, '.chip').map((c) => c.textContent)).to.satisfy((texts: string[]) =>
      texts.some((t) => t.includes('<script>')),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('announces the load and keeps a linkable filter in the URL with sync-url', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = document.createElement('offen-map');
    el.id = 'angebote';
    el.src = ANGEBOTE;
    el.syncUrl = true;
    el.tileUrl = tileTemplate(tileKey('url'));
    const loaded = oneEvent(el, 'offen-load');
    await fixture(el);
    expect(((await loaded) as CustomEvent<{ count: number }>).detail.count).to.equal(file.features.length);
    await ready(el);
    try {
      mapHarness(el).chip('Tourismus').button.click();
      await until(() => location.hash.includes('angebote.category=Tourismus'), 'filter not in the URL');
      history.replaceState(null, '', `${location.pathname}${location.search}#angebote.category=Kultur`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await until(() => el.category === 'Kultur', 'filter not read from the URL');
      const culture = file.features.filter((f) => f.properties.kategorie === 'Kultur').length;
      await until(() => listIds(el).length === culture);
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  });
});
