import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/events/offen-events.js';
import { PENDING_MARK } from '../.storybook/preview.js';

interface EventsArgs {
  src: string;
  range?: string;
  layout?: string;
  groupBy?: string;
  limit?: number;
  days?: number;
  pageSize?: number;
  timezone?: string;
  mapUrl?: string;
}

/**
 * The sample data is dated around Thursday, 26 November 2026; the stories fix the clock there (the `now`
 * property), so "Heute", "Morgen" and the upcoming list look the same whenever Storybook is opened.
 */
const SAMPLE_NOW = new Date('2026-11-26T10:00:00Z');

const meta: Meta<EventsArgs> = {
  title: 'Widgets/offen-events',
  component: 'offen-events',
  args: { src: 'data/termine.ics' },
  // Storybook's own page says lang="en"; the widgets are German first.
  decorators: [(story) => html`<div lang="de">${story()}</div>`],
  render: (args) => html`
    <offen-events
      src=${args.src}
      .now=${SAMPLE_NOW}
      range=${ifDefined(args.range)}
      layout=${ifDefined(args.layout)}
      group-by=${ifDefined(args.groupBy)}
      limit=${ifDefined(args.limit)}
      days=${ifDefined(args.days)}
      page-size=${ifDefined(args.pageSize)}
      timezone=${ifDefined(args.timezone)}
      map-url=${ifDefined(args.mapUrl)}
    ></offen-events>
  `,
};
export default meta;

type Story = StoryObj<EventsArgs>;

/**
 * An ICS feed (Beispieldaten Bad Belzig/Wiesenburg): a weekly market with EXDATEs at Christmas and New Year, a
 * monthly Repair-Café, an all-day and a multi-day event, a cancelled concert. Search and category filter appear
 * because there are enough events; each event can be saved with "Zum Kalender hinzufügen", the feed subscribed.
 */
export const Ics: Story = { args: { pageSize: 8 } };

/** Full layout with location links to an OpenStreetMap search (only because `map-url` is set). */
export const Full: Story = {
  args: { layout: 'full', limit: 6, mapUrl: 'https://www.openstreetmap.org/search?query={location}' },
};

/** Compact layout for a sidebar: date badge, title, time; the title opens the details. */
export const Compact: Story = {
  args: { layout: 'compact', limit: 5, groupBy: 'none' },
  decorators: [(story) => html`<div style="max-width:22rem">${story()}</div>`],
};

/** Past events, newest first. */
export const Past: Story = { args: { range: 'past', limit: 6 } };

/** Grouped by day for the next week, with "Heute" and "Morgen". */
export const NextWeekByDay: Story = { args: { days: 7, groupBy: 'day' } };

/** Times in another zone: the same feed read in New York. */
export const OtherTimeZone: Story = { args: { timezone: 'America/New_York', limit: 4, groupBy: 'none' } };

/**
 * OParl meetings of a fictional "Stadtverordnetenversammlung Bad Belzig" (Beispieldaten): two pages linked by
 * `links.next`, the committee as category (the filter; titles name it), the state as a label, the meeting's web page
 * as link, one meeting "abgesagt".
 */
export const OParl: Story = { args: { src: 'data/oparl/meeting.json', limit: 8 } };

/**
 * Past council meetings: each with its state as a label ("Status: durchgeführt"), no "Zum Kalender hinzufügen"
 * (they are over), and no committee line where the title names the committee already.
 */
export const OParlPast: Story = { args: { src: 'data/oparl/meeting.json', range: 'past', limit: 6 } };

/** Nothing ahead in the chosen window: "Keine anstehenden Termine". */
export const Empty: Story = {
  render: () => html`<offen-events src="data/termine.ics" .now=${new Date('2029-06-01T10:00:00Z')}></offen-events>`,
};

/** A request that never answers (as a slow server would): the loading skeleton. */
export const Loading: Story = {
  render: () => html`<offen-events src=${`data/termine.ics?${PENDING_MARK}`} .now=${SAMPLE_NOW}></offen-events>`,
};

/** The feed is missing: an alert with the reason and a retry button. */
export const LoadError: Story = {
  render: () => html`<offen-events src="data/gibt-es-nicht.ics" .now=${SAMPLE_NOW}></offen-events>`,
};

/** English page: weekday and month names and the buttons follow `lang`. */
export const English: Story = {
  render: () =>
    html`<div lang="en-GB">
      <offen-events src="data/termine.ics" .now=${SAMPLE_NOW} limit="4"></offen-events>
    </div>`,
};

/** A feed with two events the data layer cannot read (a rule for 30 February, an unknown FREQ) beside two it can. */
const PARTLY_READABLE_FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//offen//Storybook//DE',
  'BEGIN:VEVENT',
  'UID:wochenmarkt@offen.test',
  'DTSTART;TZID=Europe/Berlin:20261105T080000',
  'DTEND;TZID=Europe/Berlin:20261105T130000',
  'RRULE:FREQ=WEEKLY;BYDAY=TH',
  'SUMMARY:Wochenmarkt',
  'LOCATION:Marktplatz\\, Bad Belzig',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:lesung@offen.test',
  'DTSTART;TZID=Europe/Berlin:20261127T190000',
  'DTEND;TZID=Europe/Berlin:20261127T210000',
  'SUMMARY:Lesung in der Bibliothek',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:schalttag@offen.test',
  'DTSTART;TZID=Europe/Berlin:20260101T100000',
  'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'SUMMARY:Gibt es nie',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:vierzehntaegig@offen.test',
  'DTSTART;TZID=Europe/Berlin:20261102T180000',
  'RRULE:FREQ=FORTNIGHTLY',
  'SUMMARY:Unbekannte Regel',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/**
 * Some events of the feed cannot be read: the readable ones are listed and a line below says
 * "2 Termine konnten nicht gelesen werden" (the data layer names them in `meta.unreadableUids`).
 */
export const UnreadableEvents: Story = {
  render: () => {
    // Served as a blob: URL, so the widget loads it through the data layer like any feed.
    const url = URL.createObjectURL(new Blob([PARTLY_READABLE_FEED], { type: 'text/calendar' }));
    return html`<offen-events src=${url} format="ics" .now=${SAMPLE_NOW} limit="4" group-by="none"></offen-events>`;
  },
};

/** "Liste überspringen" at the start of a long list, shown while it has the keyboard focus. */
export const SkipList: Story = {
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('offen-events')!;
    await list.loadComplete;
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLButtonElement>('.skip-link')?.focus();
  },
};

/** On a dark page that declares nothing: the list follows the background it sits on. */
export const DarkPage: Story = {
  render: () =>
    html`<div style="background: #15171a; padding: 1rem">
      <offen-events src="data/termine.ics" .now=${SAMPLE_NOW} limit="6"></offen-events>
    </div>`,
};

/** A 320 px phone: filters stack, nothing scrolls sideways. */
export const Phone: Story = {
  render: () =>
    html`<div style="max-width: 320px">
      <offen-events src="data/oparl/meeting.json" format="oparl" group-by="month" .now=${SAMPLE_NOW}></offen-events>
    </div>`,
};
