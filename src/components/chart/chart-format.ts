import type { Field, Lang } from '../../data/types.js';
import type { Aggregate, PlotLabel } from './chart-data.js';
import type { chartStrings } from './offen-chart.strings.js';

/** Units recognised in a column name; anything else in brackets (`(BF)`) is not a unit. */
const KNOWN_UNITS = /^(?:T?€|Tsd\. ?€|Mio\. ?€|EUR|%|t|kg|km|ha|ar|m²|kWp?|kWh|MWh)$/;

const CURRENCY = /€|EUR/;

/**
 * The steps of compact numbers, largest first. Intl's compact notation writes these for English (`1M`, `500K`), but
 * has no short German form below a million (`500.000`), so offen writes `Tsd.` as German budgets do.
 */
const COMPACT_STEPS: Record<Lang, readonly (readonly [number, string])[]> = {
  de: [
    [1e9, '\u00a0Mrd.'],
    [1e6, '\u00a0Mio.'],
    [1e3, '\u00a0Tsd.'],
  ],
  en: [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
};

/** German headers often carry the unit: `Ansatz 2026 (€)`, `Ist 2015 in T€`, `Anteil in %`. */
function unitInName(name: string): string | undefined {
  const match = /(?:\(([^()]{1,8})\)|\sin\s+(\S{1,8}))\s*$/.exec(name);
  const unit = (match?.[1] ?? match?.[2])?.trim();
  return unit && KNOWN_UNITS.test(unit) ? unit : undefined;
}

/** What the chart's numbers depend on: its attributes, the plotted columns and the page language. */
export interface FormatInputs {
  unit?: string;
  decimals?: number;
  aggregate?: Aggregate;
  fields: readonly Field[];
  /** The value columns. */
  y: readonly string[];
  /** The most decimals a plotted source value has. */
  dataDecimals: number;
  locale: string;
  lang: Lang;
  strings: (typeof chartStrings)['de'];
}

/**
 * Numbers and labels of a chart as the table, tooltips, axis and summary show them: the unit from the attribute or
 * the column name, as many decimals as the data has (two for money with cents), dates in the page's notation.
 */
export class ChartFormat {
  /** Intl formatters are slow to create; one per locale and precision serves thousands of labels. */
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();
  private readonly dateFormats = new Map<string, Intl.DateTimeFormat>();

  constructor(private readonly inputs: () => FormatInputs) {}

  get unit(): string | undefined {
    const { unit, aggregate, fields, y } = this.inputs();
    if (unit !== undefined) return unit || undefined;
    if (aggregate === 'count') return undefined;
    const units = new Set(y.map((name) => fields.find((f) => f.name === name)?.unit ?? unitInName(name)));
    return units.size === 1 ? [...units][0] : undefined;
  }

  get decimals(): number {
    const { decimals: own, aggregate, dataDecimals } = this.inputs();
    if (own !== undefined && Number.isFinite(own)) return Math.max(0, Math.min(10, own));
    // Money with cents is always shown with two decimals (`1.251.300,00 €`), like the budget it comes from.
    if (dataDecimals > 0 && CURRENCY.test(this.unit ?? '')) return 2;
    return aggregate === 'mean' ? Math.max(dataDecimals, 2) : dataDecimals;
  }

  private withUnit(text: string): string {
    const unit = this.unit;
    if (!unit) return text;
    return unit === '%' && this.inputs().lang === 'en' ? `${text}%` : `${text}\u00a0${unit}`;
  }

  private formatter(kind: string, digits: number, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
    const { locale } = this.inputs();
    const key = `${kind} ${digits} ${locale}`;
    let format = this.numberFormats.get(key);
    if (!format) this.numberFormats.set(key, (format = new Intl.NumberFormat(locale, options())));
    return format;
  }

  /** A value as the table and tooltips show it: `1.234,56 €`. */
  value(value: number | null): string {
    if (value === null) return this.inputs().strings.missingValue;
    const decimals = this.decimals;
    return this.withUnit(
      this.formatter('number', decimals, () => ({
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      })).format(value),
    );
  }

  /** Axis ticks: compact (`1,5 Mio. €`, `500 Tsd. €`; English `1.5M €`, `500K €`), never more than one decimal. */
  tick(value: number): string {
    return this.compact(value);
  }

  /**
   * A number in the short form of axis ticks and value labels: thousands as `Tsd.`/`K`, millions as `Mio.`/`M`,
   * billions as `Mrd.`/`B`, at most one decimal. A value that one decimal of its own step would misstate
   * (1.050.000) takes the next smaller step (`1.050 Tsd.`). Numbers below a thousand keep up to two decimals
   * (`0,25 %`). A unit that already names a step (`T€`, `Mio. €`) is not stepped again. `rounded` (value labels)
   * rounds to one decimal of the largest step instead (`6,2 Mio. €`, `161,3 Tsd. €`).
   */
  compact(value: number, rounded = false): string {
    const { lang } = this.inputs();
    const stepped = /^(?:T|Tsd|Mio|Mrd)/.test(this.unit ?? '');
    const steps = stepped ? [] : COMPACT_STEPS[lang];
    for (const [size, suffix] of steps) {
      if (Math.abs(value) < size) continue;
      const scaled = value / size;
      if (!rounded && Math.abs(Math.round(scaled * 10) - scaled * 10) > 1e-6) continue;
      return this.withUnit(this.plain(scaled, 1) + suffix);
    }
    return this.withUnit(this.plain(value, 2));
  }

  private plain(value: number, digits: number): string {
    return this.formatter('compact', digits, () => ({ maximumFractionDigits: digits })).format(value);
  }

  /** A label as shown on the axis and in the table: dates in the page's notation, years without grouping. */
  label(label: PlotLabel): string {
    const { strings: t, locale } = this.inputs();
    if (label.other) return t.other;
    if (label.value === null) return t.missingLabel;
    if (label.value instanceof Date) {
      let format = this.dateFormats.get(locale);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, {
          timeZone: 'UTC',
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        });
        this.dateFormats.set(locale, format);
      }
      return format.format(label.value);
    }
    return String(label.value);
  }
}
