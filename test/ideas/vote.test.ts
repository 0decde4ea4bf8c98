import { expect, oneEvent } from '@open-wc/testing';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { apiUrl, boardName, cardOf, control, createBoard, publishedIdeas, received, until } from './helpers.js';

const votesKey = (board: string) => `offen-ideas:votes:${apiUrl(board, '/votes')}`;
const voteButton = (el: OffenIdeas, title: string) => cardOf(el, title).voteButton!;
const voteCount = (el: OffenIdeas, title: string) => cardOf(el, title).votes;
const serverVotes = async (board: string, id: string) =>
  (await publishedIdeas(board)).find((idea) => idea.id === id)!.votes;

describe('<offen-ideas> voting', () => {
  it('counts a vote at once, confirms it with the server and remembers it', async () => {
    const board = boardName('vote');
    const el = await createBoard(board, { vote: true });
    const button = voteButton(el, 'Radweg nach Wiesenburg');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(voteCount(el, 'Radweg nach Wiesenburg')).to.equal('40 Stimmen');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'offen-vote');
    expect(event.detail).to.deep.equal({ id: 'b-1', voted: true, votes: 41 });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(voteCount(el, 'Radweg nach Wiesenburg')).to.equal('41 Stimmen');
    expect(await serverVotes(board, 'b-1')).to.equal(41);
    expect(JSON.parse(localStorage.getItem(votesKey(board))!)).to.deep.equal(['b-1']);
    const sent = (await received(board)).vote;
    expect(sent).to.deep.equal([{ id: 'b-1' }]);

    // Without `unvote` a second click does nothing.
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect((await received(board)).vote).to.have.length(1);

    // A reload remembers the vote.
    el.remove();
    const again = await createBoard(board, { vote: true, query: '?wieder' });
    expect(voteButton(again, 'Radweg nach Wiesenburg').getAttribute('aria-pressed')).to.equal('true');
    expect(voteCount(again, 'Radweg nach Wiesenburg')).to.equal('41 Stimmen');
  });

  it('rolls the count back with a message when the server refuses', async () => {
    const board = boardName('rollback');
    await control(board, { fail: { vote: { status: 500 } } });
    const el = await createBoard(board, { vote: true });
    const button = voteButton(el, 'Bücherschrank am Markt');
    button.click();
    await el.updateComplete;
    // Shown at once, before the server answered …
    expect(voteCount(el, 'Bücherschrank am Markt')).to.equal('13 Stimmen');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // … and rolled back when it refused.
    await until(() => cardOf(el, 'Bücherschrank am Markt').notice, 'refusal message');
    expect(cardOf(el, 'Bücherschrank am Markt').notice).to.equal(
      'Ihre Stimme konnte nicht gezählt werden. Bitte versuchen Sie es später noch einmal.',
    );
    expect(voteCount(el, 'Bücherschrank am Markt')).to.equal('12 Stimmen');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(localStorage.getItem(votesKey(board))).to.equal(null);
    expect(await serverVotes(board, 'b-2')).to.equal(12);
  });

  it('the server counts one vote per browser even when the browser forgot', async () => {
    const board = boardName('forgot');
    const el = await createBoard(board, { vote: true });
    voteButton(el, 'Busverbindung am Abend').click();
    await until(() => localStorage.getItem(votesKey(board)));
    el.remove();
    localStorage.removeItem(votesKey(board));

    const again = await createBoard(board, { vote: true, query: '?vergessen' });
    expect(voteCount(again, 'Busverbindung am Abend')).to.equal('31 Stimmen');
    voteButton(again, 'Busverbindung am Abend').click();
    await until(() => cardOf(again, 'Busverbindung am Abend').notice);
    expect(cardOf(again, 'Busverbindung am Abend').notice).to.equal('Sie haben diese Idee bereits unterstützt.');
    expect(voteCount(again, 'Busverbindung am Abend')).to.equal('31 Stimmen');
    expect(voteButton(again, 'Busverbindung am Abend').getAttribute('aria-pressed')).to.equal('true');
    expect(await serverVotes(board, 'b-5')).to.equal(31);
  });

  it('withdraws a vote when unvote is allowed', async () => {
    const board = boardName('unvote');
    const el = await createBoard(board, { vote: true, unvote: true });
    const button = voteButton(el, 'Spielplatz Lübnitz erneuern');
    button.click();
    await until(() => localStorage.getItem(votesKey(board)) === '["b-4"]');
    expect(voteCount(el, 'Spielplatz Lübnitz erneuern')).to.equal('6 Stimmen');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'offen-vote');
    expect(event.detail).to.deep.equal({ id: 'b-4', voted: false, votes: 5 });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(voteCount(el, 'Spielplatz Lübnitz erneuern')).to.equal('5 Stimmen');
    expect(localStorage.getItem(votesKey(board))).to.equal('[]');
    expect((await received(board)).vote).to.deep.equal([{ id: 'b-4' }, { id: 'b-4', withdraw: true }]);
    expect(await serverVotes(board, 'b-4')).to.equal(5);
  });
});
