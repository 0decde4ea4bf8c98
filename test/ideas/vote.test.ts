import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { expectAccessible } from '../helpers/axe.js';
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

    // Voted: the button says so, and (by default) that pressing again takes the vote back.
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '✓ Abgestimmt – Stimme zurücknehmen: Radweg nach Wiesenburg',
    );
    el.remove();
  });

  it('keeps a cast vote with unvote="false": the button says "Abgestimmt" and a second press does nothing', async () => {
    const board = boardName('vote-kept');
    const el = await createBoard(board, { vote: true, attrs: { unvote: 'false' } });
    const button = voteButton(el, 'Radweg nach Wiesenburg');
    setTimeout(() => button.click());
    await oneEvent(el, 'offen-vote');
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('✓ Abgestimmt: Radweg nach Wiesenburg');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect((await received(board)).vote).to.have.length(1);

    // A reload remembers the vote.
    el.remove();
    const again = await createBoard(board, { vote: true, query: '?wieder', attrs: { unvote: 'false' } });
    expect(voteButton(again, 'Radweg nach Wiesenburg').getAttribute('aria-pressed')).to.equal('true');
    expect(voteCount(again, 'Radweg nach Wiesenburg')).to.equal('41 Stimmen');
  });

  it('rolls the count back with a message when the server refuses', async () => {
    const board = boardName('rollback');
    await control(board, { fail: { vote: { status: 500 } } });
    const el = await createBoard(board, { vote: true });
    const button = voteButton(el, 'Obstbäume an Feldwegen');
    button.click();
    await el.updateComplete;
    // Shown at once, before the server answered …
    expect(voteCount(el, 'Obstbäume an Feldwegen')).to.equal('9 Stimmen');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // … and rolled back when it refused.
    await until(() => cardOf(el, 'Obstbäume an Feldwegen').notice, 'refusal message');
    expect(cardOf(el, 'Obstbäume an Feldwegen').notice).to.equal(
      'Ihre Stimme konnte nicht gezählt werden. Bitte versuchen Sie es später noch einmal.',
    );
    expect(voteCount(el, 'Obstbäume an Feldwegen')).to.equal('8 Stimmen');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(localStorage.getItem(votesKey(board))).to.equal(null);
    expect(await serverVotes(board, 'b-6')).to.equal(8);
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

  it('takes a vote back when the pressed button is pressed again (by keyboard)', async () => {
    const board = boardName('unvote');
    const el = await createBoard(board, { vote: true });
    const button = voteButton(el, 'Spielplatz Lübnitz erneuern');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => localStorage.getItem(votesKey(board)) === '["b-4"]');
    expect(voteCount(el, 'Spielplatz Lübnitz erneuern')).to.equal('6 Stimmen');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent).to.contain('Stimme zurücknehmen');
    await expectAccessible(el);
    setTimeout(() => void sendKeys({ press: 'Space' }));
    const event = await oneEvent(el, 'offen-vote');
    expect(event.detail).to.deep.equal({ id: 'b-4', voted: false, votes: 5 });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(voteCount(el, 'Spielplatz Lübnitz erneuern')).to.equal('5 Stimmen');
    expect(localStorage.getItem(votesKey(board))).to.equal('[]');
    expect((await received(board)).vote).to.deep.equal([{ id: 'b-4' }, { id: 'b-4', withdraw: true }]);
    expect(await serverVotes(board, 'b-4')).to.equal(5);
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('▲ Unterstützen: Spielplatz Lübnitz erneuern');
  });

  it('announces a failed withdrawal and keeps the vote', async () => {
    const board = boardName('unvote-fail');
    const el = await createBoard(board, { vote: true });
    const button = voteButton(el, 'Spielplatz Lübnitz erneuern');
    button.click();
    await until(() => localStorage.getItem(votesKey(board)) === '["b-4"]');
    await control(board, { fail: { vote: { status: 503 } } });
    button.click();
    await until(() => cardOf(el, 'Spielplatz Lübnitz erneuern').notice, 'refusal message');
    expect(cardOf(el, 'Spielplatz Lübnitz erneuern').notice).to.equal(
      'Ihre Stimme konnte nicht zurückgenommen werden. Bitte versuchen Sie es später noch einmal.',
    );
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(voteCount(el, 'Spielplatz Lübnitz erneuern')).to.equal('6 Stimmen');
    expect(await serverVotes(board, 'b-4')).to.equal(6);
  });

  it('offers no vote for done and rejected ideas, and says why', async () => {
    const board = boardName('closed');
    const el = await createBoard(board, { vote: true });
    for (const [title, status] of [
      ['Bücherschrank am Markt', 'Umgesetzt'],
      ['Mehr Mülleimer im Kurpark', 'Abgelehnt'],
    ]) {
      const card = cardOf(el, title);
      expect(card.voteButton, title).to.equal(undefined);
      expect(card.voteClosed).to.equal(`Die Abstimmung ist beendet (Status „${status}“).`);
      expect(card.votes).to.not.equal('');
    }
    for (const title of ['Radweg nach Wiesenburg', 'Spielplatz Lübnitz erneuern', 'Busverbindung am Abend'])
      expect(cardOf(el, title).voteButton, title).to.not.equal(undefined);
    await expectAccessible(el);
    el.remove();

    const english = await createBoard(board, { vote: true, lang: 'en', query: '?en' });
    expect(cardOf(english, 'Bücherschrank am Markt').voteClosed).to.equal('Voting has ended (status “Done”).');
  });

  it('takes votes for the statuses vote-statuses names', async () => {
    const board = boardName('vote-statuses');
    const el = await createBoard(board, { vote: true, attrs: { 'vote-statuses': 'neu, In Prüfung' } });
    expect(cardOf(el, 'Busverbindung am Abend').voteButton).to.not.equal(undefined);
    expect(cardOf(el, 'Spielplatz Lübnitz erneuern').voteButton).to.not.equal(undefined);
    expect(cardOf(el, 'Radweg nach Wiesenburg').voteButton).to.equal(undefined);
    expect(cardOf(el, 'Radweg nach Wiesenburg').voteClosed).to.equal(
      'Die Abstimmung ist beendet (Status „Angenommen“).',
    );
  });

  it('rolls back with a message when the server says the idea is closed', async () => {
    // The board would take votes for done ideas; the reference server does not.
    const board = boardName('closed-server');
    const el = await createBoard(board, { vote: true, attrs: { 'vote-statuses': 'done' } });
    voteButton(el, 'Bücherschrank am Markt').click();
    await until(() => cardOf(el, 'Bücherschrank am Markt').notice, 'closed message');
    const card = cardOf(el, 'Bücherschrank am Markt');
    expect(card.notice).to.equal('Für diese Idee kann nicht mehr abgestimmt werden.');
    expect(card.votes).to.equal('12 Stimmen');
    expect(card.voteButton).to.equal(undefined);
    expect(localStorage.getItem(votesKey(board))).to.equal(null);
    expect(await serverVotes(board, 'b-2')).to.equal(12);
  });
});
