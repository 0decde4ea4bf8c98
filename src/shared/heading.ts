/**
 * A `heading-level` attribute as `aria-level`: rounded and kept within 2–6 (a widget never competes with the page's
 * own h1); anything that is not a number gives the default.
 */
export function headingLevel(value: number | undefined | null, fallback = 3): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return String(fallback);
  return String(Math.min(6, Math.max(2, Math.round(value))));
}
