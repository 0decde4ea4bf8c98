import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { findLangTag, langFromTag } from '../../src/shared/localize.js';
import { OffenElement } from '../../src/shared/offen-element.js';
import { safeUrl, safeWebUrl, telUrl } from '../../src/shared/safe-url.js';
import { faultUrl } from '../helpers/server.js';
import './test-widget.js';
import { testWidgetHarness, type TestWidget } from './test-widget.js';

describe('language', () => {
  it('is German by default and for de-*, English for any other language', () => {
    expect(langFromTag('')).to.equal('de');
    expect(langFromTag('de-AT')).to.equal('de');
    expect(langFromTag('en-GB')).to.equal('en');
    expect(langFromTag('fr')).to.equal('en');
  });

  it('follows the nearest lang attribute, also across shadow roots', async () => {
    const outer = await fixture(html`<section lang="en"><div id="host"></div></section>`);
    const host = outer.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(findLangTag(inner)).to.equal('en');
  });

  it('re-renders a widget when the page language changes', async () => {
    const wrapper = await fixture(html`<div lang="de"><test-widget src=${faultUrl('counted/l1')}></test-widget></div>`);
    const el = wrapper.querySelector('test-widget') as TestWidget;
    // waitUntil's default second is short for a load on a busy machine.
    await waitUntil(() => testWidgetHarness(el).moreText() === 'Mehr anzeigen', 'never loaded', { timeout: 10_000 });
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => testWidgetHarness(el).moreText() === 'Show more', 'stayed German', { timeout: 10_000 });
  });
});

describe('OffenElement', () => {
  it('emits bubbling, composed offen-* events', async () => {
    const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
    let seen: CustomEvent | undefined;
    document.addEventListener('offen-vote', (e) => (seen = e), { once: true });
    el.emit('offen-vote', { id: 'a', voted: true, votes: 1 });
    expect(seen?.detail).to.deep.equal({ id: 'a', voted: true, votes: 1 });
    expect(seen?.composed).to.equal(true);
  });

  it('warns instead of throwing when a tag is defined twice by another class', () => {
    class Other extends OffenElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      Other.define('test-widget');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
  });
});

describe('safe URLs from data', () => {
  it('keeps http(s), mailto and tel and drops everything else', () => {
    expect(safeUrl('https://example.org/a')).to.equal('https://example.org/a');
    expect(safeUrl('mailto:rathaus@example.org')).to.equal('mailto:rathaus@example.org');
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeUrl(' JaVaScRiPt:alert(1)')).to.equal(undefined);
    expect(safeUrl('data:text/html,<script>')).to.equal(undefined);
    expect(safeUrl('vbscript:x')).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeWebUrl('mailto:a@b.de')).to.equal(undefined);
  });

  it('turns phone numbers into tel: links', () => {
    expect(telUrl('033841 / 94-0')).to.equal('tel:033841940');
    expect(telUrl('+49 33841 940')).to.equal('tel:+4933841940');
    expect(telUrl('n/a')).to.equal(undefined);
  });
});

describe('error messages', () => {
  it('name the attribute to fix: <role>-field for roles, path and resource as themselves', async () => {
    const { DataError } = await import('../../src/data/errors.js');
    const { describeDataError } = await import('../../src/shared/i18n.js');
    const role = new DataError('mapping', 'x', {
      role: 'title',
      fields: ['Name', 'Ort'],
      url: 'https://a.example/d.csv',
    });
    expect(describeDataError(role, 'de')).to.contain('title-field').and.contain('Name, Ort');
    const path = new DataError('mapping', 'x', { role: 'path', fields: ['result'], url: 'https://a.example/d.json' });
    expect(describeDataError(path, 'de')).to.contain('Attribut path').and.not.contain('path-field');
    expect(describeDataError(path, 'en')).to.contain('The path attribute');
  });
});
