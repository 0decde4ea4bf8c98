import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import { getValue, mapRoles, normalizeName, type RoleSpecs } from '../../src/data/mapping.js';
import type { Field } from '../../src/data/types.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

function mappingError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    return error as DataError;
  }
  throw new Error('expected a mapping error');
}

const POI_ROLES = {
  title: { candidates: ['Titel', 'Name', 'Bezeichnung', 'title'], required: true },
  category: { candidates: ['Kategorie', 'Art', 'Typ', 'category'] },
  lon: { candidates: ['Länge', 'lon', 'longitude'], types: ['number'] },
} satisfies RoleSpecs<'title' | 'category' | 'lon'>;

const fields = (...names: string[]): Field[] => names.map((name) => ({ name, type: 'string' }));

describe('mapping', () => {
  it('normalizes names for comparison: case, umlauts, ß, accents, spaces and punctuation', () => {
    expect(normalizeName('Länge')).to.equal('laenge');
    expect(normalizeName('LÄNGENGRAD')).to.equal('laengengrad');
    expect(normalizeName('Straße')).to.equal('strasse');
    expect(normalizeName('Café')).to.equal('cafe');
    expect(normalizeName('Ergebnis 2011')).to.equal('ergebnis2011');
    expect(normalizeName('Spielplatz-Name')).to.equal('spielplatzname');
  });

  it('matches candidates case-, accent- and umlaut-insensitively', () => {
    const roles = mapRoles(
      [
        { name: 'BEZEICHNUNG', type: 'string' },
        { name: 'laenge', type: 'number' },
        { name: 'ART', type: 'string' },
      ],
      POI_ROLES,
    );
    expect(roles).to.deep.equal({ title: 'BEZEICHNUNG', category: 'ART', lon: 'laenge' });
    expect(mapRoles(fields('titel', 'Kategorie'), POI_ROLES).title).to.equal('titel');
    expect(mapRoles(fields('Titel', 'Catégorie'), { category: { candidates: ['categorie'] } }).category).to.equal(
      'Catégorie',
    );
    expect(mapRoles([{ name: 'Länge', type: 'number' }, ...fields('Titel')], POI_ROLES).lon).to.equal('Länge');
  });

  it('prefers the earlier candidate and skips fields of the wrong type', () => {
    const roles = mapRoles(
      [
        { name: 'Name', type: 'string' },
        { name: 'Titel', type: 'string' },
        { name: 'Länge', type: 'string' },
      ],
      POI_ROLES,
    );
    expect(roles.title).to.equal('Titel');
    expect(roles.lon).to.equal(undefined);
  });

  it('lets an override win over a matching candidate, and gives each field one auto-detected role', () => {
    const roles = mapRoles(fields('Titel', 'Objekt', 'Art'), POI_ROLES, { title: 'Objekt' });
    expect(roles.title).to.equal('Objekt');
    expect(roles.category).to.equal('Art');
    const shared = mapRoles(fields('Name'), {
      title: { candidates: ['Name'] },
      label: { candidates: ['Name'] },
    });
    expect(shared).to.deep.equal({ title: 'Name', label: undefined });
  });

  it('reports an override naming no field as a mapping error listing the available fields', () => {
    const error = mappingError(() =>
      mapRoles(fields('Titel', 'Art'), POI_ROLES, { category: 'Kategorie' }, 'https://example.org/daten.csv'),
    );
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('mapping');
    expect(error.role).to.equal('category');
    expect(error.fields).to.deep.equal(['Titel', 'Art']);
    expect(error.url).to.equal('https://example.org/daten.csv');
  });

  it('reports a required role no field fills as a mapping error', () => {
    const error = mappingError(() => mapRoles(fields('Ort', 'Plz'), POI_ROLES));
    expect(error.kind).to.equal('mapping');
    expect(error.role).to.equal('title');
    expect(error.fields).to.deep.equal(['Ort', 'Plz']);
  });

  it('finds roles in a real file: Münster sports facilities map Objekt by its containing name', async () => {
    const dataset = await loadDataset({ url: corpusUrl('muenster-sportstaetten.geojson') });
    const roles = mapRoles(dataset.fields, {
      title: { candidates: ['Titel', 'Name', 'Objekt'], required: true },
      category: { candidates: ['Kategorie', 'Produkt'] },
      street: { candidates: ['Straße', 'strname'] },
    });
    expect(roles).to.deep.equal({ title: 'Objekt', category: 'Produkt', street: 'Strname' });
    expect(getValue(dataset.records[0], roles.title)).to.equal('Sporthalle Berg Fidel');
  });

  it('accepts a dot name into nested JSON as override and reads it with getValue', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
    const roles = mapRoles(dataset.fields, POI_ROLES, { category: 'adresse.ort' });
    expect(roles.title).to.equal('titel');
    expect(dataset.records.map((r) => getValue(r, roles.category))).to.deep.equal([
      'Bad Belzig',
      'Wiesenburg/Mark',
      'Bad Belzig',
    ]);
    // Auto-detection also sees the nested names listed as fields.
    expect(mapRoles(dataset.fields, { city: { candidates: ['adresse.ort'] } }).city).to.equal('adresse.ort');
  });

  it('prefers a top-level field over a nested dot name when only part of the name matches', () => {
    const roles = mapRoles(
      [
        { name: 'adresse', type: 'object' },
        { name: 'adresse.strassenname', type: 'string' },
        { name: 'Objektname', type: 'string' },
      ],
      { title: { candidates: ['name'] } },
    );
    expect(roles.title).to.equal('Objektname');
  });

  it('never walks into prototype keys', () => {
    const record = { id: '0', values: { a: { b: 1 } } };
    expect(getValue(record, 'a.b')).to.equal(1);
    expect(getValue(record, 'a.constructor')).to.equal(undefined);
    expect(getValue(record, '__proto__.toString')).to.equal(undefined);
    expect(getValue(record, 'toString')).to.equal(undefined);
  });
});
