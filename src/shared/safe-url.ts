/**
 * Links from data are untrusted. Only http(s), mailto and tel survive; everything else (javascript:, data:,
 * vbscript:, protocol-relative tricks) becomes undefined and the widget renders no link.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function safeUrl(
  value: unknown,
  base: string = globalThis.location?.href ?? 'http://localhost/',
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return ALLOWED.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Only http and https: for websites and images, where mailto/tel make no sense. */
export function safeWebUrl(value: unknown, base?: string): string | undefined {
  const url = safeUrl(value, base);
  return url && /^https?:/.test(url) ? url : undefined;
}

/** A phone number as a `tel:` link (digits and a leading +), or undefined if nothing dialable is left. */
export function telUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const digits = String(value)
    .replace(/[^\d+]/g, '')
    .replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 3 ? `tel:${digits}` : undefined;
}
