import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VoteDetail } from '../../shared/events.js';
import { castVote, type RequestOptions } from './ideas-client.js';
import type { Idea } from './ideas-model.js';
import { loadVotes, saveVotes } from './ideas-storage.js';
import type { ideasStrings } from './offen-ideas.strings.js';

/** What the votes need from their board. */
export interface IdeaVotesOptions {
  /** Where votes are POSTed (`vote-url`); without it votes are shown but not cast. */
  url(): string | undefined;
  /** Whether a vote may be withdrawn (`unvote`). */
  unvote(): boolean;
  /** Whether an idea of this status takes votes (`vote-statuses`). */
  votable(idea: Idea): boolean;
  strings(): (typeof ideasStrings)['de'];
  /** Request settings, with the browser's anonymous voting token. */
  request(): RequestOptions;
  /** The server counted or withdrew a vote (the board fires `offen-vote`). */
  counted(detail: VoteDetail): void;
}

/** How one idea's vote button reads. */
export interface VoteState {
  /** The count to show: the server's last answer, or the data's. */
  votes: number;
  voted: boolean;
  /** Pressing takes the vote back (voted, with `unvote`). */
  undoable: boolean;
  /** Pressing does nothing: voted without `unvote`, or a request under way. */
  locked: boolean;
  /** The idea takes no votes (its status, or the server said so): no button. */
  closed: boolean;
  message?: string;
}

/**
 * The votes of an idea board: which ideas this browser voted for (kept per `vote-url` in localStorage), the count
 * changed at once and confirmed or rolled back by the server's answer, one request per idea at a time, and the
 * message when a vote failed.
 */
export class IdeaVotes implements ReactiveController {
  private voted = new Set<string>();
  private counts = new Map<string, number>();
  private pending = new Set<string>();
  private messages = new Map<string, string>();
  /** Ideas the server called closed although their status as shown takes votes (the list is older than the status). */
  private closed = new Set<string>();
  private loadedUrl?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: IdeaVotesOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const url = this.options.url();
    if (url === this.loadedUrl) return;
    this.loadedUrl = url;
    this.voted = url ? loadVotes(url) : new Set();
  }

  /** The vote button's state for an idea. */
  stateOf(idea: Idea): VoteState {
    const voted = this.voted.has(idea.id);
    return {
      votes: this.counts.get(idea.id) ?? idea.votes,
      voted,
      undoable: voted && this.options.unvote(),
      locked: (voted && !this.options.unvote()) || this.pending.has(idea.id),
      closed: this.closed.has(idea.id) || !this.options.votable(idea),
      message: this.messages.get(idea.id),
    };
  }

  private update(id: string, voted: boolean, votes: number, message?: string): void {
    if (voted) this.voted.add(id);
    else this.voted.delete(id);
    this.counts.set(id, votes);
    if (message) this.messages.set(id, message);
    else this.messages.delete(id);
    this.host.requestUpdate();
  }

  /** Votes for an idea, or withdraws the vote (with `unvote`); `shown` is the count the reader sees. */
  async toggle(idea: Idea, shown: number): Promise<void> {
    const url = this.options.url();
    if (!url || this.pending.has(idea.id) || this.stateOf(idea).closed) return;
    const withdraw = this.voted.has(idea.id);
    if (withdraw && !this.options.unvote()) return;
    const t = this.options.strings();
    const expected = Math.max(0, shown + (withdraw ? -1 : 1));
    // The count changes at once; the server's answer confirms or rolls it back.
    this.pending.add(idea.id);
    this.update(idea.id, !withdraw, expected);
    const result = await castVote(url, idea.id, withdraw, this.options.request());
    this.pending.delete(idea.id);
    if (result.kind === 'ok') {
      const votes = result.votes ?? expected;
      this.update(idea.id, !withdraw, votes);
      saveVotes(url, this.voted);
      this.options.counted({ id: idea.id, voted: !withdraw, votes });
    } else if (result.kind === 'already') {
      this.update(idea.id, true, result.votes ?? shown, t.alreadyVoted);
      saveVotes(url, this.voted);
    } else if (result.kind === 'closed') {
      this.closed.add(idea.id);
      this.update(idea.id, withdraw, shown, t.voteEnded);
    } else {
      const message = result.status === 429 ? t.voteRateLimited : withdraw ? t.unvoteFailed : t.voteFailed;
      this.update(idea.id, withdraw, shown, message);
    }
  }
}
