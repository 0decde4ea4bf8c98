// A minimal widget built only from the shared pieces, to test them the way every real widget uses them.
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DataController } from '../../src/shared/data-controller.js';
import { FilterController } from '../../src/shared/filter-controller.js';
import { commonStrings } from '../../src/shared/i18n.js';
import { OffenSourceElement } from '../../src/shared/source-element.js';
import { renderEmpty, renderError, renderLoading } from '../../src/shared/states.js';
import { hostStyles } from '../../src/shared/theme.js';

export class TestWidget extends OffenSourceElement {
  static override styles = hostStyles;
  @property({ reflect: true }) category?: string;
  @property({ reflect: true }) q?: string;
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  readonly data = new DataController(this, { source: () => this.sourceDescription(), refresh: () => this.refresh });
  readonly filter = new FilterController(this, ['category', 'q']);

  override render() {
    return this.data.render({
      none: () => renderEmpty(this.localize.t(commonStrings).noSource),
      pending: () => renderLoading(this.localize),
      empty: () => renderEmpty('Nichts da'),
      error: (error) => renderError(this.localize, error, () => this.data.reload()),
      complete: (dataset) =>
        html`<p class="count">${dataset.records.length}</p>
          <p class="more">${this.localize.t(commonStrings).showMore}</p>`,
    });
  }
}
TestWidget.define('test-widget');

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}
