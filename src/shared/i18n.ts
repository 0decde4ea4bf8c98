import type { DataError } from '../data/errors.js';
import { defineStrings, type Lang } from './localize.js';

/** Strings every widget shares. Widget-specific strings live beside each widget (`<name>.strings.ts`). */
export const commonStrings = defineStrings(
  {
    loading: 'Daten werden geladen …',
    loaded: (read: string, total?: string) => (total ? `${read} von ${total} geladen` : `${read} geladen`),
    loadedStep: (step: string) => `Daten werden geladen … ${step}`,
    /** The data is there and a widget prepares it in slices (many rows). */
    preparing: 'Daten werden aufbereitet …',
    retry: 'Erneut versuchen',
    errorTitle: 'Die Daten konnten nicht geladen werden.',
    search: 'Suche',
    showMore: 'Mehr anzeigen',
    all: 'Alle',
    noSource: 'Keine Datenquelle angegeben (Attribut „src“ fehlt).',
    skipList: 'Liste überspringen',
    endOfList: 'Ende der Liste',
  },
  {
    loading: 'Loading data …',
    loaded: (read: string, total?: string) => (total ? `${read} of ${total} loaded` : `${read} loaded`),
    loadedStep: (step: string) => `Loading data … ${step}`,
    preparing: 'Preparing the data …',
    retry: 'Try again',
    errorTitle: 'The data could not be loaded.',
    search: 'Search',
    showMore: 'Show more',
    all: 'All',
    noSource: 'No data source given (the “src” attribute is missing).',
    skipList: 'Skip list',
    endOfList: 'End of the list',
  },
);

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url, globalThis.location?.href).host || url;
  } catch {
    return url;
  }
}

function mb(bytes: number | undefined, lang: Lang): string {
  const value = (bytes ?? 0) / 1_000_000;
  return value.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }) + ' MB';
}

/** A short message for users: what failed and where. Developers find the English detail in `error.message`. */
export function describeDataError(error: DataError, lang: Lang): string {
  const url = error.url ?? '';
  const host = hostOf(error.url);
  const de = lang === 'de';
  switch (error.kind) {
    case 'network':
      if (error.redirect) {
        return de
          ? `${url} leitet weiter, aber der Weiterleitung lässt sich nicht folgen (eine Schleife, zu viele Weiterleitungen oder ein Ziel, das den Abruf von dieser Seite nicht erlaubt).`
          : `${url} redirects, but the redirect cannot be followed (a loop, too many redirects, or a target that does not allow requests from this page).`;
      }
      return de
        ? `Der Server ${host} ist nicht erreichbar.` +
            (error.cors ? ' Erlaubt er den Abruf von dieser Seite (Header Access-Control-Allow-Origin)?' : '')
        : `The server ${host} could not be reached.` +
            (error.cors ? ' Does it allow requests from this page (Access-Control-Allow-Origin header)?' : '');
    case 'http':
      return de
        ? `Der Server antwortete mit Status ${error.status} für ${url}.`
        : `The server answered with status ${error.status} for ${url}.`;
    case 'timeout':
      return de ? `${host} hat nicht rechtzeitig geantwortet.` : `${host} did not answer in time.`;
    case 'too-large':
      return de
        ? `Die Datei ${url} ist größer als erlaubt (${mb(error.limit, lang)}).`
        : `The file ${url} is larger than allowed (${mb(error.limit, lang)}).`;
    case 'parse': {
      const where =
        error.line !== undefined
          ? de
            ? ` in Zeile ${error.line}${error.column !== undefined ? `, Spalte ${error.column}` : ''}`
            : ` at line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}`
          : error.position !== undefined
            ? de
              ? ` an Position ${error.position}`
              : ` at position ${error.position}`
            : '';
      return de ? `Die Daten aus ${url} sind fehlerhaft${where}.` : `The data from ${url} is malformed${where}.`;
    }
    case 'empty':
      return de ? `${url} enthält keine Datensätze.` : `${url} contains no records.`;
    case 'mapping': {
      const fields = (error.fields ?? []).join(', ');
      // `path` and `resource` are attributes of their own; every other role has a `<role>-field` attribute.
      if (error.role === 'path' || error.role === 'resource') {
        return de
          ? `Das Attribut ${error.role} passt nicht zu den Daten aus ${url}. Vorhanden: ${fields}.`
          : `The ${error.role} attribute does not match the data from ${url}. Available: ${fields}.`;
      }
      if (error.role === 'crs') {
        return de
          ? `Das Koordinatensystem „${error.found}“ (Attribut crs) wird nicht unterstützt. Unterstützt: ${fields}.`
          : `The coordinate system “${error.found}” (crs attribute) is not supported. Supported: ${fields}.`;
      }
      const attribute = `${error.role}-field`;
      return de
        ? `Kein Feld für „${error.role}“ gefunden. Vorhandene Felder: ${fields}. Bitte das Attribut ${attribute} setzen.`
        : `No field found for “${error.role}”. Available fields: ${fields}. Please set the ${attribute} attribute.`;
    }
    case 'unsupported':
      return de
        ? `Das Format von ${url} wird nicht unterstützt${error.found ? ` (${error.found})` : ''}.`
        : `The format of ${url} is not supported${error.found ? ` (${error.found})` : ''}.`;
    case 'aborted':
      return de ? 'Das Laden wurde abgebrochen.' : 'Loading was cancelled.';
  }
}
