import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { MapSelectDetail } from '../../src/components/map/offen-map.component.js';
import { demoDataUrl, fixtureUrl } from '../helpers/server.js';
import {
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
    const shape = mapHarness(el).marker(String(line.properties.id))!;
    expect(shape.getAttribute('fill')).to.equal('none');
  });

  it('gives each category one colour, shown on its chip and its markers', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    // Under load Leaflet may still be adding markers when the first one appears: wait for all.
    await until(() => drawnIds(el).size === file.features.length, 'not every marker drawn');
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
      const marker = mapHarness(el).marker(String(point.properties.id))!;
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
    const map = mapHarness(el);
    map.search('wiesenburg');
    const input = map.searchField();
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

    map.search('gibt es nicht');
    await until(() => map.state() === 'empty', 'no empty message');
    expect(map.emptyText()).to.contain('Keine Angebote gefunden');
    expect(drawnIds(el).size).to.equal(0);
  });

  it('searches by word start, folding case and accents, and lists name matches before address matches', async () => {
    const el = await angeboteMap();
    const map = mapHarness(el);
    // "Burg" begins no word of "Wiesenburg" or "Brandenburger Straße" (the skate park's address).
    map.search('Burg');
    await until(() => listIds(el).length === 2, 'not narrowed to the two castles');
    expect(listTitles(el)).to.deep.equal(['Aussichtsturm Burg Eisenhardt', 'Burg Eisenhardt – Museum']);
    map.search('ski');
    await until(() => map.state() === 'empty', '"ski" found something');
    map.search('SKATE');
    await until(() => listTitles(el).join() === 'Skateanlage Bad Belzig', 'case not folded');
    map.search('reissiger');
    await until(() => listTitles(el).join() === 'Reißiger-Haus – Heimatstube', 'ß not folded');
    // Name matches first, then those found by their address (Schloßstraße), each group by name.
    map.search('schloss');
    await until(() => listIds(el).length === 5, 'not narrowed to "schloss"');
    expect(listTitles(el)).to.deep.equal([
      'Schloss Wiesenburg',
      'Schlosspark Wiesenburg',
      'Spielplatz am Schlosspark',
      'Bibliothek Wiesenburg',
      'Kunsthalle Wiesenburg',
    ]);
  });

  it('never hides other entries because a list click moved the map; the reader’s own moves narrow again', async () => {
    const el = await angeboteMap();
    const map = mapHarness(el);
    const total = listIds(el).length;
    await until(() => map.countText() === `${total} Angebote`, 'not every offer in the first view');
    // The offer farthest east: centring it pushes the western offers out of the view.
    const file = await readGeoJson(ANGEBOTE);
    const east = file.features
      .filter((f) => f.geometry?.type === 'Point')
      .sort(
        (a, b) =>
          (b.geometry as unknown as { coordinates: number[] }).coordinates[0] -
          (a.geometry as unknown as { coordinates: number[] }).coordinates[0],
      )[0];
    const id = String(east.properties.id);
    map.open(id);
    await until(() => map.details()?.inPopup, 'no popup');
    const centred = () => {
      const area = map.mapArea()!.getBoundingClientRect();
      const dot = map.marker(id)!.getBoundingClientRect();
      return Math.abs(dot.x + dot.width / 2 - (area.x + area.width / 2)) < area.width / 4;
    };
    await until(centred, 'the map did not move to the chosen offer');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listIds(el)).to.have.length(total);
    expect(map.countText()).to.equal(`${total} Angebote`);
    expect(map.entry(id)!.current).to.equal(true);

    // Zooming in with the map's own button is the reader's move: the list follows the view again.
    const zoomIn = el.shadowRoot!.querySelector<HTMLElement>('[part~="map"] [title="Vergrößern"]')!;
    zoomIn.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    zoomIn.click();
    await until(() => listIds(el).length < total, 'the list no longer follows the view');
    expect(map.countText()).to.match(new RegExp(`^\\d+ von ${total} Angeboten$`));
  });

  it('opens the right details when a list entry is chosen, and highlights it', async () => {
    const file = await readGeoJson(ANGEBOTE);
    const el = await angeboteMap();
    const feature = file.features.find((f) => f.properties.name === 'Touristinformation Bad Belzig')!;
    const id = String(feature.properties.id);
    const map = mapHarness(el);
    const selected = oneEvent(el, 'offen-select');
    map.open(id);
    const event = (await selected) as CustomEvent<MapSelectDetail>;
    expect(event.detail.id).to.equal(id);
    expect(event.detail.title).to.equal('Touristinformation Bad Belzig');
    expect(event.detail.record.values.name).to.equal('Touristinformation Bad Belzig');
    await until(() => map.details()?.inPopup, 'no popup');
    const details = map.details()!;
    expect(details.title).to.equal(feature.properties.name);
    expect(details.fields.Adresse).to.equal(String(feature.properties.adresse));
    expect(details.element.textContent).to.contain(String(feature.properties.oeffnungszeiten));
    expect(details.links.map((a) => a.href)).to.deep.equal(['tel:033841000017', feature.properties.website]);
    expect(el.shadowRoot!.activeElement === details.element, 'focus not on the details').to.equal(true);
    expect(el.getAttribute('selected')).to.equal(id);
    expect(map.entry(id)!.current).to.equal(true);
    expect(Number(map.marker(id)!.getAttribute('stroke-width'))).to.be.greaterThan(2);

    // Escape closes the details and returns to the list entry.
    details.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !map.details(), 'popup not closed');
    await until(() => el.shadowRoot!.activeElement === map.entry(id)!.button, 'focus not back on the entry');
    expect(el.hasAttribute('selected')).to.equal(false);

    // So does the popup's own close button (Leaflet's, labelled by us).
    map.open(id);
    await until(() => map.details() && el.shadowRoot!.activeElement === map.details()!.element, 'details not focused');
    const close = el.shadowRoot!.querySelector<HTMLElement>('[aria-label="Details schließen"]')!;
    close.click();
    await until(() => el.shadowRoot!.activeElement === map.entry(id)!.button, 'focus lost on close');
  });

  it('highlights the list entry when a marker is clicked', async () => {
    const el = await angeboteMap();
    const map = mapHarness(el);
    const id = map.listIds()[5];
    const selected = oneEvent(el, 'offen-select');
    map.marker(id)!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 }));
    expect(((await selected) as CustomEvent<MapSelectDetail>).detail.id).to.equal(id);
    await until(() => map.entry(id)?.current);
    expect(map.details()!.title).to.equal(listTitles(el)[5]);
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
    const map = mapHarness(el);
    await until(() => map.details(), 'no details panel');
    expect(map.details()!.title).to.equal('Schloss Wiesenburg');
    expect(map.details()!.inPopup, 'in a popup over the narrow map').to.equal(false);
    map.details()!.closeButton!.click();
    await until(() => !map.details());
    expect(el.selected).to.equal(undefined);
  });

  it("loads images only from its own or the data's server; a third server's image becomes a link (GDPR)", async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${fixtureUrl('map-images.geojson')} tile-url=${tileTemplate(tileKey('img'))}></offen-map>`,
    );
    await ready(el);
    const map = mapHarness(el);
    const [own, foreign] = ['eigen', 'fremd'].map((id) => listIds(el).find((listed) => listed === id)!);
    map.open(own);
    await until(() => map.details()?.image);
    expect(map.details()!.image!.src).to.equal(fixtureUrl('map-bild.png'));
    map.open(foreign);
    await until(() => map.details()?.externalImageLink);
    const details = map.details()!;
    expect(details.image).to.equal(null);
    const link = details.externalImageLink!;
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
    const map = mapHarness(el);
    for (const id of map.listIds()) {
      map.open(id);
      await until(() => map.details()?.title === map.entry(id)!.title);
      const { element, links } = map.details()!;
      // Our own markup only: the colour swatch (hidden from screen readers) and an image the map allowed.
      expect(element.querySelectorAll('script, svg:not([aria-hidden="true"]), iframe, b')).to.have.length(0);
      for (const image of element.querySelectorAll('img')) {
        expect(image.getAttribute('referrerpolicy')).to.equal('no-referrer');
        expect(image.src).to.match(/^http:\/\/localhost/);
      }
      for (const link of links) expect(link.protocol).to.match(/^(https?|tel):$/);
    }
    const titles = listTitles(el);
    expect(titles).to.include('<img src=x onerror="window.__xss=1">Titel');
    map.open(map.listIds()[titles.indexOf('<img src=x onerror="window.__xss=1">Titel')]);
    await until(() => map.details()?.title.startsWith('<img'));
    const details = map.details()!;
    expect(details.element.textContent).to.contain('<script>window.__xss=1</script>Kat');
    expect(details.element.textContent).to.contain('<svg onload="window.__xss=1">Straße 1');
    expect(details.element.textContent).to.contain('<iframe');
    expect(details.links).to.have.length(0);
    expect(details.image, 'image present').to.equal(null);
    expect(map.chips().map((c) => c.name)).to.satisfy((texts: string[]) => texts.some((t) => t.includes('<script>')));
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
