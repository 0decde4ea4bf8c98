import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/ideas/offen-ideas.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { TEXT_LENGTH, TITLE_LENGTH } from '../../src/shared/display-text.js';
import { expectAccessible } from '../helpers/axe.js';
import { ideasHarness } from './harness.js';

// A hostile title of 500,000 characters without spaces but one word at character 400,000 (#16).
const WORD_AT = 400_000;
const LONG_TITLE = `${'a'.repeat(WORD_AT)} Zebrastreifen ${'b'.repeat(500_000 - WORD_AT - 15)}`;

async function board(): Promise<OffenIdeas> {
  const ideas = [
    { id: 'long', title: LONG_TITLE, description: 'Eine kurze Beschreibung.', category: 'Verkehr', votes: 1 },
    { id: 'normal', title: 'Bank am Teich', description: 'Zum Ausruhen.', category: 'Umwelt', votes: 2 },
  ];
  const src = URL.createObjectURL(new Blob([JSON.stringify(ideas)], { type: 'application/json' }));
  const el = await fixture<OffenIdeas>(html`<offen-ideas src=${src}></offen-ideas>`);
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

describe('<offen-ideas> with a 500 KB title', () => {
  it('cuts the title on the card with "…" and shows it in the opened idea', async () => {
    const el = await board();
    const ideas = ideasHarness(el);
    const [card] = ideas.cards().filter((c) => c.title.startsWith('aaa'));
    expect(card.title).to.have.length(TITLE_LENGTH);
    expect(card.title.endsWith('a…')).to.equal(true);
    // The vote button's hidden name repeats the title: cut as well.
    expect(el.shadowRoot!.textContent!.length).to.be.below(10 * TITLE_LENGTH);

    card.titleButton.click();
    await el.updateComplete;
    const open = ideas.cards().find((c) => c.title === card.title)!;
    expect(open.titleButton.getAttribute('aria-expanded')).to.equal('true');
    // The opened idea shows the title as far as any text is shown (TEXT_LENGTH characters), then the description.
    expect(open.text.startsWith(`${'a'.repeat(TEXT_LENGTH - 1)}…`)).to.equal(true);
    expect(open.text.endsWith('Eine kurze Beschreibung.')).to.equal(true);
    expect(open.text.length).to.be.below(TEXT_LENGTH + 100);
    await expectAccessible(el);
  });

  it('finds a word at character 400,000 of the title, past the cut', async () => {
    const el = await board();
    const ideas = ideasHarness(el);
    ideas.search('zebra');
    await el.updateComplete;
    expect(ideas.listTitles()).to.have.length(1);
    expect(ideas.listTitles()[0].startsWith('aaa')).to.equal(true);
    expect(ideas.countText()).to.equal('1 Idee');
    ideas.search('teich');
    await el.updateComplete;
    expect(ideas.listTitles()).to.deep.equal(['Bank am Teich']);
  });
});
