import { defineStrings } from '../../shared/localize.js';

export const eventsStrings = defineStrings(
  {
    listLabel: 'Termine',
    emptyUpcoming: 'Keine anstehenden Termine',
    emptyPast: 'Keine vergangenen Termine',
    emptyAll: 'Keine Termine',
    noMatch: 'Keine Termine für diese Auswahl.',
    cancelled: 'abgesagt',
    /** Before the source's own state of an event: "Status: durchgeführt". */
    state: 'Status',
    addToCalendar: 'Zum Kalender hinzufügen',
    subscribe: 'Kalender abonnieren',
    category: 'Kategorie',
    allCategories: 'Alle Kategorien',
    searchLabel: 'Termine durchsuchen',
    moreInfo: 'Weitere Informationen',
    showOnMap: 'Auf der Karte zeigen',
    untitled: '(ohne Titel)',
    location: 'Ort',
    count: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? 'Termin' : 'Termine'}` : `${shown} von ${total} Terminen`,
    /** Events of the feed that could not be read (the others are shown). */
    unreadable: (count: number) =>
      count === 1 ? '1 Termin konnte nicht gelesen werden' : `${count} Termine konnten nicht gelesen werden`,
  },
  {
    listLabel: 'Events',
    emptyUpcoming: 'No upcoming events',
    emptyPast: 'No past events',
    emptyAll: 'No events',
    noMatch: 'No events match this selection.',
    cancelled: 'cancelled',
    state: 'Status',
    addToCalendar: 'Add to calendar',
    subscribe: 'Subscribe to calendar',
    category: 'Category',
    allCategories: 'All categories',
    searchLabel: 'Search events',
    moreInfo: 'More information',
    showOnMap: 'Show on map',
    untitled: '(untitled)',
    location: 'Location',
    count: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? 'event' : 'events'}` : `${shown} of ${total} events`,
    unreadable: (count: number) => (count === 1 ? '1 event could not be read' : `${count} events could not be read`),
  },
);
