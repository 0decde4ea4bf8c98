import { defineStrings } from '../../shared/localize.js';
import type { ChartType } from './chart-engine.js';

export const chartStrings = defineStrings(
  {
    typeName: (type: ChartType) =>
      ({
        bar: 'Säulendiagramm',
        'horizontal-bar': 'Balkendiagramm',
        'stacked-bar': 'Gestapeltes Säulendiagramm',
        line: 'Liniendiagramm',
        area: 'Flächendiagramm',
        pie: 'Kreisdiagramm',
        doughnut: 'Ringdiagramm',
      })[type],
    other: 'Sonstige',
    moreRows: (n: number) => `${n.toLocaleString('de-DE')} weitere Zeilen anzeigen`,
    missingLabel: '(ohne Angabe)',
    missingValue: 'keine Angabe',
    count: 'Anzahl',
    showTable: 'Tabelle',
    hideTable: 'Tabelle ausblenden',
    csvLink: 'CSV',
    pngLink: 'Bild',
    downloadCsv: 'Daten als CSV herunterladen',
    downloadPng: 'Diagramm als Bild (PNG) herunterladen',
    source: 'Quelle:',
    empty: 'Für dieses Diagramm gibt es keine Werte.',
    emptyFiltered: (filter: string) => `Keine Zeilen passen zum Filter „${filter}“.`,
    summary: (type: string, series: string, x: string, labels: number, perLabel: number) =>
      `${type}: ${series} nach ${x}, ${labels} ${labels === 1 ? 'Eintrag' : 'Einträge'}` +
      (perLabel > 1 ? ` mit je ${perLabel} Werten` : ''),
    range: (min: string, max: string) => `, von ${min} bis ${max}`,
    highest: (label: string, value: string) => `. Höchster Wert: ${label} (${value})`,
    lowest: (label: string, value: string) => `; niedrigster Wert: ${label} (${value}).`,
    tableCaption: (title: string) => `Daten zum Diagramm: ${title}`,
    and: 'und',
    noValues: 'ohne Zahlenwerte.',
    tableOf: 'Tabelle',
    keysHint: 'Mit den Pfeiltasten die Werte einzeln ansehen.',
    autoLimited: (shown: number, total: number) =>
      `Die ${shown.toLocaleString('de-DE')} größten von ${total.toLocaleString('de-DE')} Kategorien; die übrigen ` +
      `${(total - shown).toLocaleString('de-DE')} sind als „Sonstige“ zusammengefasst. Alle Werte in der Tabelle.`,
    negativeInCircle: (type: string) =>
      `Ein ${type} kann negative Werte nicht darstellen; die Werte sind deshalb als Säulen gezeigt.`,
    missingColumn: (column: string, attribute: string, fields: string) =>
      `Die Spalte „${column}“ (Attribut ${attribute}) gibt es in den Daten nicht. Vorhandene Spalten: ${fields}.`,
    badFilter: (filter: string) =>
      `Der Filter „${filter}“ hat nicht die Form Spalte=Wert (oder Spalte!= für „nicht leer“).`,
    noNumberColumn: (fields: string) =>
      `Die Daten haben keine Zahlenspalte. Bitte im Attribut y die Spalte mit den Werten angeben. Vorhandene Spalten: ${fields}.`,
  },
  {
    typeName: (type: ChartType) =>
      ({
        bar: 'Column chart',
        'horizontal-bar': 'Bar chart',
        'stacked-bar': 'Stacked column chart',
        line: 'Line chart',
        area: 'Area chart',
        pie: 'Pie chart',
        doughnut: 'Doughnut chart',
      })[type],
    other: 'Other',
    moreRows: (n: number) => `Show ${n.toLocaleString('en-GB')} more rows`,
    missingLabel: '(not given)',
    missingValue: 'no value',
    count: 'Count',
    showTable: 'Table',
    hideTable: 'Hide table',
    csvLink: 'CSV',
    pngLink: 'Image',
    downloadCsv: 'Download data as CSV',
    downloadPng: 'Download chart as image (PNG)',
    source: 'Source:',
    empty: 'There are no values for this chart.',
    emptyFiltered: (filter: string) => `No rows match the filter “${filter}”.`,
    summary: (type: string, series: string, x: string, labels: number, perLabel: number) =>
      `${type}: ${series} by ${x}, ${labels} ${labels === 1 ? 'entry' : 'entries'}` +
      (perLabel > 1 ? ` with ${perLabel} values each` : ''),
    range: (min: string, max: string) => `, from ${min} to ${max}`,
    highest: (label: string, value: string) => `. Highest: ${label} (${value})`,
    lowest: (label: string, value: string) => `; lowest: ${label} (${value}).`,
    tableCaption: (title: string) => `Data of the chart: ${title}`,
    and: 'and',
    noValues: 'without numeric values.',
    tableOf: 'Table',
    keysHint: 'Use the arrow keys to go through the values one by one.',
    autoLimited: (shown: number, total: number) =>
      `The ${shown.toLocaleString('en-GB')} largest of ${total.toLocaleString('en-GB')} categories; the other ` +
      `${(total - shown).toLocaleString('en-GB')} are combined as “Other”. Every value is in the table.`,
    negativeInCircle: (type: string) =>
      `A ${type.toLowerCase()} cannot show negative values, so they are shown as columns.`,
    missingColumn: (column: string, attribute: string, fields: string) =>
      `The data has no column “${column}” (attribute ${attribute}). Available columns: ${fields}.`,
    badFilter: (filter: string) =>
      `The filter “${filter}” is not of the form column=value (or column!= for “not empty”).`,
    noNumberColumn: (fields: string) =>
      `The data has no number column. Please name the column with the values in the y attribute. Available columns: ${fields}.`,
  },
);
