/**
 * The value axis of a chart, chosen by offen rather than by Chart.js: a "nice" step (1, 2 or 5 times a power of
 * ten), a domain that always includes zero and ends on a step above the largest value, and a lower end that does
 * not overshoot a small negative value (−92.100 → −100.000, not −1.000.000). Pure; chart-draw.ts applies it.
 */

export interface ValueDomain {
  min: number;
  max: number;
  step: number;
  /** The values that get a tick and a grid line, ascending. */
  ticks: number[];
}

/** The smallest of 1, 2, 5 × 10ⁿ that is at least `value` (value > 0). */
export function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 2, 5, 10].find((f) => f * power >= value * (1 - 1e-9)) ?? 10;
  return factor * power;
}

/** Rounds away the float noise of step multiples (0,1 × 3 = 0,30000000000000004). */
const clean = (value: number) => Number(value.toPrecision(12));

/**
 * The domain for values between `low` and `high` with about `count` ticks (at least 2). Zero is always inside.
 * Below zero the axis ends at a multiple of the step, or, when the most negative value is smaller than one step,
 * at the next 1/2/5 value beyond it.
 */
export function niceDomain(low: number, high: number, count: number): ValueDomain {
  const lo = Math.min(0, Number.isFinite(low) ? low : 0);
  let hi = Math.max(0, Number.isFinite(high) ? high : 0);
  if (lo === 0 && hi === 0) hi = 1;
  const intervals = Math.max(1, Math.round(count) - 1);
  const step = niceCeil((hi - lo) / intervals);
  const max = clean(Math.ceil(hi / step - 1e-9) * step);
  let min = clean(Math.floor(lo / step + 1e-9) * step);
  if (lo < 0 && -lo < step) min = -niceCeil(-lo);
  const ticks: number[] = [];
  if (Math.abs(min / step - Math.round(min / step)) > 1e-9) ticks.push(min);
  for (let value = Math.ceil(min / step - 1e-9) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(clean(value));
  }
  return { min, max, step, ticks };
}

/** Highest and lowest value to show: each bar's own, or, stacked, the sums of positive and of negative parts. */
export function valueRange(
  series: readonly { values: readonly (number | null)[] }[],
  stacked: boolean,
): [number, number] {
  let low = 0;
  let high = 0;
  const length = Math.max(0, ...series.map((s) => s.values.length));
  for (let i = 0; i < length; i++) {
    let up = 0;
    let down = 0;
    for (const s of series) {
      const value = s.values[i];
      if (value === null || value === undefined || !Number.isFinite(value)) continue;
      if (stacked) {
        if (value > 0) up += value;
        else down += value;
      } else {
        high = Math.max(high, value);
        low = Math.min(low, value);
      }
    }
    if (stacked) {
      high = Math.max(high, up);
      low = Math.min(low, down);
    }
  }
  return [low, high];
}
