import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/builder/offen-builder.js';
import type { OffenBuilder } from '../../src/builder/offen-builder.component.js';
import { snippet, stateFromHash, stateToHash } from '../../src/builder/builder-model.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { loadDataset } from '../../src/data/load.js';
import { demoDataUrl, faultUrl, fetchText, fixtureUrl } from '../helpers/server.js';

/** Reads the builder as a webmaster sees it. */
function harness(builder: OffenBuilder) {
  const root = builder.shadowRoot!;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    chooseWidget(label: string) {
      const radio = [...root.querySelectorAll<HTMLLabelElement>('fieldset.widgets label')].find(
        (l) => l.textContent!.trim() === label,
      )!;
      radio.querySelector('input')!.click();
    },
    async chooseSample(file: string) {
      const select = q<HTMLSelectElement>('#sample');
      select.value = file;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => root.querySelector('[data-state="summary"], [data-state="error"]'), 'no summary', {
        timeout: 10_000,
      });
    },
    async typeUrl(url: string) {
      const input = q<HTMLInputElement>('#src');
      input.value = url;
      input.dispatchEvent(new Event('input'));
      await builder.updateComplete;
      q<HTMLButtonElement>('form.source button[type="submit"]').click();
      await waitUntil(() => root.querySelector('[data-state="summary"], [data-state="error"]'), 'no answer', {
        timeout: 10_000,
      });
    },
    summaryText: () => q('.inspection').textContent!.replace(/\s+/g, ' ').trim(),
    fieldRows: () => [...root.querySelectorAll('.summary tbody tr')].map((r) => r.querySelector('th')!.textContent!),
    automaticLabel: (attribute: string) => q<HTMLSelectElement>(`#attr-${attribute}`).options[0].textContent!.trim(),
    optionsOf: (attribute: string) =>
      [...q<HTMLSelectElement>(`#attr-${attribute}`).options].map((o) => o.value).filter(Boolean),
    async set(attribute: string, value: string) {
      const control = q<HTMLInputElement | HTMLSelectElement>(`#attr-${attribute}`);
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === 'true';
      else control.value = value;
      control.dispatchEvent(new Event('change'));
      await builder.updateComplete;
    },
    code: () => q<HTMLTextAreaElement>('#code').value,
    preview: <T extends HTMLElement>() => q('.preview-host').firstElementChild as T | null,
    copyButton: () => [...root.querySelectorAll('button')].find((b) => /kopieren|copy/i.test(b.textContent!))!,
  };
}

async function builder(): Promise<OffenBuilder> {
  history.replaceState(null, '', location.pathname + location.search);
  const element = await fixture<OffenBuilder>(html`<offen-builder></offen-builder>`);
  element.samplesUrl = new URL('/demo-data/', location.href).href;
  element.scriptUrl = 'https://www.example-town.de/offen/offen.js';
  return element;
}

describe('<offen-builder>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('loads a sample, says what it found, and offers its fields as mapping choices', async () => {
    const element = await builder();
    const b = harness(element);
    b.chooseWidget('Diagramm');
    await element.updateComplete;
    await b.chooseSample('haushalt.csv');
    const header = (await fetchText(demoDataUrl('haushalt.csv'))).split(/\r?\n/)[0];
    const dataset = await loadDataset({ url: demoDataUrl('haushalt.csv') });
    expect(b.summaryText()).to.contain(`${dataset.records.length} Datensätze im Format CSV`);
    expect(b.summaryText()).to.contain('Trennzeichen: ;');
    expect(b.summaryText()).to.contain('windows-1252');
    // The header of the file is Windows-1252 (the € sign): the field names come out right.
    expect(b.fieldRows()).to.have.length(header.split(';').length);
    expect(b.fieldRows()).to.include('Ansatz 2026 (€)');
    expect(b.optionsOf('x')).to.deep.equal(b.fieldRows());
    // Left alone, the chart takes the first text column as labels and the first number column as values: the form
    // says so, as the chart will draw it.
    expect(b.automaticLabel('x')).to.equal('automatisch (Produktbereich)');
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('#attr-y')!.placeholder).to.equal(
      'automatisch (Ansatz 2025 (€))',
    );
    await expectAccessible(element);
  });

  it('shows an ArcGIS field alias beside the name the attributes take', async () => {
    const element = await builder();
    const b = harness(element);
    b.chooseWidget('Diagramm');
    await element.updateComplete;
    await b.typeUrl(fixtureUrl('esri-query-types-aliases-4326.json'));
    expect(b.fieldRows()).to.include('EW_2023 (Einwohner 2023)');
    expect(b.fieldRows()).to.include('OBJECTID');
    // The mapping choices are the names, which attributes need.
    expect(b.optionsOf('x')).to.include('EW_2023');
    await expectAccessible(element);
  });

  it('pre-fills the field choices of the map with what the map detects by itself', async () => {
    const element = await builder();
    const b = harness(element);
    await b.chooseSample('angebote.geojson');
    const file = (await (await fetch(demoDataUrl('angebote.geojson'))).json()) as {
      features: { properties: Record<string, unknown> }[];
    };
    const properties = Object.keys(file.features[0].properties);
    // The sample names its fields `name` and `kategorie`: the map's detection finds them.
    expect(properties).to.include.members(['name', 'kategorie']);
    expect(b.automaticLabel('title-field')).to.equal('automatisch (name)');
    expect(b.automaticLabel('category-field')).to.equal('automatisch (kategorie)');
    const preview = b.preview<HTMLElement>()!;
    await customElements.whenDefined('offen-map');
    await waitUntil(() => preview.shadowRoot?.textContent?.includes('Angebote'), 'the preview map did not render', {
      timeout: 10_000,
    });
    expect(preview.shadowRoot!.textContent).to.contain(`${file.features.length} Angebote`);
  });

  it('changes a mapping: the snippet and the live preview carry exactly the changed attributes', async () => {
    const element = await builder();
    const b = harness(element);
    b.chooseWidget('Diagramm');
    await element.updateComplete;
    await b.chooseSample('haushalt.csv');
    expect(b.code()).to.equal(
      `<script type="module" src="https://www.example-town.de/offen/offen.js"></script>\n` +
        `<offen-chart src="${demoDataUrl('haushalt.csv')}"></offen-chart>`,
    );
    await b.set('y', 'Ansatz 2025 (€)');
    await b.set('type', 'horizontal-bar');
    await b.set('type', 'bar'); // back to the default: not written
    await b.set('heading', 'Haushalt "2025" <Entwurf>');
    expect(b.code()).to.contain('y="Ansatz 2025 (€)"');
    expect(b.code().split('\n')[1]).not.to.contain('type=');
    expect(b.code()).to.contain('heading="Haushalt &quot;2025&quot; &lt;Entwurf&gt;"');
    const preview = b.preview<OffenChart>()!;
    expect(preview.localName).to.equal('offen-chart');
    expect(preview.getAttribute('y')).to.equal('Ansatz 2025 (€)');
    expect(preview.getAttribute('heading')).to.equal('Haushalt "2025" <Entwurf>');
    // The chart's code loads when the preview first shows it.
    await customElements.whenDefined('offen-chart');
    await waitUntil(() => preview.toCsv().length > 0, 'the preview chart did not draw', { timeout: 10_000 });
    expect(preview.toCsv().split('\n')[0]).to.contain('Ansatz 2025 (€)');
    expect(preview.toCsv().split('\n')[0]).not.to.contain('Ansatz 2026');
  });

  it('keeps its whole state in the page URL, so a link reproduces it', async () => {
    const element = await builder();
    const b = harness(element);
    b.chooseWidget('Karte');
    await element.updateComplete;
    await b.chooseSample('angebote.geojson');
    await b.set('height', '300px');
    await b.set('locate', 'true');
    const code = b.code();
    expect(location.hash).to.contain('widget=map');
    expect(location.hash).to.contain('height=300px');
    const again = await fixture<OffenBuilder>(html`<offen-builder></offen-builder>`);
    again.scriptUrl = element.scriptUrl;
    again.requestUpdate();
    await again.updateComplete;
    expect(harness(again).code()).to.equal(code);
    expect(code).to.match(/ locate[ >]/);
  });

  it('copies the snippet with one click', async () => {
    const element = await builder();
    const b = harness(element);
    await b.chooseSample('angebote.geojson');
    const copied = oneEvent(element, 'offen-copy');
    b.copyButton().click();
    const event = await copied;
    expect(event.detail.code).to.equal(b.code());
    await element.updateComplete;
    // Headless Chromium may refuse the clipboard: then the code is selected and the reader told to press Ctrl+C.
    expect(b.summaryText()).to.contain('Datensätze');
    const status = element.shadowRoot!.querySelector('.copy-status')!.textContent!;
    expect(status).to.match(/Zwischenablage|Strg\+C/);
  });

  it('explains a broken URL and what to do about it', async () => {
    const element = await builder();
    const b = harness(element);
    await b.typeUrl(faultUrl('status/404'));
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Status 404');
    expect(alert.textContent).to.contain('Prüfen Sie die Adresse');
    await expectAccessible(element);

    await b.typeUrl('http://127.0.0.1:9/nothing.csv');
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Access-Control-Allow-Origin');
  });

  it('speaks English on an English page', async () => {
    document.documentElement.lang = 'en';
    try {
      const element = await builder();
      const b = harness(element);
      b.chooseWidget('Events');
      await element.updateComplete;
      await b.chooseSample('termine.ics');
      expect(b.summaryText()).to.match(/\d+ records in ICS format/);
      await expectAccessible(element);
    } finally {
      document.documentElement.lang = 'de';
    }
  });

  it('labels every form control in the page language', async () => {
    const element = await builder();
    const b = harness(element);
    for (const widget of ['Karte', 'Diagramm', 'Termine', 'Ideen']) {
      b.chooseWidget(widget);
      await element.updateComplete;
      const labels = [...element.shadowRoot!.querySelectorAll('.control label')];
      expect(labels.length).to.be.greaterThan(5);
      // A German word before the attribute's own name: `Titel title-field`.
      const bare = labels.filter((l) => l.textContent!.trim() === l.querySelector('code')!.textContent!.trim());
      expect(
        bare.map((l) => l.textContent!.trim()),
        widget,
      ).to.deep.equal([]);
    }
  });

  it('builds the snippet from the state alone: absolute src, defaults left out, values escaped', () => {
    const state = stateFromHash('#widget=events&src=termine.ics&range=upcoming&layout=compact&limit=5&bogus=1');
    expect(state.widget).to.equal('events');
    expect(state.attributes).to.deep.equal({ range: 'upcoming', layout: 'compact', limit: '5' });
    const code = snippet(state, '/offen/offen.js', 'https://www.bad-belzig.de/service/builder/');
    expect(code).to.equal(
      '<script type="module" src="/offen/offen.js"></script>\n' +
        '<offen-events src="https://www.bad-belzig.de/service/builder/termine.ics" limit="5" layout="compact"></offen-events>',
    );
    expect(stateToHash(state)).to.equal('#widget=events&src=termine.ics&limit=5&layout=compact');
  });

  it('writes a switch that is on by default only when it is turned off (unvote="false")', () => {
    const on = stateFromHash('#widget=ideas&src=ideen.json&unvote=true');
    expect(snippet(on, '/offen.js', 'https://example.org/')).to.not.contain('unvote');
    const off = stateFromHash('#widget=ideas&src=ideen.json&unvote=false');
    expect(snippet(off, '/offen.js', 'https://example.org/')).to.contain(' unvote="false"');
  });
});
