// A minimal widget built only from the shared pieces, to test them the way every real widget uses them.
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DataError } from '../../src/data/errors.js';
import { DataController } from '../../src/shared/data-controller.js';
import { derive } from '../../src/shared/derive.js';
import { FilterController } from '../../src/shared/filter-controller.js';
import { OffenSourceElement } from '../../src/shared/source-element.js';
import { renderEmpty } from '../../src/shared/states.js';
import { hostStyles } from '../../src/shared/theme.js';
import { commonStrings } from '../../src/shared/i18n.js';
import { statesOf } from '../helpers/states.js';

export class TestWidget extends OffenSourceElement {
  static override styles = hostStyles;
  @property({ reflect: true }) category?: string;
  @property({ reflect: true }) q?: string;
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** The column whose values the widget lists (its one mapping attribute). */
  @property() field = 'name';

  /** How often the model was built (the derive step's memo is what is tested). */
  builds = 0;

  readonly data = new DataController(this, {
    source: () => this.sourceDescription(),
    refresh: () => this.refresh,
    localize: this.localize,
  });
  readonly values = derive(this.data, {
    args: () => [this.field] as const,
    build: (dataset, [field]) => {
      this.builds++;
      if (!dataset.fields.some((f) => f.name === field)) {
        throw new DataError('mapping', `no column ${field}`, {
          role: 'field',
          fields: dataset.fields.map((f) => f.name),
        });
      }
      return dataset.records.map((record) => String(record.values[field]));
    },
  });
  readonly filter = new FilterController(this, ['category', 'q']);

  override render() {
    return this.values.render({
      empty: () => renderEmpty('Nichts da'),
      complete: (values, dataset) =>
        html`<p class="count" part="count">${dataset.records.length}</p>
          <p class="values" part="values">${values.join(', ')}</p>
          <p class="more" part="more">${this.localize.t(commonStrings).showMore}</p>`,
    });
  }
}
TestWidget.define('test-widget');

/** The test widget read by its parts and the shared states, as the real widgets' harnesses read them. */
export function testWidgetHarness(el: Element) {
  const root = () => el.shadowRoot!;
  const part = (name: string) => root().querySelector(`[part~="${name}"]`)?.textContent ?? '';
  const states = statesOf(root);
  return {
    ...states,
    /** `loading`, `empty`, `error`, or `data` when the widget shows its data. */
    shown: () => (el.shadowRoot ? (states.state() ?? 'data') : 'none'),
    countText: () => part('count'),
    valuesText: () => part('values'),
    moreText: () => part('more'),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}
