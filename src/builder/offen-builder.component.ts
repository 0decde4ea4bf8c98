import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { toDataError, type DataError } from '../data/errors.js';
import { loadDataset } from '../data/load.js';
import { describeDataError } from '../shared/i18n.js';
import { OffenElement } from '../shared/offen-element.js';
import { hostStyles } from '../shared/theme.js';
import { ATTRIBUTE_LABELS } from './attribute-labels.js';
import type { WidgetAttribute } from './builder-types.js';
import {
  attributesOf,
  changedAttributes,
  detectedFields,
  isFieldAttribute,
  isMultiFieldAttribute,
  SAMPLES,
  snippet,
  sourceOf,
  stateFromHash,
  stateToHash,
  summarize,
  tagOf,
  WIDGETS,
  type BuilderState,
  type DatasetSummary,
  type WidgetKey,
} from './builder-model.js';
import { builderStyles } from './offen-builder.styles.js';
import { builderStrings } from './builder.strings.js';

/** Each widget's code loads when the preview first shows it (the builder page itself stays small). */
const DEFINE: Record<WidgetKey, () => Promise<unknown>> = {
  map: () => import('../components/map/offen-map.js'),
  chart: () => import('../components/chart/offen-chart.js'),
  events: () => import('../components/events/offen-events.js'),
  ideas: () => import('../components/ideas/offen-ideas.js'),
};

/** JSDoc text with `code` spans, as text and <code> elements (never as HTML). */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));
}

/**
 * The embed builder: a webmaster picks a widget and a data URL (or a bundled sample), sees what the data layer found
 * in it, sets every attribute through a form, watches the real widget in a preview and copies the snippet. The whole
 * state lives in the page URL's hash, so a link reproduces it.
 *
 * @tag offen-builder
 */
export class OffenBuilder extends OffenElement {
  static override styles = [hostStyles, builderStyles];

  /** Where the snippet's script tag points: `offen.js` beside the builder's folder. */
  scriptUrl = new URL('../offen.js', location.href).href;
  /** Where the bundled samples are (`samples/` beside the builder page). */
  samplesUrl = new URL('samples/', location.href).href;

  @state() private model: BuilderState = stateFromHash(location.hash);
  /** The URL that was last loaded for inspection (loading waits for a press of "Daten laden" or a sample). */
  @state() private inspected?: string;
  @state() private copyStatus: '' | 'copied' | 'failed' = '';

  private readonly inspection = new Task(this, {
    task: async ([key], { signal }) => {
      if (!key) return undefined;
      const source = sourceOf(this.model, this.localize.lang);
      if (!source) return undefined;
      try {
        return summarize(await loadDataset({ ...source, signal }), this.localize.lang);
      } catch (error) {
        throw toDataError(error, source.url);
      }
    },
    args: () => [this.inspected ? JSON.stringify(sourceOf(this.model, this.localize.lang)) : ''] as const,
  });

  private readonly onHashChange = () => {
    const next = stateFromHash(location.hash);
    if (stateToHash(next) === stateToHash(this.model)) return;
    this.model = next;
    this.inspected = next.src || undefined;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.model.src) this.inspected = this.model.src;
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  /** The current snippet, as shown in the code box. */
  get code(): string {
    return snippet(this.model, this.scriptUrl, location.href);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model' as keyof OffenBuilder)) {
      const hash = stateToHash(this.model);
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }
  }

  protected override updated(): void {
    void DEFINE[this.model.widget]();
    this.syncPreview();
  }

  /** The preview is the real widget with exactly the snippet's attributes, changed in place as the form changes. */
  private syncPreview(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('.preview-host');
    if (!host) return;
    const tag = tagOf(this.model.widget);
    const wanted = new Map<string, string>(changedAttributes(this.model));
    if (this.model.src.trim()) wanted.set('src', new URL(this.model.src.trim(), location.href).href);
    let widget = host.firstElementChild as HTMLElement | null;
    if (!wanted.has('src')) {
      widget?.remove();
      return;
    }
    if (!widget || widget.localName !== tag) {
      widget?.remove();
      widget = document.createElement(tag);
      host.append(widget);
    }
    for (const name of widget.getAttributeNames()) if (!wanted.has(name)) widget.removeAttribute(name);
    for (const [name, value] of wanted) if (widget.getAttribute(name) !== value) widget.setAttribute(name, value);
  }

  private set(patch: Partial<BuilderState>): void {
    this.model = { ...this.model, ...patch };
    this.copyStatus = '';
  }

  private setAttribute_(name: string, value: string): void {
    this.set({ attributes: { ...this.model.attributes, [name]: value } });
  }

  private chooseWidget(widget: WidgetKey): void {
    if (widget === this.model.widget) return;
    // Attributes of one widget mean nothing to another; the data stays.
    this.set({ widget, attributes: {} });
  }

  private chooseSample(file: string): void {
    if (!file) return;
    const src = new URL(file, this.samplesUrl).href;
    this.set({ src, attributes: {} });
    this.inspected = src;
  }

  private loadTyped(event: Event): void {
    event.preventDefault();
    this.inspected = this.model.src.trim() || undefined;
  }

  private async copy(): Promise<void> {
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#code');
    try {
      await navigator.clipboard.writeText(this.code);
      this.copyStatus = 'copied';
    } catch {
      // Without clipboard permission (http page, old browser) the code is selected for Ctrl+C.
      box?.select();
      this.copyStatus = 'failed';
    }
    this.emit('offen-copy', { code: this.code });
  }

  override render() {
    const t = this.localize.t(builderStrings);
    const names = t.widgetNames.split('|');
    return html`
      <h1>${t.title}</h1>
      <p class="intro">${t.intro}</p>
      <div class="layout">
        <div class="form">
          <fieldset class="widgets">
            <legend>${t.widgetLegend}</legend>
            ${WIDGETS.map(
              (widget, i) =>
                html`<label class="choice"
                  ><input
                    type="radio"
                    name="widget"
                    value=${widget}
                    .checked=${this.model.widget === widget}
                    @change=${() => this.chooseWidget(widget)}
                  />
                  ${names[i]}</label
                >`,
            )}
          </fieldset>
          <section aria-labelledby="data-heading">
            <h2 id="data-heading">${t.dataHeading}</h2>
            <form class="source" @submit=${this.loadTyped}>
              <label for="src">${t.urlLabel}</label>
              <p class="hint" id="src-hint">${t.urlHint}</p>
              <div class="row">
                <input
                  id="src"
                  type="url"
                  inputmode="url"
                  autocomplete="url"
                  aria-describedby="src-hint"
                  .value=${this.model.src}
                  @input=${(e: Event) => this.set({ src: (e.target as HTMLInputElement).value })}
                />
                <button type="submit" class="offen-button">${t.load}</button>
              </div>
              <label for="sample">${t.sampleLabel}</label>
              <select id="sample" @change=${(e: Event) => this.chooseSample((e.target as HTMLSelectElement).value)}>
                <option value="">${t.sampleNone}</option>
                ${SAMPLES[this.model.widget].map(
                  (s) =>
                    html`<option value=${s.file} ?selected=${this.model.src.endsWith('/' + s.file)}>
                      ${this.localize.lang === 'de' ? s.de : s.en}
                    </option>`,
                )}
              </select>
            </form>
            <div class="inspection" aria-live="polite">${this.renderInspection()}</div>
          </section>
          <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">${t.settingsHeading}</h2>
            ${this.renderSettings()}
          </section>
        </div>
        <div class="output">
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">${t.previewHeading}</h2>
            ${this.model.src.trim() ? nothing : html`<p class="hint">${t.previewEmpty}</p>`}
            <div class="preview-host"></div>
          </section>
          <section aria-labelledby="code-heading">
            <h2 id="code-heading">${t.codeHeading}</h2>
            <label for="code">${t.codeLabel}</label>
            <textarea id="code" readonly rows="6" spellcheck="false" .value=${this.code}></textarea>
            <div class="row">
              <button type="button" class="offen-button" @click=${this.copy}>${t.copy}</button>
              <p class="copy-status" role="status">
                ${this.copyStatus === 'copied' ? t.copied : this.copyStatus === 'failed' ? t.copyFailed : ''}
              </p>
            </div>
            <p class="hint">${t.linkHint}</p>
          </section>
        </div>
      </div>
    `;
  }

  private renderInspection() {
    const t = this.localize.t(builderStrings);
    if (!this.inspected) return nothing;
    return this.inspection.render({
      pending: () => html`<p role="status">${t.loading}</p>`,
      complete: (summary) => (summary ? this.renderSummary(summary) : nothing),
      error: (error) => this.renderLoadError(error as DataError),
    });
  }

  private renderSummary(summary: DatasetSummary) {
    const t = this.localize.t(builderStrings);
    const typeNames = t.types.split('|');
    const typeName = (type: string) => typeNames[['string', 'number', 'date', 'boolean', 'object'].indexOf(type)];
    const delimiter = summary.delimiter === '\t' ? 'Tab' : summary.delimiter;
    return html`<div class="summary" data-state="summary">
      <p>
        ${t.found(summary.records, summary.format.toUpperCase())}
        ${summary.encoding ? t.encoding(summary.encoding) : nothing} ${delimiter ? t.delimiter(delimiter) : nothing}
      </p>
      <p>
        ${t.located(summary.located, summary.records)}
        ${summary.droppedCoordinates ? t.dropped(summary.droppedCoordinates) : nothing}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fields-caption">
        <table>
          <caption id="fields-caption">
            ${t.fieldsCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.fieldName}</th>
              <th scope="col">${t.fieldType}</th>
              <th scope="col">${t.fieldExamples}</th>
            </tr>
          </thead>
          <tbody>
            ${summary.fields.map(
              (f) =>
                html`<tr>
                  <th scope="row">${f.name}${f.alias ? html` <span class="alias">(${f.alias})</span>` : nothing}</th>
                  <td>${typeName(f.type)}${f.unit ? ` (${f.unit})` : ''}</td>
                  <td>${f.examples.join(' · ')}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private renderLoadError(error: DataError) {
    const t = this.localize.t(builderStrings);
    const advice =
      error.kind === 'network'
        ? t.adviceNetwork
        : error.kind === 'http'
          ? t.adviceHttp
          : error.kind === 'parse'
            ? t.adviceParse
            : t.adviceOther;
    return html`<div class="offen-state" role="alert" data-state="error">
      <p><strong>${t.errorHeading}</strong></p>
      <p>${describeDataError(error, this.localize.lang)}</p>
      <p>${advice}</p>
    </div>`;
  }

  private renderSettings() {
    const t = this.localize.t(builderStrings);
    const widget = this.model.widget;
    const attributes = attributesOf(widget);
    const fields = attributes.filter((a) => isFieldAttribute(widget, a.name) || isMultiFieldAttribute(widget, a.name));
    const options = attributes.filter((a) => !a.source && !fields.includes(a));
    const source = attributes.filter((a) => a.source);
    return html`
      <fieldset>
        <legend>${t.fieldsLegend}</legend>
        ${fields.map((a) => this.renderControl(a))}
      </fieldset>
      <fieldset>
        <legend>${t.optionsLegend}</legend>
        ${options.map((a) => this.renderControl(a))}
      </fieldset>
      <details>
        <summary>${t.sourceLegend}</summary>
        <fieldset>
          <legend class="visually-hidden">${t.sourceLegend}</legend>
          ${source.map((a) => this.renderControl(a))}
        </fieldset>
      </details>
    `;
  }

  /** One control per attribute: fields of the data as a select, enumerations as a select, the rest typed. */
  private renderControl(attribute: WidgetAttribute) {
    const t = this.localize.t(builderStrings);
    const id = `attr-${attribute.name}`;
    const value = this.model.attributes[attribute.name] ?? '';
    const onInput = (e: Event) => {
      const target = e.target as HTMLInputElement | HTMLSelectElement;
      const next =
        target instanceof HTMLInputElement && target.type === 'checkbox'
          ? target.checked
            ? 'true'
            : attribute.default === true
              ? 'false'
              : ''
          : target.value;
      this.setAttribute_(attribute.name, next);
    };
    const hint = html`<span class="hint" id="${id}-hint"
      >${withCode(attribute.description)}${
        attribute.default !== undefined && attribute.kind !== 'boolean'
          ? ` ${t.defaultValue(String(attribute.default))}`
          : ''
      }</span
    >`;
    const words = ATTRIBUTE_LABELS[attribute.name]?.[this.localize.lang === 'de' ? 0 : 1];
    const label = html`<label for=${id}>${words ? html`${words} ` : nothing}<code>${attribute.name}</code></label>`;
    const widget = this.model.widget;
    const fields = this.inspection.value?.fields ?? [];
    const fieldNames = fields.map((f) => f.name);
    const detected = fields.length ? detectedFields(widget, fields)[attribute.name] : undefined;
    const automatic = detected ? t.automaticField(detected) : t.automatic;
    if (attribute.kind === 'boolean') {
      return html`<div class="control check">
        <input
          id=${id}
          type="checkbox"
          .checked=${value === 'true' || (value === '' && attribute.default === true)}
          aria-describedby="${id}-hint"
          @change=${onInput}
        />
        ${label} ${hint}
      </div>`;
    }
    if (isFieldAttribute(widget, attribute.name) && fieldNames.length) {
      const options = value && !fieldNames.includes(value) ? [value, ...fieldNames] : fieldNames;
      return html`<div class="control">
        ${label}
        <select id=${id} aria-describedby="${id}-hint" @change=${onInput}>
          <option value="" ?selected=${!value}>${automatic}</option>
          ${options.map((name) => html`<option value=${name} ?selected=${name === value}>${name}</option>`)}
        </select>
        ${hint}
      </div>`;
    }
    if (attribute.kind === 'enum') {
      return html`<div class="control">
        ${label}
        <select id=${id} aria-describedby="${id}-hint" @change=${onInput}>
          <option value="" ?selected=${!value}>
            ${attribute.default !== undefined ? t.defaultValue(String(attribute.default)) : t.automatic}
          </option>
          ${(attribute.values ?? []).map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
        </select>
        ${hint}
      </div>`;
    }
    return html`<div class="control">
      ${label}
      <input
        id=${id}
        type=${attribute.kind === 'number' ? 'number' : 'text'}
        .value=${value}
        placeholder=${detected ? automatic : nothing}
        list=${isMultiFieldAttribute(widget, attribute.name) && fieldNames.length ? 'field-names' : nothing}
        aria-describedby="${id}-hint"
        @change=${onInput}
      />
      ${
        isMultiFieldAttribute(widget, attribute.name)
          ? html`<datalist id="field-names">${fieldNames.map((n) => html`<option value=${n}></option>`)}</datalist>`
          : nothing
      }
      ${hint}
    </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'offen-copy': CustomEvent<{ code: string }>;
  }
}
