import { expect } from '@open-wc/testing';
import { dsvFormat } from 'd3-dsv';
import { localizeHours, sortByTitle } from '../../src/components/map/offers.js';
import { corpusUrl } from '../helpers/server.js';
import { collator, readGeoJson } from './helpers.js';

const byKey = (names: string[]) =>
  sortByTitle(
    names.map((title) => ({ title })),
    collator,
  ).map((e) => e.title);

describe('offen-map offers', () => {
  it('sorts real names exactly as the German collator does', async () => {
    const sports = await readGeoJson(corpusUrl('muenster-sportstaetten.geojson'));
    const playgrounds = await readGeoJson(corpusUrl('muenster-spielplaetze.geojson'));
    const markets = await readGeoJson(corpusUrl('muenchen-wochenmaerkte.geojson'));
    const csv = dsvFormat(';').parse(await (await fetch(corpusUrl('muenster-tischtennisplatten-latlon.csv'))).text());
    const lists = [
      sports.features.map((f) => String(f.properties.Objekt)),
      playgrounds.features.map((f) => String(f.properties['Spielplatz-Name'])),
      markets.features.map((f) => String(f.properties.title)),
      csv.map((row) => row.Objektname ?? ''),
      ['Äpfel 10', 'Apfel 9', 'apfel 2', 'Öko-Markt', 'Oberhof', 'Straße', 'Strasse 1', 'Zoo', 'Ärztehaus'],
    ];
    for (const names of lists) expect(byKey(names)).to.deep.equal([...names].sort(collator.compare));
  });

  it('reads OSM opening hours in German and leaves other text alone', () => {
    expect(localizeHours('Tu, Fr 07:30-14:00; Su off', 'de')).to.equal('Di, Fr 07:30-14:00; So geschlossen');
    expect(localizeHours('Th[1] 15:00-20:00', 'de')).to.equal('Do[1] 15:00-20:00');
    expect(localizeHours('Tu, Fr 07:30-14:00', 'en')).to.equal('Tu, Fr 07:30-14:00');
    expect(localizeHours('Öffnungszeiten unbekannt', 'de')).to.equal('Öffnungszeiten unbekannt');
  });
});
