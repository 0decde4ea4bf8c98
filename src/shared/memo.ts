import { deepArrayEquals } from '@lit/task/deep-equals.js';

/**
 * The last value computed from some data and some attributes, computed again only when the data is another object
 * or an attribute changed (compared deeply, as @lit/task compares its args): one rule instead of a hand-made string
 * key per cache. Data is compared by identity: comparing 100,000 records deeply would cost more than it saves.
 */
export class Memo<R> {
  private data?: unknown;
  private inputs?: readonly unknown[];
  private value?: R;

  /** The value for this data and these inputs; `compute` runs only when they differ from the last call's. */
  get(data: unknown, inputs: readonly unknown[], compute: () => R): R {
    if (!this.inputs || data !== this.data || !deepArrayEquals(this.inputs, inputs)) {
      // Inputs first: a compute that throws is not retried until they change.
      this.data = data;
      this.inputs = inputs;
      this.value = undefined;
      this.value = compute();
    }
    return this.value as R;
  }

  /** Forgets the value: the next get() computes it again. */
  clear(): void {
    this.data = undefined;
    this.inputs = undefined;
    this.value = undefined;
  }
}
