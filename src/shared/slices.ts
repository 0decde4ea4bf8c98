import { DataError } from '../data/errors.js';

/**
 * Long work on the main thread in slices: a generator that yields between small pieces of work is run until a
 * slice has taken `budget` milliseconds, then the main thread is handed back (input, other widgets, rendering) before
 * the next slice. Stops at the next slice once `signal` aborts. Run at once, the same generator gives the same result.
 */

/** Milliseconds of work before the main thread is handed back; well under the 50 ms of a "long task". */
export const SLICE_BUDGET = 10;

/**
 * Hands the main thread back with a timer: everything else waiting (input, another widget's timers and network
 * answers) runs first. Not `scheduler.yield()`: its continuation goes ahead of other tasks, so a second widget's timers
 * waited seconds behind a long shaping (measured in `npm run bench -- hostile`).
 */
function handBack(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  signal: AbortSignal,
  budget = SLICE_BUDGET,
): Promise<T> {
  for (;;) {
    const start = performance.now();
    for (;;) {
      if (signal.aborted) throw new DataError('aborted', 'The work was stopped');
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - start >= budget) break;
    }
    await handBack();
  }
}

/** The same steps run at once, for data small enough that handing the main thread back costs more than it saves. */
export function runAtOnce<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
