/** What a bench page returns: bench/run.mjs prints each row with ours/reference as a ratio. */
export interface BenchRow {
  name: string;
  ours: number;
  reference: number;
  unit: 'ms' | 'KB';
  goal?: string;
  refName?: string;
}

/** The median of several timings (robust against a run disturbed by other work on the machine). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
