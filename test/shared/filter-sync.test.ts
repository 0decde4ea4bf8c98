import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { faultUrl } from '../helpers/server.js';
import './test-widget.js';
import type { TestWidget } from './test-widget.js';

describe('linkable filters (sync-url)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('reads the filter from the URL hash on start', async () => {
    history.replaceState(null, '', '#category=Sport,Kultur&q=Burg');
    const el = await fixture<TestWidget>(html`<test-widget sync-url src=${faultUrl('counted/h1')}></test-widget>`);
    expect(el.category).to.equal('Sport,Kultur');
    expect(el.q).to.equal('Burg');
    expect(el.filter.state).to.deep.equal({ category: ['Sport', 'Kultur'], q: 'Burg' });
  });

  it('writes a changed filter into the hash, prefixed with the element id, keeping other parameters', async () => {
    history.replaceState(null, '', '#other=1');
    const el = await fixture<TestWidget>(
      html`<test-widget id="karte" sync-url src=${faultUrl('counted/h2')}></test-widget>`,
    );
    el.filter.set({ category: ['Sport'] });
    await waitUntil(() => location.hash.includes('karte.category=Sport'));
    expect(new URLSearchParams(location.hash.slice(1)).get('other')).to.equal('1');
    el.filter.set({ category: [] });
    await waitUntil(() => !location.hash.includes('karte.category'));
  });

  it('follows hash changes (back button, in-page links)', async () => {
    const el = await fixture<TestWidget>(html`<test-widget sync-url src=${faultUrl('counted/h3')}></test-widget>`);
    location.hash = 'q=Schwimmbad';
    await waitUntil(() => el.q === 'Schwimmbad');
  });

  it('leaves the URL alone without sync-url', async () => {
    history.replaceState(null, '', '#q=nicht');
    const el = await fixture<TestWidget>(html`<test-widget src=${faultUrl('counted/h4')}></test-widget>`);
    expect(el.q).to.equal(undefined);
    el.filter.set({ q: 'x' });
    await el.updateComplete;
    expect(location.hash).to.equal('#q=nicht');
  });
});
