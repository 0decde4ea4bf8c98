// The rate limiter: per-key limits per window, and bounded memory and work however many keys arrive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from '../../server/lib/index.mjs';

describe('rate limiter', () => {
  it('allows `limit` hits per key and window, says how long to wait, and starts afresh in the next window', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.hit('ip:a')),
      [0, 0, 0],
    );
    now += 15_000;
    assert.equal(limiter.hit('ip:a'), 45);
    assert.equal(limiter.hit('ip:b'), 0);
    // Two keys at once (address and client token): over if either is.
    assert.equal(limiter.hit('ip:b', 'client:x'), 0);
    assert.equal(limiter.hit('ip:a', 'client:y'), 45);
    now += 45_000;
    assert.equal(limiter.hit('ip:a'), 0);
  });

  it('keeps at most maxKeys keys; a flood of fresh keys shares one counter and is stopped', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 60, windowMs: 600_000, maxKeys: 1000, now: () => now });
    let refused = 0;
    for (let i = 0; i < 80_000; i++) if (limiter.hit(`client:${i}`)) refused++;
    assert.equal(limiter.size, 1001);
    // 1000 keys counted on their own, then 600 hits (ten keys' worth) on the shared counter, the rest refused.
    assert.equal(refused, 80_000 - 1000 - 600);
    // A known key keeps its own count while the window is full.
    assert.equal(limiter.hit('client:5'), 0);
    now += 600_000;
    assert.equal(limiter.hit('client:79999'), 0);
    assert.equal(limiter.size, 1);
  });
});
