import { html, nothing, type TemplateResult } from 'lit';
import { clampText, TEXT_LENGTH } from '../../shared/display-text.js';
import { safeWebUrl } from '../../shared/safe-url.js';
import type { VoteState } from './idea-votes.js';
import { linkify, relativeTime, shorten, type Idea } from './ideas-model.js';
import type { ideasStrings } from './offen-ideas.strings.js';

/** What a card needs from its board. */
export interface IdeaCardContext {
  t: (typeof ideasStrings)['de'];
  /** `aria-level` of the title. */
  level: string;
  locale: string;
  now: Date;
  /** Whether the full text is shown. */
  open: boolean;
  /** With `vote-url`: the vote button is shown. */
  canVote: boolean;
  vote: VoteState;
  onToggle(): void;
  onKeydown(event: KeyboardEvent): void;
  /** The reader pressed the vote button; `shown` is the count they saw. */
  onVote(shown: number): void;
}

/**
 * One idea as a card: title (a button that opens the full text), status badge, category, age, author, the text
 * (shortened until opened; web links in it clickable), votes and comments, and a failed vote's message. A title too
 * long for the card (cut with `…`) is shown whole in the opened idea, up to TEXT_LENGTH characters like any text.
 */
export function renderIdeaCard(idea: Idea, index: number, card: IdeaCardContext): TemplateResult {
  const { t, open, locale, now } = card;
  const base = `idea-${index}`;
  const { votes, closed, message } = card.vote;
  return html`<li class="card ${open ? 'open' : ''}" part="card" data-id=${idea.id} @keydown=${card.onKeydown}>
    <div class="card-title" role="heading" aria-level=${card.level} id="${base}-title">
      <button
        type="button"
        class="title-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="${base}-text"
        @click=${card.onToggle}
      >
        ${idea.title}
      </button>
    </div>
    <p class="meta">
      ${
        idea.pending
          ? html`<span class="badge pending" part="badge">${t.pending}</span>`
          : html`<span class="badge" part="badge" data-status=${idea.status}>${t[idea.status]}</span>`
      }
      ${idea.category ? html`<span class="category">${idea.category}</span>` : nothing}
      ${
        idea.created
          ? html`<time
              datetime=${idea.created.toISOString()}
              title=${idea.created.toLocaleDateString(locale, { dateStyle: 'long' })}
              >${relativeTime(idea.created, now, locale)}</time
            >`
          : nothing
      }
      ${idea.author ? html`<span class="author">${t.by(idea.author)}</span>` : nothing}
    </p>
    ${
      open
        ? html`<div class="full" id="${base}-text">
            ${idea.fullTitle ? html`<p class="full-title">${clampText(idea.fullTitle, TEXT_LENGTH)}</p>` : nothing}${linkify(
              idea.description,
              (url) => safeWebUrl(url),
            ).map((part) =>
              'href' in part
                ? html`<a href=${part.href} rel="noopener noreferrer nofollow ugc">${part.text}</a>`
                : part.text,
            )}
          </div>`
        : html`<p class="summary" id="${base}-text">${shorten(idea.description, 180)}</p>`
    }
    <div class="actions">
      ${card.canVote && !idea.pending && !closed ? renderVoteButton(idea, base, card) : nothing}
      <span class="votes" id="${base}-votes">${t.votes(votes)}</span>
      ${idea.comments !== undefined ? html`<span class="comments">${t.comments(idea.comments)}</span>` : nothing}
    </div>
    ${
      card.canVote && !idea.pending && closed && !message
        ? html`<p class="vote-closed">${t.voteClosed(t[idea.status])}</p>`
        : nothing
    }
    ${message ? html`<p class="notice" role="alert">${message}</p>` : nothing}
  </li>`;
}

/**
 * The vote button, a toggle: "▲ Unterstützen", and once voted "✓ Abgestimmt" (pressed) with "Stimme zurücknehmen"
 * when pressing again takes the vote back.
 */
function renderVoteButton(idea: Idea, base: string, card: IdeaCardContext): TemplateResult {
  const { t } = card;
  const { votes, voted, undoable, locked } = card.vote;
  return html`<button
    type="button"
    class="offen-button secondary vote"
    part="vote"
    aria-pressed=${voted ? 'true' : 'false'}
    aria-disabled=${locked ? 'true' : 'false'}
    aria-describedby="${base}-votes"
    @click=${() => card.onVote(votes)}
  >
    ${
      voted
        ? html`<span aria-hidden="true">✓</span> ${t.voted}${
              undoable ? html`<span class="vote-undo"> – ${t.unvoteAction}</span>` : nothing
            }`
        : html`<span aria-hidden="true">▲</span> ${t.vote}`
    }<span class="visually-hidden">: ${idea.title}</span>
  </button>`;
}
