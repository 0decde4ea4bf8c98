import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/ideas/offen-ideas.js';
import { PENDING_MARK } from '../.storybook/preview.js';
import { saveVotes } from '../src/components/ideas/ideas-storage.js';

interface IdeasArgs {
  src: string;
  path?: string;
  layout?: string;
  sort?: string;
  status?: string;
  category?: string;
  pageSize?: number;
  submitUrl?: string;
  voteUrl?: string;
  voteStatuses?: string;
  unvote?: string;
  privacyUrl?: string;
}

/**
 * The sample ideas (demo/data/ideen.json, Beispieldaten for Bad Belzig and Wiesenburg) are dated January to
 * September 2026; the stories fix the clock at 15 October 2026 (the `now` property), so "vor 2 Wochen" reads the
 * same whenever Storybook is opened.
 */
const SAMPLE_NOW = new Date('2026-10-15T10:00:00Z');

const meta: Meta<IdeasArgs> = {
  title: 'Widgets/offen-ideas',
  component: 'offen-ideas',
  args: { src: 'data/ideen.json', path: 'ideas', pageSize: 6 },
  // Storybook's own page says lang="en"; the widgets are German first.
  decorators: [(story) => html`<div lang="de">${story()}</div>`],
  render: (args) => html`
    <offen-ideas
      src=${args.src}
      path=${ifDefined(args.path)}
      .now=${SAMPLE_NOW}
      layout=${ifDefined(args.layout)}
      sort=${ifDefined(args.sort)}
      status=${ifDefined(args.status)}
      category=${ifDefined(args.category)}
      page-size=${ifDefined(args.pageSize)}
      submit-url=${ifDefined(args.submitUrl)}
      vote-url=${ifDefined(args.voteUrl)}
      vote-statuses=${ifDefined(args.voteStatuses)}
      unvote=${ifDefined(args.unvote)}
      privacy-url=${ifDefined(args.privacyUrl)}
    ></offen-ideas>
  `,
};
export default meta;

type Story = StoryObj<IdeasArgs>;

/** Twelve sample ideas as cards: status badge, category, votes, comments, relative date; "Mehr anzeigen" pages. */
export const Board: Story = {};

/** The compact list layout for a sidebar or a long page. */
export const List: Story = { args: { layout: 'list', pageSize: 12 } };

/** Everything but rejected ideas, most votes first: the status filter takes several statuses at once. */
export const FilteredAndSorted: Story = {
  args: { status: 'submitted,in-review,accepted,in-progress,done', sort: 'votes' },
};

/** One category, linkable through the `category` attribute (or the URL hash with `sync-url`). */
export const OneCategory: Story = { args: { category: 'Verkehr' } };

/**
 * With `submit-url` and `vote-url`. Storybook has no backend, so sending or voting shows the error states:
 * the vote rolls back with a message, the form keeps the draft and offers "Erneut senden". With `npm start` (or
 * `npx offen-ideas serve`, see the README's "The idea server") the reference server accepts both for real.
 */
export const WithFormAndVoting: Story = {
  args: {
    submitUrl: 'api-gibt-es-hier-nicht/ideas',
    voteUrl: 'api-gibt-es-hier-nicht/votes',
    privacyUrl: '#datenschutz',
  },
};

/** Where the voting stories "vote": no backend, so the votes are what this browser remembers. */
const STORY_VOTES = 'api-gibt-es-hier-nicht/story-votes';

/**
 * Voted: the pressed button reads "✓ Abgestimmt – Stimme zurücknehmen" (pressing again takes the vote back); done
 * and rejected ideas ("Sommerkino", "Skatepark") have no vote button but say that voting has ended.
 */
export const Voted: Story = {
  args: { voteUrl: STORY_VOTES, pageSize: 8 },
  loaders: [async () => saveVotes(STORY_VOTES, new Set(['idee-001', 'idee-003']))],
};

/** `unvote="false"`: a cast vote stays; the button reads "✓ Abgestimmt" and does nothing more. */
export const VotedKept: Story = {
  args: { voteUrl: STORY_VOTES, unvote: 'false', pageSize: 4 },
  loaders: [async () => saveVotes(STORY_VOTES, new Set(['idee-001']))],
};

/** `vote-statuses="neu,in Prüfung"`: only submitted ideas and those in review take votes; the rest say why not. */
export const VotingOnlyNewIdeas: Story = {
  args: { voteUrl: 'api-gibt-es-hier-nicht/votes', voteStatuses: 'neu,in Prüfung', pageSize: 6 },
};

/**
 * Opens the form, lets `fill` type into it, and sends it (Storybook has no backend, so the send fails unless the
 * fields are refused first).
 */
const sendForm =
  (fill: (root: ShadowRoot) => void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const board = canvasElement.querySelector('offen-ideas')!;
    await board.updateComplete;
    await board.loadComplete;
    await board.updateComplete;
    const root = board.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-controls="idea-form"]');
    if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
    await board.updateComplete;
    fill(root);
    await board.updateComplete;
    root.querySelector<HTMLButtonElement>('#idea-form button[type="submit"]')!.click();
  };

/** Types into a form field the way a browser does: value, then an input (or change) event. */
function enter(root: ShadowRoot, selector: string, value: string | boolean): void {
  const field = root.querySelector<HTMLInputElement>(selector)!;
  if (typeof value === 'boolean') field.checked = value;
  else field.value = value;
  field.dispatchEvent(new Event(typeof value === 'boolean' ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** A send that failed: the message above the button, the draft kept, and one button, "Erneut senden". */
export const SendFailed: Story = {
  args: { submitUrl: 'api-gibt-es-hier-nicht/ideas', privacyUrl: '#datenschutz', pageSize: 2 },
  play: sendForm((root) => {
    enter(root, '#f-title', 'Neue Bank am Schlosspark');
    enter(root, '#f-description', 'Eine Bank mit Blick auf das Schloss Wiesenburg wäre schön.');
    enter(root, '#f-consent', true);
  }),
};

/** The form opened and sent empty: messages next to each field, focus on the first one. */
export const FormWithErrors: Story = {
  args: { submitUrl: 'api-gibt-es-hier-nicht/ideas', privacyUrl: '#datenschutz', pageSize: 2 },
  play: sendForm(() => {}),
};

/** The ideas with coordinates on a small map (`<offen-map>`, loaded only now; tiles only after consent). */
export const MapView: Story = {
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('offen-ideas')!;
    await board.loadComplete;
    await board.updateComplete;
    board.shadowRoot!.querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]?.click();
  },
};

/** "Liste überspringen", shown when it has the keyboard focus: Enter moves the focus past the ideas. */
export const SkipList: Story = {
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('offen-ideas')!;
    await board.loadComplete;
    await board.updateComplete;
    board.shadowRoot!.querySelector<HTMLButtonElement>('.skip-link')?.focus();
  },
};

export const Loading: Story = { args: { src: `data/ideen.json?${PENDING_MARK}` } };

export const Empty: Story = { args: { src: 'data:application/json,{"ideas":[]}' } };

export const LoadError: Story = { args: { src: 'data/gibt-es-nicht.json' } };

/**
 * The first page of a paged source as the reference server writes it (`{ "ideas": […], "next": "…" }`), made in the
 * browser so Storybook needs no backend; its `next` link leads to the twelve sample ideas.
 */
function firstPage(next: string): string {
  const idea = (id: string, title: string, category: string, created: string) => ({
    id,
    title,
    description: 'Eine Idee von der ersten Seite einer langen Liste; die weiteren Seiten lädt "Mehr anzeigen".',
    category,
    status: 'submitted',
    votes: 3,
    comments: 0,
    created,
  });
  const page = {
    ideas: [
      idea('seite-1-a', 'Trinkbrunnen am Marktplatz', 'Umwelt', '2026-10-12T09:00:00Z'),
      idea('seite-1-b', 'Leihfahrräder am Bahnhof Wiesenburg', 'Verkehr', '2026-10-10T09:00:00Z'),
      idea('seite-1-c', 'Lesecafé in der Stadtbibliothek', 'Kultur', '2026-10-08T09:00:00Z'),
    ],
    next: new URL(next, location.href).href,
  };
  return URL.createObjectURL(new Blob([JSON.stringify(page)], { type: 'application/json' }));
}

const pressMore = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const board = canvasElement.querySelector('offen-ideas')!;
  await board.updateComplete;
  await board.loadComplete;
  await board.updateComplete;
  board.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')?.click();
};

/** A paged source: the first page, and "Mehr anzeigen" loads the next one (here the sample ideas) below it. */
export const Paged: Story = { args: { src: firstPage('data/ideen.json'), pageSize: 3 } };

/** The next page could not be loaded: the message and "Erneut versuchen" beside the list, the first page stays. */
export const NextPageFailed: Story = {
  args: { src: firstPage('data/gibt-es-nicht.json'), pageSize: 3 },
  play: pressMore,
};

/** A page in English gets English labels, statuses and relative dates. */
export const English: Story = {
  decorators: [(story) => html`<div lang="en">${story()}</div>`],
};

/** On a dark page that declares nothing: cards, badges and form follow the background (statuses in light hues). */
export const DarkPage: Story = {
  decorators: [(story) => html`<div style="background: #15171a; padding: 1rem">${story()}</div>`],
};

/** A 320 px phone: toolbar and cards stack, nothing scrolls sideways. */
export const Phone: Story = {
  decorators: [(story) => html`<div style="max-width: 320px">${story()}</div>`],
};

/**
 * A hostile title of 500,000 characters (#16), made in the browser: the card shows 300 of them ending in "…", the
 * opened idea (opened here) shows up to 10,000 above its text, and search finds "Zebrastreifen" at character 400,000.
 */
export const LongTitleOpened: Story = {
  args: {
    src: URL.createObjectURL(
      new Blob(
        [
          JSON.stringify({
            ideas: [
              {
                id: 'lang',
                title: `${'Sehr'.repeat(100_000)} Zebrastreifen ${'lang'.repeat(24_996)}`,
                description: 'Ein Titel ohne Leerzeichen, so lang wie ein Buch.',
                category: 'Verkehr',
                status: 'submitted',
                votes: 1,
                created: '2026-10-01T09:00:00Z',
              },
            ],
          }),
        ],
        { type: 'application/json' },
      ),
    ),
  },
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('offen-ideas')!;
    await board.loadComplete;
    await board.updateComplete;
    board.shadowRoot!.querySelector<HTMLButtonElement>('.title-button')?.click();
  },
};
