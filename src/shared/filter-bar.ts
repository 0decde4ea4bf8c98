import { css, html, nothing, type TemplateResult } from 'lit';
import { matchesSearch, searchIndex, searchWords } from './search.js';

/** A category as a chip: its name and how many items it has. */
export interface CategoryChip {
  value: string;
  count?: number;
}

/** Categories as toggle chips (several at once; they double as the legend) or as one select. */
export type CategoryControl =
  | {
      kind: 'chips';
      label: string;
      /** Text of the chip that shows everything. */
      allLabel: string;
      /** Count on the "all" chip. */
      allCount?: number;
      chips: readonly CategoryChip[];
      /** A mark before a chip's name (the map's marker colour), made only for the chips drawn. */
      markOf?: (value: string) => unknown;
      selected: readonly string[];
      onChange: (selected: string[]) => void;
      /**
       * More categories than fit as chips (CHIP_LIMIT): the largest are chips, the rest are found through a search
       * field of their own (a source with 100,000 categories must not draw 100,000 buttons). The widget keeps the
       * query.
       */
      more?: { label: (rest: number) => string; query: string; onQuery: (query: string) => void; locale: string };
    }
  | {
      kind: 'select';
      label: string;
      /** Text of the option that shows everything. */
      allLabel: string;
      options: readonly string[];
      selected: readonly string[];
      onChange: (selected: string[]) => void;
    };

export interface FilterBarOptions {
  /** The widget's part name(s) for the bar, e.g. `filter` or `toolbar`. */
  part: string;
  search: { label: string; value: string; placeholder?: string; onInput: (value: string) => void };
  categories?: CategoryControl;
  /** Further controls after the categories (the ideas' sort, view and status filters). */
  extra?: unknown;
}

/** Chips shown at most; the rest of the categories are searched (see CategoryControl.more). */
export const CHIP_LIMIT = 12;
/** Matches of that search shown at once. */
const MORE_MATCHES = 12;

/**
 * The `limit` chips with the highest counts, ties in their given order, in one pass: this runs on every render, and
 * sorting 100,000 categories for twelve took a long task of its own.
 */
function largestChips(chips: readonly CategoryChip[], limit: number): CategoryChip[] {
  const top: CategoryChip[] = [];
  for (const chip of chips) {
    const count = chip.count ?? 0;
    if (top.length === limit && count <= (top[limit - 1].count ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1].count ?? 0) < count) at--;
    top.splice(at, 0, chip);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The chips to draw: the largest CHIP_LIMIT and every selected one, and the matches of the search for the rest. */
function visibleChips(control: Extract<CategoryControl, { kind: 'chips' }>, selected: ReadonlySet<string>) {
  const { chips, more } = control;
  if (!more || chips.length <= CHIP_LIMIT) return { shown: chips, matches: [], rest: 0 };
  const largest = new Set(largestChips(chips, CHIP_LIMIT).map((c) => c.value));
  const shown = chips.filter((c) => largest.has(c.value) || selected.has(c.value));
  const words = searchWords(more.query, more.locale);
  const matches: CategoryChip[] = [];
  if (words.length) {
    for (const chip of chips) {
      if (matches.length >= MORE_MATCHES) break;
      if (!largest.has(chip.value) && !selected.has(chip.value)) {
        if (matchesSearch(searchIndex([chip.value], more.locale), words)) matches.push(chip);
      }
    }
  }
  return { shown, matches, rest: chips.length - largest.size };
}

function renderChips(control: Extract<CategoryControl, { kind: 'chips' }>): TemplateResult {
  const selected = new Set(control.selected);
  const toggle = (value: string) =>
    control.onChange(selected.has(value) ? control.selected.filter((c) => c !== value) : [...control.selected, value]);
  const count = (n: number | undefined) => (n === undefined ? nothing : html` <span class="chip-count">${n}</span>`);
  const chip = (c: CategoryChip) =>
    html`<button
      type="button"
      class="chip"
      data-category=${c.value}
      aria-pressed=${selected.has(c.value) ? 'true' : 'false'}
      @click=${() => toggle(c.value)}
    >
      ${control.markOf?.(c.value) ?? nothing}${c.value}${count(c.count)}
    </button>`;
  const { shown, matches, rest } = visibleChips(control, selected);
  const more = control.more;
  return html`<div class="chips" part="legend" role="group" aria-label=${control.label}>
    <button
      type="button"
      class="chip"
      aria-pressed=${selected.size === 0 ? 'true' : 'false'}
      @click=${() => control.onChange([])}
    >
      ${control.allLabel}${count(control.allCount)}
    </button>
    ${shown.map(chip)}
    ${
      more && rest > 0
        ? html`<div class="more-categories" part="more-categories">
              <label for="more-categories">${more.label(rest)}</label>
              <input
                id="more-categories"
                type="search"
                autocomplete="off"
                .value=${more.query}
                @input=${(event: Event) => more.onQuery((event.target as HTMLInputElement).value)}
              />
            </div>
            ${matches.map(chip)}`
        : nothing
    }
  </div>`;
}

function renderSelect(control: Extract<CategoryControl, { kind: 'select' }>): TemplateResult {
  const chosen = control.selected.length === 1 ? control.selected[0] : '';
  return html`<div class="filter-field">
    <label for="category">${control.label}</label>
    <select
      id="category"
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        control.onChange(value ? [value] : []);
      }}
    >
      <option value="" ?selected=${!chosen}>${control.allLabel}</option>
      ${control.options.map((c) => html`<option .value=${c} ?selected=${c === chosen}>${c}</option>`)}
    </select>
  </div>`;
}

/**
 * The filter bar of every widget: a search field and the categories (chips or a select), then any further
 * controls. One markup and one stylesheet (filterBarStyles), so the widgets look and work alike.
 */
export function renderFilterBar(options: FilterBarOptions): TemplateResult {
  const { search, categories } = options;
  return html`<div class="filter-bar" part=${options.part}>
    <div class="filter-field search">
      <label for="search">${search.label}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        placeholder=${search.placeholder ?? nothing}
        .value=${search.value}
        @input=${(event: Event) => search.onInput((event.target as HTMLInputElement).value)}
      />
    </div>
    ${categories?.kind === 'chips' ? renderChips(categories) : categories ? renderSelect(categories) : nothing}
    ${options.extra ?? nothing}
  </div>`;
}

export const filterBarStyles = css`
  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
    margin-block-end: 0.75rem;
  }
  .filter-field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 10rem;
  }
  .filter-field.search {
    flex: 1 1 14rem;
    max-width: 28rem;
  }
  .filter-field label {
    font-weight: 600;
  }
  .filter-field input,
  .filter-field select {
    width: 100%;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    flex: 2 1 20rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0.2em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .more-categories {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 100%;
    max-width: 28rem;
  }
  .more-categories label {
    font-weight: 600;
  }
  .chip-count {
    font-variant-numeric: tabular-nums;
    opacity: 0.9;
  }
  .chip-count::before {
    content: '(';
  }
  .chip-count::after {
    content: ')';
  }
`;
