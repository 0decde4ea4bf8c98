import { defineStrings } from '../../shared/localize.js';

export const mapStrings = defineStrings(
  {
    empty: 'Keine Angebote gefunden',
    mapLabel: 'Karte der Angebote',
    mapHint: 'Alle Angebote stehen auch in der Liste.',
    listLabel: 'Liste der Angebote',
    categories: 'Kategorien',
    moreCategories: (rest: number, total: number) =>
      `Weitere ${rest.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} Kategorien durchsuchen`,
    search: 'Angebote durchsuchen',
    searchPlaceholder: 'Name, Kategorie oder Adresse',
    onlyInView: 'Nur Angebote im Kartenausschnitt',
    count: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? 'Angebot' : 'Angebote'}` : `${shown} von ${total} Angeboten`,
    moreItems: (n: number) => `${n} weitere anzeigen`,
    unplacedHidden: (n: number) =>
      n === 1
        ? '1 Angebot ohne Kartenposition ist ausgeblendet.'
        : `${n} Angebote ohne Kartenposition sind ausgeblendet.`,
    showAll: 'Alle zeigen',
    noLocation: 'ohne Kartenposition',
    address: 'Adresse',
    hours: 'Öffnungszeiten',
    phone: 'Telefon',
    website: 'Website',
    externalImage: 'Bild ansehen (externe Seite)',
    close: 'Details schließen',
    details: 'Details',
    consentText: (host: string) =>
      `Die Hintergrundkarte wird von ${host} geladen. Dabei wird Ihre IP-Adresse an diesen Anbieter übertragen.`,
    consentButton: 'Karte laden',
    consentRemember: 'Entscheidung merken',
    consentMarkersHint: 'Die Markierungen und die Liste funktionieren auch ohne Hintergrundkarte.',
    locate: 'Mein Standort',
    locating: 'Standort wird ermittelt …',
    locateFailed: 'Der Standort konnte nicht ermittelt werden.',
    youAreHere: 'Ihr Standort',
    clusterLabel: (n: number) => `${n} Angebote`,
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    attribution: 'Kartendaten',
    wheelHint: (mac: boolean) => `Zum Zoomen der Karte ${mac ? '⌘' : 'Strg'} gedrückt halten und scrollen`,
    touchHint: 'Zum Bewegen der Karte zwei Finger verwenden',
    tilesFailed: (host: string) =>
      `Die Hintergrundkarte konnte nicht von ${host} geladen werden. Markierungen und Liste funktionieren weiter.`,
    fullscreen: 'Vollbild',
    exitFullscreen: 'Vollbild beenden',
    crsRead: (system: string) => `Koordinaten umgerechnet aus ${system}.`,
    crsAmbiguous: (systems: string) =>
      `Die Koordinaten passen zu mehreren Koordinatensystemen (${systems}); die Angebote stehen deshalb nur in der Liste. Das Attribut crs legt fest, welches gilt.`,
  },
  {
    empty: 'No offers found',
    mapLabel: 'Map of the offers',
    mapHint: 'All offers are also in the list.',
    listLabel: 'List of the offers',
    categories: 'Categories',
    moreCategories: (rest: number, total: number) =>
      `Search ${rest.toLocaleString('en-GB')} more of ${total.toLocaleString('en-GB')} categories`,
    search: 'Search the offers',
    searchPlaceholder: 'Name, category or address',
    onlyInView: 'Only offers in the map view',
    count: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? 'offer' : 'offers'}` : `${shown} of ${total} offers`,
    moreItems: (n: number) => `Show ${n} more`,
    unplacedHidden: (n: number) =>
      n === 1 ? '1 offer without a map position is hidden.' : `${n} offers without a map position are hidden.`,
    showAll: 'Show all',
    noLocation: 'no map position',
    address: 'Address',
    hours: 'Opening hours',
    phone: 'Phone',
    website: 'Website',
    externalImage: 'View image (external site)',
    close: 'Close details',
    details: 'Details',
    consentText: (host: string) =>
      `The background map is loaded from ${host}. This sends your IP address to that provider.`,
    consentButton: 'Load map',
    consentRemember: 'Remember my choice',
    consentMarkersHint: 'The markers and the list also work without the background map.',
    locate: 'My location',
    locating: 'Finding your location …',
    locateFailed: 'Your location could not be determined.',
    youAreHere: 'Your location',
    clusterLabel: (n: number) => `${n} offers`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attribution: 'Map data',
    wheelHint: (mac: boolean) => `Hold ${mac ? '⌘' : 'Ctrl'} and scroll to zoom the map`,
    touchHint: 'Use two fingers to move the map',
    tilesFailed: (host: string) =>
      `The background map could not be loaded from ${host}. The markers and the list still work.`,
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    crsRead: (system: string) => `Coordinates converted from ${system}.`,
    crsAmbiguous: (systems: string) =>
      `The coordinates fit several coordinate systems (${systems}), so the offers are only in the list. The crs attribute says which one applies.`,
  },
);

/** The map's strings in the page's language (what `localize.t(mapStrings)` returns). */
export type MapText = (typeof mapStrings)['de'];

/**
 * The map's words for what it shows ("Angebote"), which a map of other things replaces through its `labels`
 * property (the ideas board: "Ideen durchsuchen", "8 Ideen").
 */
export type MapLabels = Pick<
  (typeof mapStrings)['de'],
  | 'empty'
  | 'mapLabel'
  | 'mapHint'
  | 'listLabel'
  | 'search'
  | 'searchPlaceholder'
  | 'onlyInView'
  | 'count'
  | 'unplacedHidden'
  | 'clusterLabel'
>;
