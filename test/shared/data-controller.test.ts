import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/data/offen-data.js';
import type { OffenData } from '../../src/components/data/offen-data.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { faultUrl } from '../helpers/server.js';
import './test-widget.js';
import { testWidgetHarness, type TestWidget } from './test-widget.js';

const stateOf = (el: Element) => testWidgetHarness(el).shown();
const unique = () => Math.random().toString(36).slice(2);

describe('DataController and <offen-data>', () => {
  it('shows loading, then the data, and fires offen-load with the record count', async () => {
    const el = await fixture<TestWidget>(
      html`<test-widget src=${faultUrl(`counted/${unique()}?delay=300`)}></test-widget>`,
    );
    expect(stateOf(el)).to.equal('loading');
    await expectAccessible(el);
    const event = (await oneEvent(el, 'offen-load')) as CustomEvent<{ count: number; format: string }>;
    expect(event.detail.count).to.equal(1);
    expect(event.detail.format).to.equal('csv');

    expect(testWidgetHarness(el).countText()).to.equal('1');
  });

  it('shows a translated error with a retry button, and the retry loads again', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${faultUrl('status/404')}></test-widget>`);
    await waitUntil(() => stateOf(el) === 'error');
    const message = testWidgetHarness(el).errorMessage();
    expect(message).to.contain('Status 404');
    expect(message).to.contain('/faults/status/404');
    await expectAccessible(el);
    document.documentElement.lang = 'en';
    try {
      await waitUntil(() => testWidgetHarness(el).errorMessage().includes('answered with status 404'));
    } finally {
      document.documentElement.lang = 'de';
    }
    el.src = faultUrl(`counted/${unique()}`);
    await waitUntil(() => stateOf(el) === 'data');
  });

  it('keeps the old data on screen when a refresh fails', async () => {
    const el = await fixture<TestWidget>(
      html`<test-widget src=${faultUrl(`once/${unique()}`)} refresh="0.3"></test-widget>`,
    );
    await waitUntil(() => stateOf(el) === 'data');
    const errors: Event[] = [];
    el.addEventListener('offen-error', (e) => errors.push(e));
    await waitUntil(() => errors.length > 0, 'the refresh should fail', { timeout: 5000 });
    await el.updateComplete;
    expect(stateOf(el)).to.equal('data');
    expect(testWidgetHarness(el).countText()).to.equal('1');
    el.refresh = 0;
  });

  it('aborts the request when the element is removed', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${faultUrl('hang')}></test-widget>`);
    const errors: Event[] = [];
    el.addEventListener('offen-error', (e) => errors.push(e));
    el.remove();
    await new Promise((r) => setTimeout(r, 200));
    expect(errors).to.have.length(0);
  });

  it('shares one dataset and one request between widgets inside <offen-data>', async () => {
    const key = unique();
    const el = await fixture<OffenData>(html`
      <offen-data src=${faultUrl(`counted/${key}?delay=100`)}>
        <test-widget id="a"></test-widget>
        <test-widget id="b"></test-widget>
      </offen-data>
    `);
    const [a, b] = [...el.querySelectorAll('test-widget')];
    await waitUntil(() => stateOf(a) === 'data' && stateOf(b) === 'data');
    expect(testWidgetHarness(a).countText()).to.equal('1');
    const { count } = await (await fetch(faultUrl(`count/${key}`))).json();
    expect(count).to.equal(1);
  });

  it('passes a filter set in one widget to the others', async () => {
    const el = await fixture<OffenData>(html`
      <offen-data src=${faultUrl(`counted/${unique()}`)}>
        <test-widget id="a"></test-widget>
        <test-widget id="b"></test-widget>
      </offen-data>
    `);
    const [a, b] = [...el.querySelectorAll('test-widget')];
    const changed = oneEvent(el, 'offen-filter');
    a.filter.set({ category: ['Sport'], q: 'bad' });
    await changed;
    await waitUntil(() => b.category === 'Sport' && b.q === 'bad');
    expect(b.getAttribute('category')).to.equal('Sport');
    expect(el.filterState).to.deep.equal({ category: ['Sport'], q: 'bad' });
  });
});

describe('late upgrade', () => {
  it('a widget gets the shared data even when <offen-data> is defined after it (autoloader chunk order)', async () => {
    const { OffenData } = await import('../../src/components/data/offen-data.component.js');
    const el = await fixture(html`
      <late-offen-data src=${faultUrl(`counted/${unique()}`)}><test-widget></test-widget></late-offen-data>
    `);
    const widget = el.querySelector('test-widget')!;
    await new Promise((r) => setTimeout(r, 50));
    expect(stateOf(widget)).to.equal('loading');
    customElements.define('late-offen-data', class extends OffenData {});
    await waitUntil(() => stateOf(widget) === 'data', 'the widget should show the shared data');
  });
});

describe('derive: the model step every widget shares', () => {
  it('builds the model once per dataset and attribute change, not on every render', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${faultUrl(`counted/${unique()}`)}></test-widget>`);
    await waitUntil(() => stateOf(el) === 'data');
    expect(testWidgetHarness(el).valuesText()).to.equal('Alpha');
    const builds = el.builds;
    el.q = 'irgendwas';
    el.category = 'Sport';
    await el.updateComplete;
    expect(el.builds).to.equal(builds);
    el.field = 'wert';
    await el.updateComplete;
    expect(testWidgetHarness(el).valuesText()).to.equal('1');
    expect(el.builds).to.equal(builds + 1);
  });

  it('shows a wrong mapping attribute as an error without retry and fires offen-error once', async () => {
    const el = await fixture<TestWidget>(
      html`<test-widget field="Bezeichnung" src=${faultUrl(`counted/${unique()}`)}></test-widget>`,
    );
    const errors: CustomEvent[] = [];
    el.addEventListener('offen-error', (e) => errors.push(e as CustomEvent));
    await waitUntil(() => stateOf(el) === 'error');
    await el.updateComplete;
    el.q = 'neu';
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0].detail.kind).to.equal('mapping');
    expect(testWidgetHarness(el).retryButton()).to.equal(null);
    await expectAccessible(el);
    el.field = 'name';
    await waitUntil(() => stateOf(el) === 'data');
    expect(errors).to.have.length(1);
  });

  it('does not load again when only the page language changes', async () => {
    const key = unique();
    const el = await fixture<TestWidget>(html`<test-widget src=${faultUrl(`counted/${key}`)}></test-widget>`);
    await waitUntil(() => stateOf(el) === 'data');
    document.documentElement.lang = 'en';
    try {
      await waitUntil(() => testWidgetHarness(el).moreText() === 'Show more');
    } finally {
      document.documentElement.lang = 'de';
    }
    await el.updateComplete;
    const { count } = await (await fetch(faultUrl(`count/${key}`))).json();
    expect(count).to.equal(1);
  });

  it('asks for the shared data of <offen-data> once, for its data and its filter', async () => {
    const requests: Event[] = [];
    const listen = (e: Event) => {
      if ((e as Event & { contextTarget?: Element }).contextTarget?.localName === 'test-widget') requests.push(e);
    };
    document.addEventListener('context-request', listen, true);
    try {
      const el = await fixture<OffenData>(html`
        <offen-data src=${faultUrl(`counted/${unique()}`)}><test-widget></test-widget></offen-data>
      `);
      const widget = el.querySelector('test-widget')!;
      await waitUntil(() => stateOf(widget) === 'data');
    } finally {
      document.removeEventListener('context-request', listen, true);
    }
    expect(requests).to.have.length(1);
  });
});
