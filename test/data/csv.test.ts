import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import { describeDataError } from '../../src/shared/i18n.js';
import type { Dataset, SourceDescription, Value } from '../../src/data/types.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

// Every expected value below was read from the file itself (iconv/od over the bytes), not copied from our output.

async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    return error as DataError;
  }
  throw new Error('expected a failure');
}

const corpus = (name: string, extra: Partial<SourceDescription> = {}) =>
  loadDataset({ url: corpusUrl(name), ...extra });
const fixture = (name: string, extra: Partial<SourceDescription> = {}) =>
  loadDataset({ url: fixtureUrl(name), ...extra });

const names = (dataset: Dataset) => dataset.fields.map((f) => f.name);
const field = (dataset: Dataset, name: string) => dataset.fields.find((f) => f.name === name);
const iso = (value: Value | undefined) => (value instanceof Date ? value.toISOString() : `not a date: ${value}`);

describe('CSV: German budget files (encodings, decimal comma, thousands dots)', () => {
  it('reads the UTF-8-with-BOM Köln budget: BOM gone, 9.577.207 is 9577207, umlauts intact', async () => {
    const data = await corpus('koeln-haushalt-bezirke-utf8-bom.csv');
    expect(data.meta.encoding).to.equal('utf-8');
    expect(data.meta.delimiter).to.equal(';');
    expect(data.meta.format).to.equal('csv');
    expect(data.meta.bytes).to.equal(24_847);
    expect(data.meta.headerRow).to.equal(0);
    expect(data.meta.truncated).to.equal(false);
    expect(data.meta.fetchedAt).to.be.instanceOf(Date);
    expect(data.records).to.have.length(252);
    expect(names(data)).to.deep.equal([
      'Bezirk',
      'Bezeichnung',
      'Teilplanzeile',
      'Ergebnis 2011',
      'Plan 2012',
      'Plan 2013',
      'Plan 2014',
      'Plan 2015',
      'Plan 2016',
      'Plan 2017',
    ]);
    // Line 3: 1;Innenstadt;02 - Zuwendungen und allg. Umlagen;9.577.207;5.699.552;16.271.952;…
    const second = data.records[1].values;
    expect(second.Bezirk).to.equal(1);
    expect(second['Ergebnis 2011']).to.equal(9_577_207);
    expect(second['Plan 2013']).to.equal(16_271_952);
    expect(data.records[0].values.Teilplanzeile).to.equal('01 - Steuern und ähnliche Abgaben');
    // Last line: 9;Mühlheim;28 = Jahresergebnis;-62.633.915;…;-84.030.654
    const last = data.records[251].values;
    expect(last.Bezeichnung).to.equal('Mühlheim');
    expect(last['Ergebnis 2011']).to.equal(-62_633_915);
    expect(last['Plan 2017']).to.equal(-84_030_654);
    expect(field(data, 'Plan 2017')).to.deep.equal({ name: 'Plan 2017', type: 'number', numberFormat: 'de' });
  });

  it('reads the Latin-1 Moers budget: -2.487,50 is -2487.5, padded text trimmed, umlauts right', async () => {
    const data = await corpus('moers-haushalt-latin1.csv');
    expect(data.meta.encoding).to.equal('windows-1252');
    expect(data.records).to.have.length(2119);
    // Line 3: 43;öffentlich-rechtliche Leistungsentgelte;104; Finanzmanagement, Rechnungsw. ;1;;;;-2.487,50;…
    const row = data.records[1].values;
    expect(row.Kontengruppe).to.equal('öffentlich-rechtliche Leistungsentgelte'); // byte F6, lower-case ö
    expect(row['Profitcenter-Bezeichnung']).to.equal('Finanzmanagement, Rechnungsw.');
    expect(row['Ist 2015']).to.equal(-2487.5);
    expect(row['Ist 2016']).to.equal(-2885.98);
    expect(row['Plan 2016']).to.equal(0);
    expect(row['Plan 2017']).to.equal(-3000);
    expect(row['PSP-Element']).to.equal(null);
    // Line 2 has -206,41 and -206,4: the number of decimals varies within a column.
    expect(data.records[0].values['Ist 2015']).to.equal(-206.41);
    expect(data.records[0].values['Ist 2016']).to.equal(-206.4);
    // Line 7: 50;Personalaufwendungen;…;1.891.919,92
    expect(data.records[5].values['Ist 2015']).to.equal(1_891_919.92);
  });

  it('reads the Windows-1252 Schleswig-Holstein budget with the € in its header', async () => {
    const data = await corpus('sh-landeshaushalt-2017-cp1252-TRUNCATED.csv');
    expect(data.meta.encoding).to.equal('windows-1252');
    expect(names(data)).to.deep.equal([
      'Kapitel',
      'Titel',
      'FKZ',
      'Zweckbestimmung',
      'Ist 2015 in T€',
      'Soll 2016 in T€',
      'Ansatz 2017 in T€',
    ]);
    expect(data.records).to.have.length(500);
    const first = data.records[0].values;
    expect(first.Zweckbestimmung).to.equal('Einnahmen aus Veröffentlichungen');
    expect(first['Ist 2015 in T€']).to.equal(0.1);
    // Codes with leading zeros (Kapitel 0101, FKZ 011) stay text.
    expect(first.Kapitel).to.equal('0101');
    expect(first.FKZ).to.equal('011');
    // Line 34: 0101;42801;011;Entgelte der Arbeitnehmerinnen und Arbeitnehmer;4.029,0;4.100,9;4.224,9
    const wages = data.records[32].values;
    expect(wages.Zweckbestimmung).to.equal('Entgelte der Arbeitnehmerinnen und Arbeitnehmer');
    expect(wages['Ist 2015 in T€']).to.equal(4029);
    expect(wages['Soll 2016 in T€']).to.equal(4100.9);
  });

  it('reads the Kiel budget: cp1252 "> 1000 €", decimal comma, DD.MM.YYYY dates as UTC-midnight Dates', async () => {
    const data = await corpus('kiel-haushalt-2017-cp1252-TRUNCATED.csv');
    expect(data.meta.encoding).to.equal('windows-1252');
    expect(data.records).to.have.length(850);
    expect(field(data, 'Datum')?.type).to.equal('date');
    expect(field(data, 'Betrag')).to.deep.equal({ name: 'Betrag', type: 'number', numberFormat: 'de' });
    const first = data.records[0].values;
    expect(first.Betrag).to.equal(97000);
    expect(iso(first.Datum)).to.equal('2017-01-01T00:00:00.000Z');
    // A text value ending in a comma stays as it is.
    expect(first['Sachkonto-Bez']).to.equal('Erstattungen von verbundenen Unternehmen,');
    // Line 829: …;Erträge a. d. Veräuß. v. beweg. AV > 1000 €;-0,00;01.01.2017
    expect(data.records[827].values['Sachkonto-Bez']).to.equal('Erträge a. d. Veräuß. v. beweg. AV > 1000 €');
    expect(data.records[827].values.Betrag).to.equal(0);
    // Ergebnisgliederungscode 06/07/11 keeps its leading zeros.
    expect(first.Ergebnisgliederungscode).to.equal('06');
  });
});

describe('CSV: awkward layouts', () => {
  it('finds the real header of the GENESIS export, joins its three header rows, drops the footer', async () => {
    const data = await corpus('itnrw-genesis-33111-02ir-koeln-flaechennutzung.csv');
    expect(data.meta.headerRow).to.equal(6);
    expect(data.records).to.have.length(19);
    // The header's first column is empty in all three rows; the two group rows and the detail row are combined.
    expect(names(data).slice(0, 5)).to.deep.equal([
      'Spalte 1',
      'Bodenfläche insgesamt',
      'Gebäude- und Freifläche – Insgesamt',
      'Gebäude- und Freifläche Wohnen',
      'Gebäude- und Freifläche Gewerbe und Industrie',
    ]);
    expect(names(data)).to.include('Verkehrsfläche – Straße');
    expect(names(data)).to.include('Landwirtschaftsfläche – Moor');
    expect(new Set(names(data)).size).to.equal(22);
    // 31.12.2012;4051641;1313410;…
    const first = data.records[0].values;
    expect(iso(first['Spalte 1'])).to.equal('2012-12-31T00:00:00.000Z');
    expect(first['Bodenfläche insgesamt']).to.equal(4_051_641);
    expect(first['Siedlungs- und Verkehrsfläche – Insgesamt']).to.equal(2_464_403);
    // 31.12.2009 … ;723722;-;14526;…: `-` is missing, the column stays numeric (2012 has 0 there).
    expect(data.records[3].values['Landwirtschaftsfläche – Moor']).to.equal(null);
    expect(first['Landwirtschaftsfläche – Moor']).to.equal(0);
    expect(field(data, 'Landwirtschaftsfläche – Moor')?.type).to.equal('number');
    // The last data row is 31.12.1994; the 15 footnote and copyright lines after it are not records.
    expect(iso(data.records[18].values['Spalte 1'])).to.equal('1994-12-31T00:00:00.000Z');
    expect(data.meta.skippedRows).to.equal(15);
    const texts = data.records.flatMap((r) => Object.values(r.values)).filter((v) => typeof v === 'string');
    expect(texts).to.deep.equal([]);
  });

  it('ignores the delimiter-only rows at the end of the Wesel file and trims the padded header', async () => {
    const data = await corpus('wesel-kontenrahmen-trailing-delimiter-rows.csv');
    expect(data.records).to.have.length(40);
    expect(data.meta.skippedRows).to.equal(9);
    expect(names(data)).to.deep.equal([
      'Konto beginnend mit',
      'Betrag von',
      'Betrag bis',
      'ID',
      'Bezeichnung',
      'Erg/Fin',
      'E/A',
    ]);
    const first = data.records[0].values;
    expect(first['Betrag von']).to.equal(-999_999_999.99);
    expect(first['Betrag bis']).to.equal(999_999_999.99);
    expect(first.Bezeichnung).to.equal('Steuern und ähnliche Abgaben');
    expect(first['E/A']).to.equal('Erträge');
    // The ID column repeats E5, so it cannot be the record id: the row index is.
    expect(data.records.map((r) => r.id).slice(0, 3)).to.deep.equal(['0', '1', '2']);
  });

  it('gives a CSV record its row-index id in JSON too, and lets a caller set another', async () => {
    const data = await corpus('kiel-haushalt-2017-cp1252-TRUNCATED.csv');
    const last = data.records.length - 1;
    const json = JSON.parse(JSON.stringify(data.records[last]));
    expect(json.id).to.equal(String(last));
    expect(Object.keys(json.values)).to.deep.equal(names(data));
    data.records[last].id = 'eigene-id';
    expect(data.records[last].id).to.equal('eigene-id');
    expect(data.records[0].id).to.equal('0');
  });

  it('reads the DWD file with -999 as missing when told so, and dot decimals without leading zero', async () => {
    const data = await corpus('dwd-klima-tageswerte-02667-koeln-bonn-TRUNCATED.csv', { nullValues: ['-999'] });
    expect(data.meta.delimiter).to.equal(',');
    expect(data.records).to.have.length(400);
    // Header names with leading spaces are trimmed.
    expect(names(data).slice(0, 3)).to.deep.equal(['Stations_ID', 'Mess_Datum', 'Qualitaets_Niveau']);
    // 2667,19570901,   5,   7.7,   92.00,  14.9,   14.4, 1008.30,…,   7.1,     -999,   0,eor
    const first = data.records[0].values;
    expect(first.Stations_ID).to.equal(2667);
    expect(first.BEDECKUNGSGRAD).to.equal(7.7);
    expect(first.LUFTDRUCK_STATIONSHOEHE).to.equal(1008.3);
    expect(first.NIEDERSCHLAGSHOEHE).to.equal(7.1);
    expect(first.SONNENSCHEINDAUER).to.equal(null);
    expect(iso(first.Mess_Datum)).to.equal('1957-09-01T00:00:00.000Z');
    expect(first.eor).to.equal('eor');
    // Third day: precipitation `.0`.
    expect(data.records[2].values.NIEDERSCHLAGSHOEHE).to.equal(0);
    // Last day 19581005: sunshine 7.300.
    expect(data.records[399].values.SONNENSCHEINDAUER).to.equal(7.3);
    expect(field(data, 'SONNENSCHEINDAUER')).to.deep.equal({
      name: 'SONNENSCHEINDAUER',
      type: 'number',
      numberFormat: 'en',
    });
  });

  it('keeps -999 as a number in the DWD file when no null value is given', async () => {
    const data = await corpus('dwd-klima-tageswerte-02667-koeln-bonn-TRUNCATED.csv');
    expect(data.records[0].values.SONNENSCHEINDAUER).to.equal(-999);
  });

  it('reads the Fahrradzählung: US-style M/D/YYYY H:MM as Berlin time, summary row left out', async () => {
    const data = await corpus('muenster-fahrradzaehlung-neutor-2015-stuendlich.csv');
    expect(data.meta.delimiter).to.equal(',');
    expect(data.meta.encoding).to.equal('utf-8');
    expect(names(data)).to.deep.equal([
      'Stunden',
      'Zählung Neutor',
      'FR stadteinwärts',
      'FR stadtauswärts',
      'Temperatur (°C)',
      'Windstärke (km/h)',
    ]);
    // 8 762 lines: header, 8 760 hours, `Insgesamt,4041517,,,,`.
    expect(data.records).to.have.length(8760);
    expect(data.meta.skippedRows).to.equal(1);
    const first = data.records[0].values;
    expect(iso(first.Stunden)).to.equal('2014-12-31T23:00:00.000Z'); // 1/1/2015 0:00 CET
    expect(first['Zählung Neutor']).to.equal(111);
    expect(first['Windstärke (km/h)']).to.equal(7);
    // Line 4358: 7/1/2015 12:00,1227,… is summer time (UTC+2).
    expect(iso(data.records[4356].values.Stunden)).to.equal('2015-07-01T10:00:00.000Z');
    expect(data.records[4356].values['Zählung Neutor']).to.equal(1227);
    // Line 2092: the hour skipped by the clock change is listed as 3:00 with no counts.
    expect(iso(data.records[2090].values.Stunden)).to.equal('2015-03-29T01:00:00.000Z');
    expect(data.records[2090].values['Zählung Neutor']).to.equal(null);
    const last = data.records[8759].values;
    expect(iso(last.Stunden)).to.equal('2015-12-31T22:00:00.000Z');
    expect(last['Zählung Neutor']).to.equal(238);
  });

  it('keeps the mixed ZEIT formats of the Klimadashboard as text, WERT as German numbers', async () => {
    const data = await corpus('muenster-klimadashboard-zeitreihen.csv');
    expect(data.records).to.have.length(1477);
    expect(field(data, 'ZEIT')?.type).to.equal('string');
    expect(field(data, 'WERT')).to.deep.equal({ name: 'WERT', type: 'number', numberFormat: 'de' });
    const times = new Set(data.records.map((r) => r.values.ZEIT));
    for (const time of ['1982', '2018-04', '2002/2003', '2026-06-03']) expect(times.has(time), time).to.equal(true);
    const first = data.records[0].values;
    // verkehrsmittelwahl-zeitreihe;Münster, Gesamtstadt;…;4;Wege/Tag - Kfz;1982;39,20;%
    expect(first.RAUM).to.equal('Münster, Gesamtstadt');
    expect(first.WERT).to.equal(39.2);
    expect(first.WERTEEINHEIT).to.equal('%');
    // Line 406: oekoprofit;…;Einsparung Energie;2002/2003;615000,00;kWh pro Jahr
    expect(data.records[404].values.WERT).to.equal(615000);
  });

  it('reads the comma-delimited Münster population file with quoted and unquoted names', async () => {
    const data = await corpus('muenster-wohnberechtigte-stadtteile.csv');
    expect(data.meta.delimiter).to.equal(',');
    expect(data.records).to.have.length(56);
    expect(names(data)).to.deep.equal(['BezirkName', 'BezirkNummer', '2010', '2011', '2012', '2013', '2014']);
    expect(data.records[1].values).to.deep.equal({
      BezirkName: 'Überwasser',
      BezirkNummer: 12,
      '2010': 1273,
      '2011': 1405,
      '2012': 1384,
      '2013': 1385,
      '2014': 1354,
    });
    // "Stadt Münster",,285180,…,300267 — quoted, with an empty district number.
    const total = data.records[55].values;
    expect(total.BezirkName).to.equal('Stadt Münster');
    expect(total.BezirkNummer).to.equal(null);
    expect(total['2014']).to.equal(300_267);
  });
});

describe('CSV: quoting and coordinates', () => {
  it('reads the multi-line quoted Info fields of the park-and-ride file (16 records)', async () => {
    const data = await corpus('muenster-park-and-ride-multiline-quoted.csv');
    expect(data.records).to.have.length(16);
    expect(names(data)).to.deep.equal(['ID', 'Title', 'Latitude', 'Longitude', 'Info']);
    const first = data.records[0];
    expect(first.id).to.equal('759');
    expect(first.values.Title).to.equal('P+R Amelsbüren Bahnhof');
    expect(first.values.Latitude).to.equal(51.8847);
    expect(first.values.Longitude).to.equal(7.59991);
    const info = first.values.Info as string;
    expect(info.startsWith('Parkplätze-Anzahl:\n28\n\nÖffnungszeiten:\ntäglich – durchgehend')).to.equal(true);
    expect(data.records.every((r) => typeof r.values.Info === 'string' && r.values.Info.includes('\n'))).to.equal(true);
    // The last field ends in `8.00–23.00 Uhr` + no-break space inside the quotes; the padding is trimmed.
    expect((data.records[15].values.Info as string).endsWith('nur samstags 8.00–23.00 Uhr')).to.equal(true);
  });

  it('reads quoted delimiters and escaped quotes in the Tischtennisplatten file', async () => {
    const data = await corpus('muenster-tischtennisplatten-latlon.csv');
    expect(data.records).to.have.length(260);
    expect(data.fields).to.have.length(13);
    // LfdNr is unique: it becomes the record id.
    expect(data.records[0].id).to.equal('1');
    const byId = new Map(data.records.map((r) => [r.id, r.values]));
    // Line 102: 110;PRIMUSSCHULE BERG FIDEL;…;"Tischtennisplatte (Wande ""Kamel"")";;Beton;…
    expect(byId.get('110')?.PlatteBezeichnung).to.equal('Tischtennisplatte (Wande "Kamel")');
    expect(byId.get('110')?.PlatteMaterial).to.equal('Beton');
    // Line 114: 122;LUDGERUSSCHULE HILTR;…;"20 69701 LUDGERUSSCHULE HILTR; A.D.ALTEN KIRCHE 161"
    expect(byId.get('122')?.PlatteID).to.equal('20 69701 LUDGERUSSCHULE HILTR; A.D.ALTEN KIRCHE 161');
    expect(byId.get('122')?.Lat).to.equal(51.90364923934733);
    expect(byId.get('122')?.Lon).to.equal(7.626570507326741);
    expect(field(data, 'Lat')).to.deep.equal({ name: 'Lat', type: 'number', numberFormat: 'en' });
  });

  it('keeps decimal-comma coordinates of the charging stations as numbers', async () => {
    const data = await corpus('muenster-ladesaeulen-bnetza.csv');
    expect(data.records).to.have.length(166);
    expect(data.fields).to.have.length(26);
    const first = data.records[0].values;
    // Stadtwerke Münster GmbH;Ritterstraße;38;;48143;Münster;…;51,964164;7,63198;07.03.2022;22;…
    expect(first.Straße).to.equal('Ritterstraße');
    expect(first.Breitengrad).to.equal(51.964164);
    expect(first.Längengrad).to.equal(7.63198);
    expect(iso(first.Inbetriebnahmedatum)).to.equal('2022-03-07T00:00:00.000Z');
    expect(first.Adresszusatz).to.equal(null);
    expect(field(data, 'Breitengrad')).to.deep.equal({ name: 'Breitengrad', type: 'number', numberFormat: 'de' });
  });

  it('loads every CSV of the corpus without an error', async () => {
    const files = [
      'dwd-klima-tageswerte-02667-koeln-bonn-TRUNCATED.csv',
      'itnrw-genesis-33111-02ir-koeln-flaechennutzung.csv',
      'kiel-haushalt-2017-cp1252-TRUNCATED.csv',
      'koeln-haushalt-bezirke-utf8-bom.csv',
      'moers-haushalt-latin1.csv',
      'muenster-fahrradzaehlung-neutor-2015-stuendlich.csv',
      'muenster-klimadashboard-zeitreihen.csv',
      'muenster-ladesaeulen-bnetza.csv',
      'muenster-park-and-ride-multiline-quoted.csv',
      'muenster-tischtennisplatten-latlon.csv',
      'muenster-wohnberechtigte-stadtteile.csv',
      'sh-landeshaushalt-2017-cp1252-TRUNCATED.csv',
      'wesel-kontenrahmen-trailing-delimiter-rows.csv',
    ];
    for (const file of files) {
      const data = await corpus(file);
      expect(data.records.length, file).to.be.greaterThan(0);
      // No text cell keeps a replacement character or a stray BOM: the encoding was right.
      const text = JSON.stringify(data.records.slice(0, 200)) + names(data).join();
      expect(text.includes('\uFFFD') || text.includes('\uFEFF') || text.includes('Ã'), file).to.equal(false);
      for (const record of data.records) expect(Object.getPrototypeOf(record.values)).to.equal(Object.prototype);
    }
  });
});

describe('CSV: fixtures for cases the corpus lacks', () => {
  it('pads short rows and gives extra cells a column of their own', async () => {
    const data = await fixture('csv-ragged-rows.csv');
    expect(names(data)).to.deep.equal(['Name', 'Ort', 'Anzahl', 'Spalte 4']);
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Name: 'Linde', Ort: 'Bad Belzig', Anzahl: 3, 'Spalte 4': null },
      { Name: 'Eiche', Ort: 'Wiesenburg', Anzahl: null, 'Spalte 4': null },
      { Name: 'Buche', Ort: 'Görzke', Anzahl: 5, 'Spalte 4': 'Nachtrag' },
      { Name: 'Kiefer', Ort: 'Niemegk', Anzahl: 7, 'Spalte 4': null },
    ]);
  });

  it('turns a header-only CSV into an `empty` DataError', async () => {
    const error = await failure(fixture('csv-header-only.csv'));
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('empty');
  });

  it('reports binary garbage served as .csv as a parse DataError with a line', async () => {
    const error = await failure(fixture('csv-binary-garbage.csv'));
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('parse');
    // \x89PNG\r\n\x1a\n\0…: the first control character (\x1a) is on line 2.
    expect(error.line).to.equal(2);
    expect(error.url).to.equal(fixtureUrl('csv-binary-garbage.csv'));
  });

  it('reports an unterminated quote as a parse DataError with the line where it opens', async () => {
    const error = await failure(fixture('csv-unterminated-quote.csv'));
    expect(error.kind).to.equal('parse');
    expect(error.line).to.equal(3);
  });

  it('drops blanks between a closing quote and the next delimiter (Excel writes them) instead of shifting columns', async () => {
    const data = await fixture('csv-blank-after-closing-quote.csv');
    expect(names(data)).to.deep.equal(['Name', 'Ort', 'Plätze', 'Träger']);
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Name: 'Sporthalle', Ort: 'Bad Belzig', Plätze: 120, Träger: 'Stadt' },
      { Name: 'Freibad', Ort: 'Wiesenburg', Plätze: 300, Träger: 'Gemeinde' },
      { Name: 'Bolzplatz', Ort: 'Lübnitz', Plätze: 40, Träger: 'Verein' },
    ]);
  });

  it('reports text after a closing quote as a parse error with its line and field, never a shifted row', async () => {
    // `"Eiche";"Astbruch "nach" Sturm";2025`: the inner quotes are not doubled.
    const error = await failure(fixture('csv-text-after-closing-quote.csv'));
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('parse');
    expect([error.line, error.column]).to.deep.equal([3, 2]);
    expect(describeDataError(error, 'de')).to.contain('in Zeile 3, Spalte 2');
    expect(describeDataError(error, 'en')).to.contain('at line 3, column 2');
  });

  it('reports `"a,"b,c"` as a parse error instead of a first cell `a,`', async () => {
    const error = await failure(fixture('csv-quote-inside-quoted-field.csv'));
    expect(error.kind).to.equal('parse');
    expect([error.line, error.column]).to.deep.equal([2, 1]);
  });

  it('keeps quotes inside an unquoted field as text and reads doubled quotes in a quoted one', async () => {
    const data = await fixture('csv-literal-and-escaped-quotes.csv');
    expect(data.records.map((r) => r.values.Zitat)).to.deep.equal([
      'Er schrieb "Hallo" und ging',
      'Sie sagte "Ja" und "Nein"',
    ]);
  });

  it('reads a Windows-1252 file whose € and dash stand only in a title line above the header', async () => {
    const data = await fixture('csv-cp1252-euro-title.csv');
    expect(data.meta.encoding).to.equal('windows-1252');
    expect(data.meta.headerRow).to.equal(1);
    expect(names(data)).to.deep.equal(['Konto', 'Betrag', 'Jahr']);
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Konto: 'Miete', Betrag: 1200.5, Jahr: 2026 },
      { Konto: 'Straßenreinigung', Betrag: 300, Jahr: 2026 },
    ]);
  });

  it('counts lines from the top of the file for an unterminated quote below such a title line', async () => {
    const error = await failure(fixture('csv-cp1252-euro-title-unterminated-quote.csv'));
    expect(error.kind).to.equal('parse');
    expect(error.line).to.equal(4);
  });

  it('reads ASCII 31 (unit separator) as the delimiter when the source names it, and as binary otherwise', async () => {
    const data = await fixture('csv-unit-separator.csv', { delimiter: '\x1f' });
    expect(data.meta.delimiter).to.equal('\x1f');
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Name: 'Sporthalle', Ort: 'Bad Belzig', Plätze: 120 },
      { Name: 'Freibad', Ort: 'Wiesenburg', Plätze: 300 },
    ]);
    const error = await failure(fixture('csv-unit-separator.csv'));
    expect(error.kind).to.equal('parse');
    expect(error.line).to.equal(1);
  });

  it('makes a header cell with a line break one field name with a space, so an attribute can name it', async () => {
    const data = await fixture('csv-header-line-break.csv');
    expect(names(data)).to.deep.equal(['Produkt', 'Betrag in €', 'Ansatz 2026']);
    expect(data.records.map((r) => r.values['Betrag in €'])).to.deep.equal([1200.5, 300]);
  });

  it('detects a tab delimiter', async () => {
    const data = await fixture('csv-tab-delimited.csv');
    expect(data.meta.delimiter).to.equal('\t');
    expect(names(data)).to.deep.equal(['Ort', 'Einwohner', 'Fläche in km²', 'Gegründet']);
    expect(data.records[0].values).to.deep.equal({
      Ort: 'Bad Belzig',
      Einwohner: 11087,
      'Fläche in km²': 235.2,
      Gegründet: 1161,
    });
    expect(field(data, 'Einwohner')?.numberFormat).to.equal('de');
  });

  it('detects a pipe delimiter; id column, ISO offsets, ja/nein and € amounts', async () => {
    const data = await fixture('csv-pipe-delimited.csv');
    expect(data.meta.delimiter).to.equal('|');
    expect(data.records.map((r) => r.id)).to.deep.equal(['7', '8', '9']);
    expect(data.records.map((r) => iso(r.values.start))).to.deep.equal([
      '2026-07-11T12:00:00.000Z',
      '2026-12-05T10:00:00.000Z',
      '2026-11-11T17:00:00.000Z',
    ]);
    expect(data.records.map((r) => r.values.barrierefrei)).to.deep.equal([true, false, true]);
    expect(data.records.map((r) => r.values.preis)).to.deep.equal([3.5, 0, null]);
    expect(field(data, 'preis')).to.deep.equal({ name: 'preis', type: 'number', numberFormat: 'de', unit: '€' });
    expect(data.records[2].values.titel).to.equal('Laternenumzug "Sankt Martin"');
  });

  it('infers booleans, percentages, Berlin date-times and unique safe names', async () => {
    const data = await fixture('csv-types-ja-nein.csv');
    expect(names(data)).to.deep.equal([
      'LfdNr',
      'Veranstaltung',
      'Beginn',
      'Barrierefrei',
      'Auslastung',
      'Betrag',
      'Breite',
      'Name',
      'Name (Spalte 9)',
      'Spalte 10',
      '__proto__ (Spalte 11)',
    ]);
    expect(data.records.map((r) => r.id)).to.deep.equal(['1', '2', '3', '4']);
    const column = (name: string) => data.records.map((r) => r.values[name]);
    expect(column('Beginn').map((v) => (v === null ? null : iso(v)))).to.deep.equal([
      '2026-01-10T17:00:00.000Z', // 18:00 CET
      '2026-07-24T13:30:00.000Z', // 15:30 CEST
      '2026-12-24T00:00:00.000Z', // date only: UTC midnight
      null,
    ]);
    expect(column('Barrierefrei')).to.deep.equal([true, false, true, null]);
    expect(column('Auslastung')).to.deep.equal([12, 87.5, 100, null]);
    expect(field(data, 'Auslastung')).to.deep.equal({
      name: 'Auslastung',
      type: 'number',
      numberFormat: 'de',
      unit: '%',
    });
    expect(column('Betrag')).to.deep.equal([1234.56, -0.5, 3000, null]);
    expect(column('Breite')).to.deep.equal([52.1406, 52.15, 52.0867, null]);
    // In a text column `x` is text, not a missing-value marker.
    expect(column('Spalte 10')).to.deep.equal(['x', null, 'y', null]);
    for (const record of data.records) {
      expect(Object.keys(record.values)).not.to.include('__proto__');
      expect(Object.getPrototypeOf(record.values)).to.equal(Object.prototype);
    }
    expect(({} as Record<string, unknown>).p1).to.equal(undefined);
  });

  it('ignores a BOM, padded header names, mixed line endings and blank lines at the end', async () => {
    const data = await fixture('csv-blank-lines.csv');
    expect(names(data)).to.deep.equal(['Ort', 'Wert']);
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Ort: 'Belzig', Wert: 1 },
      { Ort: 'Wiesenburg', Wert: 2 },
    ]);
  });

  it('decides types by the whole column even when the surprise comes after thousands of rows', async () => {
    // 2 500 rows written by us: `Wert` looks English (1.000, 2.700) until line 2401 holds "1.234,5"; `Menge` is
    // numeric until line 2451 says `k. A. wegen Umbau`; line 2481 has a fourth cell; `Nr` repeats 5 on line 2302.
    const data = await fixture('csv-late-surprises.csv');
    expect(data.records).to.have.length(2500);
    expect(names(data)).to.deep.equal(['Nr', 'Wert', 'Menge', 'Spalte 4']);
    expect(field(data, 'Wert')).to.deep.equal({ name: 'Wert', type: 'number', numberFormat: 'de' });
    expect(data.records[0].values.Wert).to.equal(1000);
    expect(data.records[1].values.Wert).to.equal(2700);
    expect(data.records[2399].values.Wert).to.equal(1234.5);
    expect(field(data, 'Menge')?.type).to.equal('string');
    expect(data.records[0].values.Menge).to.equal('10');
    expect(data.records[2449].values.Menge).to.equal('k. A. wegen Umbau');
    expect(data.records[2479].values['Spalte 4']).to.equal('Nachtrag');
    expect(data.records[0].values['Spalte 4']).to.equal(null);
    // Nr is not unique, so ids are row indexes.
    expect(data.records[2300].id).to.equal('2300');
    expect(data.records[0].id).to.equal('0');
  });

  it('reads Excel’s UTF-16 “Unicode text” export (byte order mark, tabs)', async () => {
    const data = await fixture('csv-excel-unicode-utf16.csv');
    expect(data.meta.encoding).to.equal('utf-16le');
    expect(data.meta.delimiter).to.equal('\t');
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Ort: 'Bad Belzig', Einwohner: 11087, Landkreis: 'Potsdam-Mittelmark' },
      { Ort: 'Wiesenburg/Mark', Einwohner: 4364, Landkreis: 'Potsdam-Mittelmark' },
    ]);
  });

  it('follows Excel’s `sep=` line', async () => {
    const data = await fixture('csv-excel-sep-line.csv');
    expect(data.meta.delimiter).to.equal(',');
    expect(data.meta.encoding).to.equal('windows-1252');
    expect(data.meta.headerRow).to.equal(1);
    expect(data.records.map((r) => r.values)).to.deep.equal([
      { Ort: 'Görzke', Anteil: 12.5 },
      { Ort: 'Niemegk', Anteil: 7.25 },
    ]);
  });

  it('honours skipRows, an explicit delimiter and an explicit encoding', async () => {
    const data = await corpus('itnrw-genesis-33111-02ir-koeln-flaechennutzung.csv', {
      skipRows: 7,
      encoding: 'windows-1252',
      delimiter: ';',
    });
    expect(data.meta.headerRow).to.equal(7);
    expect(data.meta.encoding).to.equal('windows-1252');
    // The header starts at the second header row now, so the first combined name loses its top part.
    expect(names(data)[1]).to.equal('Bodenfläche insgesamt');
    expect(data.records).to.have.length(19);
  });

  it('reads Latin-1 bytes as UTF-8 when the source says so (no fallback behind the user’s back)', async () => {
    const data = await corpus('wesel-kontenrahmen-trailing-delimiter-rows.csv', { encoding: 'utf-8' });
    expect(data.meta.encoding).to.equal('utf-8');
    expect(data.records[0].values.Bezeichnung).to.equal('Steuern und \uFFFDhnliche Abgaben');
  });
});
