import { expect, oneEvent } from '@open-wc/testing';
import { draftKey, ownIdeasKey } from '../../src/components/ideas/ideas-storage.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { ideasHarness } from './harness.js';
import {
  MODERATOR,
  apiUrl,
  boardName,
  cardOf,
  control,
  createBoard,
  fillForm,
  pendingIdeas,
  publishedIdeas,
  received,
  submitButton,
  titles,
  waitForMessage,
  until,
} from './helpers.js';

const storedDraft = (board: string) => localStorage.getItem(draftKey(apiUrl(board, '/ideas'), ''));
const EMAIL = 'E-Mail (freiwillig, für Rückfragen, wird nicht veröffentlicht)';
const NAME = 'Name (freiwillig, wird veröffentlicht)';
/** The labels of every button in the form section, as a sighted visitor reads them. */
const formButtons = (el: OffenIdeas) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="form"] button')]
    .filter((button) => button.offsetParent !== null)
    .map((button) => button.textContent!.replace(/\s+/g, ' ').trim());
/** Types into the form field with this label. */
const type = (el: OffenIdeas, label: string, value: string) => {
  const form = ideasHarness(el);
  form.type(form.formField(label), value);
};
/** Chooses a category in the form. */
const chooseCategory = (el: OffenIdeas, value: string) => {
  const select = ideasHarness(el).formField<HTMLSelectElement>('Kategorie');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};
const fieldError = (el: OffenIdeas, label: string) => {
  const form = ideasHarness(el);
  return form.fieldError(label === 'consent' ? form.consentBox() : form.formField(label));
};

describe('<offen-ideas> submitting', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('offen-ideas:draft:') || key.startsWith('offen-ideas:own:')) localStorage.removeItem(key);
    }
  });

  it('still shows the citizen’s own idea as waiting after a reload, until a moderator approves it', async () => {
    const board = boardName('own');
    const el = await createBoard(board, { submit: true });
    await fillForm(el);
    type(el, EMAIL, 'erika@example.org');
    setTimeout(() => submitButton(el).click());
    const { detail } = await oneEvent(el, 'offen-submit');
    const id = String(detail.idea.id);

    // A reload: a new board on the same page address.
    el.remove();
    const reloaded = await createBoard(board, { submit: true, query: '?reload=1' });
    const card = cardOf(reloaded, 'Neue Bank am Schlosspark');
    expect(card.status).to.equal('wartet auf Freigabe');
    expect(card.author).to.equal('von Erika M.');
    const stored = localStorage.getItem(ownIdeasKey(apiUrl(board, '/ideas'), ''))!;
    expect(JSON.parse(stored)).to.have.length(1);
    expect(stored).not.to.contain('@');
    await expectAccessible(reloaded);

    // Approved: the server lists it, the board shows it once and forgets its own copy.
    const approved = await fetch(apiUrl(board, `/ideas/${id}/approve`), { method: 'POST', headers: MODERATOR });
    expect(approved.status).to.equal(200);
    reloaded.remove();
    const later = await createBoard(board, { submit: true, query: '?reload=2' });
    expect(titles(later).filter((title) => title === 'Neue Bank am Schlosspark')).to.have.length(1);
    expect(cardOf(later, 'Neue Bank am Schlosspark').status).to.equal('Eingereicht');
    expect(localStorage.getItem(ownIdeasKey(apiUrl(board, '/ideas'), ''))).to.equal(null);
  });

  it('sends the idea, shows it as waiting for approval and clears the draft only then', async () => {
    const board = boardName('submit');
    const el = await createBoard(board, {
      submit: true,
      attrs: { 'privacy-url': 'https://www.bad-belzig.de/datenschutz' },
    });
    expect(ideasHarness(el).formOpen()).to.equal(false);
    await fillForm(el);
    chooseCategory(el, 'Kultur');
    expect(JSON.parse(storedDraft(board)!)).to.include({ title: 'Neue Bank am Schlosspark', category: 'Kultur' });
    expect(ideasHarness(el).consentLink()!.href).to.equal('https://www.bad-belzig.de/datenschutz');

    setTimeout(() => submitButton(el).click());
    const event = await oneEvent(el, 'offen-submit');
    expect(event.detail.published).to.equal(false);
    expect(event.detail.status).to.equal(201);
    expect(event.detail.idea.title).to.equal('Neue Bank am Schlosspark');
    const message = await waitForMessage(el, 'success');
    expect(message.textContent).to.contain('erscheint, sobald sie freigegeben wurde');
    expect(el.shadowRoot!.activeElement).to.equal(message);
    expect(storedDraft(board)).to.equal(null);
    expect(ideasHarness(el).formField('Titel').value).to.equal('');

    const card = cardOf(el, 'Neue Bank am Schlosspark');
    expect(card.status).to.equal('wartet auf Freigabe');
    expect(card.category).to.equal('Kultur');
    expect(card.author).to.equal('von Erika M.');

    const sent = (await received(board)).submit;
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({
      title: 'Neue Bank am Schlosspark',
      description: 'Eine Bank mit Blick auf das Schloss Wiesenburg wäre schön.',
      category: 'Kultur',
      name: 'Erika M.',
      consent: true,
      website: '',
    });
    expect(sent[0].elapsed).to.be.a('number').and.at.least(0);
    // Stored, but not published until a moderator approves it.
    expect((await pendingIdeas(board)).map((i) => i.title)).to.deep.equal(['Neue Bank am Schlosspark']);
    expect((await publishedIdeas(board)).map((i) => i.title)).not.to.include('Neue Bank am Schlosspark');
  });

  it('keeps the draft when the server fails with 500, across a reload, and a retry sends it', async () => {
    const board = boardName('fail500');
    await control(board, { fail: { submit: { status: 500 } } });
    const first = await createBoard(board, { submit: true });
    await fillForm(first, 'Idee, die nicht verloren geht');
    submitButton(first).click();
    const failure = await waitForMessage(first, 'error');
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(failure.textContent).to.contain('Status 500');
    expect(failure.textContent).to.contain('Ihr Text bleibt gespeichert');
    // One send button, and it says what it does now: no "Idee absenden" beside "Erneut senden".
    expect(formButtons(first).filter((label) => /senden/i.test(label))).to.deep.equal(['Erneut senden']);
    expect(submitButton(first).textContent!.trim()).to.equal('Erneut senden');
    expect(JSON.parse(storedDraft(board)!).title).to.equal('Idee, die nicht verloren geht');
    first.remove();

    // A reload: a new element finds the draft, opens the form and fills it in.
    const second = await createBoard(board, { submit: true });
    const form = ideasHarness(second);
    expect(form.formOpen()).to.equal(true);
    expect(form.formField('Titel').value).to.equal('Idee, die nicht verloren geht');
    expect(form.formField<HTMLTextAreaElement>('Beschreibung').value).to.equal(
      'Eine Bank mit Blick auf das Schloss Wiesenburg wäre schön.',
    );
    expect(form.formField(NAME).value).to.equal('Erika M.');
    expect(form.consentBox().checked).to.equal(true);
    expect(form.formMessage()!.getAttribute('role')).to.equal('status');
    expect(form.formMessage()!.textContent).to.contain('Entwurf wurde wiederhergestellt');

    // Still failing: the retry button appears, and once the server is back it sends the same draft.
    submitButton(second).click();
    await waitForMessage(second, 'error');
    expect(formButtons(second).filter((label) => /senden/i.test(label))).to.deep.equal(['Erneut senden']);
    await control(board, { fail: { submit: null } });
    submitButton(second).click();
    await waitForMessage(second, 'success');
    const sent = (await received(board)).submit;
    expect(sent.map((s) => s.title)).to.deep.equal([
      'Idee, die nicht verloren geht',
      'Idee, die nicht verloren geht',
      'Idee, die nicht verloren geht',
    ]);
    expect(storedDraft(board)).to.equal(null);
    expect((await pendingIdeas(board)).map((i) => i.title)).to.deep.equal(['Idee, die nicht verloren geht']);
  });

  it('ends a request that hangs after the timeout and offers a retry', async () => {
    const board = boardName('hang');
    await control(board, { fail: { submit: 'hang' } });
    const el = await createBoard(board, { submit: true, attrs: { timeout: '1' } });
    await fillForm(el);
    submitButton(el).click();
    const failure = await waitForMessage(el, 'error', 6000);
    expect(failure.textContent).to.contain('nicht rechtzeitig geantwortet');
    expect(storedDraft(board)).not.to.equal(null);
    expect(formButtons(el).filter((label) => /senden/i.test(label))).to.deep.equal(['Erneut senden']);
    await control(board, { fail: { submit: null } });
    submitButton(el).click();
    await waitForMessage(el, 'success');
    // Sent: the button is the plain send button again.
    expect(submitButton(el).textContent!.trim()).to.equal('Idee absenden');
    expect((await pendingIdeas(board)).map((i) => i.title)).to.deep.equal(['Neue Bank am Schlosspark']);
  });

  it('checks the fields before sending, with messages next to them', async () => {
    const board = boardName('validate');
    const el = await createBoard(board, { submit: true });
    ideasHarness(el).formToggle().click();
    await el.updateComplete;
    type(el, 'Titel', 'Bus');
    type(el, EMAIL, 'keine-adresse');
    submitButton(el).click();
    await until(() => fieldError(el, 'Titel'));
    expect(fieldError(el, 'Titel')).to.equal('Bitte geben Sie mindestens 5 Zeichen ein.');
    expect(fieldError(el, 'Beschreibung')).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(fieldError(el, EMAIL)).to.contain('gültige E-Mail-Adresse');
    expect(fieldError(el, 'consent')).to.equal('Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.');
    expect(fieldError(el, NAME)).to.equal('');
    const title = ideasHarness(el).formField('Titel');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect((await received(board)).submit).to.have.length(0);
    await expectAccessible(el);

    // Fixing a field removes its message while typing.
    type(el, 'Titel', 'Busverbindung am Sonntag');
    await el.updateComplete;
    expect(fieldError(el, 'Titel')).to.equal('');
  });

  it("shows the server's 422 field errors next to the fields and keeps the draft", async () => {
    const board = boardName('422');
    // The page offers a category the server does not know: the real reference server refuses it.
    const el = await createBoard(board, { submit: true, attrs: { categories: 'Verkehr,Raumfahrt' } });
    await fillForm(el);
    chooseCategory(el, 'Raumfahrt');
    submitButton(el).click();
    await until(() => fieldError(el, 'Kategorie'), 'category error');
    expect(fieldError(el, 'Kategorie')).to.equal('Diese Kategorie gibt es nicht.');
    expect(ideasHarness(el).formMessage()!.textContent).to.contain('unvollständig oder fehlerhaft');
    expect(JSON.parse(storedDraft(board)!).category).to.equal('Raumfahrt');
    await expectAccessible(el);

    // Errors in any shape the contract allows, for fields the form has and for others.
    await control(board, {
      fail: {
        submit: {
          status: 422,
          body: { message: 'Bitte korrigieren.', errors: { title: 'Diesen Titel gibt es schon.', lat: 'Ungültig.' } },
        },
      },
    });
    chooseCategory(el, 'Verkehr');
    submitButton(el).click();
    await until(() => fieldError(el, 'Titel'), 'title error');
    expect(fieldError(el, 'Titel')).to.equal('Diesen Titel gibt es schon.');
    expect(ideasHarness(el).formMessage()!.textContent).to.contain('Bitte korrigieren. lat: Ungültig.');
    expect(el.shadowRoot!.activeElement).to.equal(ideasHarness(el).formField('Titel'));
  });

  it('sends one request for a double click', async () => {
    const board = boardName('double');
    const el = await createBoard(board, { submit: true });
    await fillForm(el);
    const button = submitButton(el);
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    button.click();
    await waitForMessage(el, 'success');
    expect((await received(board)).submit).to.have.length(1);
    expect(titles(el).filter((t) => t === 'Neue Bank am Schlosspark')).to.have.length(1);
  });

  it('sends the honeypot and the fill time; the server decides', async () => {
    const board = boardName('spam');
    await control(board, { seed: 'ideas-board.json', minFillMs: 60_000 });
    const el = await createBoard(board, { submit: true });
    await fillForm(el);
    submitButton(el).click();
    const tooFast = await waitForMessage(el, 'error');
    expect(tooFast.textContent).to.contain('Das ging sehr schnell');
    expect(storedDraft(board)).not.to.equal(null);

    // A filled honeypot looks like success to a bot, but the server stores nothing.
    const honeypot = ideasHarness(el).formField('Dieses Feld bitte leer lassen');
    expect(honeypot.tabIndex).to.equal(-1);
    type(el, 'Dieses Feld bitte leer lassen', 'https://spam.example');
    submitButton(el).click();
    await waitForMessage(el, 'success');
    const sent = (await received(board)).submit;
    expect(sent.map((s) => s.website)).to.deep.equal(['', 'https://spam.example']);
    expect(await pendingIdeas(board)).to.deep.equal([]);
  });

  it('keeps submitted ideas across a restart of the API', async () => {
    const board = boardName('restart');
    const el = await createBoard(board, { submit: true });
    await fillForm(el, 'Idee über den Neustart');
    submitButton(el).click();
    await waitForMessage(el, 'success');
    await fillForm(el, 'Zweite Idee, unveröffentlicht');
    submitButton(el).click();
    await until(() => titles(el).includes('Zweite Idee, unveröffentlicht'));
    const pending = await pendingIdeas(board);
    const first = pending.find((i) => i.title === 'Idee über den Neustart')!;
    const approve = await fetch(apiUrl(board, `/ideas/${first.id as string}/approve`), {
      method: 'POST',
      headers: MODERATOR,
    });
    expect(approve.status).to.equal(200);

    await control(board, { restart: true });

    expect((await pendingIdeas(board)).map((i) => i.title)).to.deep.equal(['Zweite Idee, unveröffentlicht']);
    const after = await createBoard(board, { query: '?nach-neustart' });
    const card = cardOf(after, 'Idee über den Neustart');
    expect(card.status).to.equal('Eingereicht');
    expect(titles(after)).to.have.length(7);
    expect(titles(after)).not.to.include('Zweite Idee, unveröffentlicht');
  });

  it('keeps one draft per board when two boards post to the same URL', async () => {
    const board = boardName('two-boards');
    const belzig = await createBoard(board, { submit: true, attrs: { board: 'belzig' } });
    const wiesenburg = await createBoard(board, { submit: true, attrs: { id: 'wiesenburg' } });
    await fillForm(belzig, 'Idee für Bad Belzig');
    await fillForm(wiesenburg, 'Idee für Wiesenburg');
    const url = apiUrl(board, '/ideas');
    expect(JSON.parse(localStorage.getItem(draftKey(url, 'belzig'))!).title).to.equal('Idee für Bad Belzig');
    expect(JSON.parse(localStorage.getItem(draftKey(url, 'wiesenburg'))!).title).to.equal('Idee für Wiesenburg');
    belzig.remove();
    const again = await createBoard(board, { submit: true, attrs: { board: 'belzig' } });
    expect(ideasHarness(again).formField('Titel').value).to.equal('Idee für Bad Belzig');
  });

  it('reaches the form fields by keyboard in order, the honeypot skipped', async () => {
    const el = await createBoard(boardName('keys'), { submit: true });
    const board = ideasHarness(el);
    board.formToggle().click();
    await el.updateComplete;
    const form = board.submitButton().form!;
    const focusable = [...form.querySelectorAll<HTMLElement>('input, textarea, select, button')]
      .filter((node) => node.tabIndex >= 0)
      .map((node) => {
        const label = (node as HTMLInputElement).labels?.[0];
        return (label ? label.textContent! : node.textContent!).replace(/\s+/g, ' ').replace(' *', '').trim();
      });
    expect(focusable).to.deep.equal([
      'Titel',
      'Beschreibung',
      'Kategorie',
      NAME,
      EMAIL,
      'Ich stimme zu, dass meine Angaben zur Bearbeitung der Idee gespeichert werden.',
      'Idee absenden',
    ]);
  });
});
