// Fixed-window counters per key (IP address, client token), in memory: they protect, they are not data.
// Memory and work per request are bounded: a window is one Map that is dropped whole when the window ends (no scan),
// and a window holds at most `maxKeys` keys; past that, unknown keys share one counter, so a flood of fresh keys
// (80,000 scripted client tokens) is limited together instead of growing the map.

const OVERFLOW = '\u0000overflow';

export class RateLimiter {
  /**
   * @param {{ limit: number, windowMs: number, maxKeys?: number, now?: () => number }} options
   */
  constructor({ limit, windowMs, maxKeys = 20_000, now = () => Date.now() }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.now = now;
    this.start = -Infinity;
    this.counts = new Map();
  }

  /** Counts one hit for every key; returns the seconds to wait if any key is over its limit, else 0. */
  hit(...keys) {
    const now = this.now();
    if (now >= this.start + this.windowMs) {
      this.start = now;
      this.counts = new Map();
    }
    let over = false;
    for (const key of keys) {
      const slot = this.counts.has(key) || this.counts.size < this.maxKeys ? key : OVERFLOW;
      const count = (this.counts.get(slot) ?? 0) + 1;
      this.counts.set(slot, count);
      // The shared overflow counter allows as many hits as all keys of a full window could have had.
      if (count > (slot === OVERFLOW ? this.limit * 10 : this.limit)) over = true;
    }
    return over ? Math.max(1, Math.ceil((this.start + this.windowMs - now) / 1000)) : 0;
  }

  /** Keys counted in the current window (for tests and the status command). */
  get size() {
    return this.counts.size;
  }
}
