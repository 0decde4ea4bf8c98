import { html, nothing, type TemplateResult } from 'lit';
import type { FilterState } from '../../shared/context.js';
import { renderFilterBar } from '../../shared/filter-bar.js';
import { STATUS_KEYS, statusKeyOf, type SortKey, type StatusKey } from './ideas-model.js';
import type { ideasStrings } from './offen-ideas.strings.js';

/** What the toolbar needs from its board. */
export interface IdeasToolbarContext {
  t: (typeof ideasStrings)['de'];
  /** "Alle" in the category select. */
  allLabel: string;
  filter: FilterState;
  q: string;
  categories: string[];
  sort: SortKey;
  /** Some ideas have a location: list and map view to choose from. */
  located: boolean;
  view: 'list' | 'map';
  onFilter(change: Partial<FilterState>): void;
  /** A status checkbox changed. */
  onStatus(status: StatusKey, checked: boolean): void;
  onSort(sort: SortKey): void;
  onView(view: 'list' | 'map'): void;
}

/** Search, category, sort order, list/map view and the status checkboxes of an idea board (the shared filter bar). */
export function renderIdeasToolbar(bar: IdeasToolbarContext): TemplateResult {
  const { t, filter, located } = bar;
  const statuses = new Set((filter.status ?? []).map(statusKeyOf));
  const extra = html`
    <div class="filter-field">
      <label for="sort">${t.sort}</label>
      <select id="sort" @change=${(event: Event) => bar.onSort((event.target as HTMLSelectElement).value as SortKey)}>
        <option value="newest" ?selected=${bar.sort === 'newest'}>${t.sortNewest}</option>
        <option value="votes" ?selected=${bar.sort === 'votes'}>${t.sortVotes}</option>
        <option value="comments" ?selected=${bar.sort === 'comments'}>${t.sortComments}</option>
      </select>
    </div>
    ${
      located
        ? html`<div class="view-toggle" role="group" aria-label=${t.view}>
            <button
              type="button"
              class="offen-button"
              aria-pressed=${bar.view === 'list' ? 'true' : 'false'}
              @click=${() => bar.onView('list')}
            >
              ${t.viewList}
            </button>
            <button
              type="button"
              class="offen-button"
              aria-pressed=${bar.view === 'map' ? 'true' : 'false'}
              @click=${() => bar.onView('map')}
            >
              ${t.viewMap}
            </button>
          </div>`
        : nothing
    }
    <fieldset class="statuses">
      <legend>${t.status}</legend>
      ${STATUS_KEYS.map(
        (key) =>
          html`<label
            ><input
              type="checkbox"
              name="status"
              .value=${key}
              .checked=${statuses.has(key)}
              @change=${(event: Event) => bar.onStatus(key, (event.target as HTMLInputElement).checked)}
            />${t[key]}</label
          >`,
      )}
    </fieldset>
  `;
  return renderFilterBar({
    part: 'toolbar',
    search: { label: t.searchLabel, value: bar.q, onInput: (q) => bar.onFilter({ q }) },
    categories: bar.categories.length
      ? {
          kind: 'select',
          label: t.category,
          allLabel: bar.allLabel,
          options: bar.categories,
          selected: filter.category ?? [],
          onChange: (category) => bar.onFilter({ category }),
        }
      : undefined,
    extra,
  });
}
