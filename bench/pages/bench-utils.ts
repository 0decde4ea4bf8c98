/** What a bench page returns: bench/run.mjs prints each row with ours/reference as a ratio. */
export interface BenchRow {
  name: string;
  ours: number;
  reference: number;
  unit: 'ms' | 'KB' | 'requests';
  goal?: string;
  refName?: string;
}

/** The median of several timings (robust against a run disturbed by other work on the machine). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Watches the main thread: the longest `longtask` entry, and the longest gap between runs of a 0 ms timer. */
export function watchMainThread(): () => { longTask: number; gap: number } {
  let longTask = 0;
  let gap = 0;
  let last = performance.now();
  let running = true;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTask = Math.max(longTask, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const tick = () => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return () => {
    running = false;
    observer.disconnect();
    return { longTask, gap };
  };
}

/** The longest task in ms: Chromium's long-task entry, or (none, so below 50 ms) the longest timer gap. */
export const longest = (seen: { longTask: number; gap: number }) => (seen.longTask > 0 ? seen.longTask : seen.gap);
