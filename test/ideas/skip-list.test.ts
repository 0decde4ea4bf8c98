import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../helpers/axe.js';
import { focused, isShown, skipLinkOf, tabToSkipLink } from '../helpers/focus.js';
import { boardName, createBoard } from './helpers.js';

const label = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('<offen-ideas> "Liste überspringen"', () => {
  it('comes after the filters and before the first idea, shows on focus, and Enter then Tab goes on after the list', async () => {
    const el = await createBoard(boardName('skip'), { submit: true, vote: true });
    const before = document.createElement('button');
    before.textContent = 'vorher';
    el.before(before);
    const link = skipLinkOf(el)!;
    expect(link, 'no skip link').to.exist;
    expect(isShown(link), 'visible without focus').to.equal(false);
    await tabToSkipLink(before, el);
    expect(isShown(link), 'invisible with focus').to.equal(true);
    const firstTitle = el.shadowRoot!.querySelector('[part~="card"] [role="heading"] button')!;
    expect(link.compareDocumentPosition(firstTitle) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    expect(label(focused())).to.equal('Ende der Liste');
    await sendKeys({ press: 'Tab' });
    // Past all six ideas and their vote buttons: the form's button comes next.
    expect(label(focused())).to.equal('Eigene Idee einreichen');
  });

  it('says "Skip list" in English and leaves short lists alone', async () => {
    const el = await createBoard(boardName('skip-en'), { lang: 'en' });
    expect(label(skipLinkOf(el)!)).to.equal('Skip list');
    el.pageSize = 3;
    await el.updateComplete;
    expect(skipLinkOf(el)).to.equal(undefined);
  });
});
