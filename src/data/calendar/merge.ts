/**
 * Lazy k-way merge of occurrence sources. Each source yields its occurrences in start order; a binary heap keyed
 * by each source's next start hands them out in global order, so asking for the first 20 expands only what is
 * needed to know them.
 */

/** What a merged source yields. */
export interface Occurrence<T> {
  /** Start instant (epoch ms). */
  start: number;
  /** End instant (epoch ms), or null when the occurrence has no duration. */
  end: number | null;
  item: T;
}

/**
 * One event's occurrences in start order. `lowerBound` is a start no occurrence precedes, known before any
 * expansion (the event's DTSTART, clipped to the window); `next()` returns the next occurrence or null.
 */
export interface OccurrenceSource<T> {
  lowerBound: number;
  next(): Occurrence<T> | null;
}

interface HeapEntry<T> {
  key: number;
  /** Source index: ties keep file order, so the result is deterministic. */
  order: number;
  source: OccurrenceSource<T>;
  /** The occurrence this entry stands for; null while the key is only the source's lower bound. */
  occurrence: Occurrence<T> | null;
}

function less<T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
  return a.key < b.key || (a.key === b.key && a.order < b.order);
}

/** A minimal binary min-heap; a library would cost more bytes than these lines. */
class Heap<T> {
  private readonly items: HeapEntry<T>[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: HeapEntry<T>): void {
    const items = this.items;
    let index = items.push(entry) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!less(items[index], items[parent])) break;
      [items[index], items[parent]] = [items[parent], items[index]];
      index = parent;
    }
  }

  pop(): HeapEntry<T> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && less(items[left], items[smallest])) smallest = left;
        if (right < items.length && less(items[right], items[smallest])) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest], items[index]];
        index = smallest;
      }
    }
    return top;
  }
}

export interface MergeWindow {
  /** Epoch ms; occurrences that end at or before it are skipped. */
  from: number;
  /** Epoch ms; occurrences that start at or after it are not wanted, and no source is expanded past it. */
  to: number;
}

/** True when an occurrence overlaps [from, to); one without duration counts at its start. */
export function overlaps(start: number, end: number | null, window: MergeWindow): boolean {
  if (start >= window.to) return false;
  return end !== null && end > start ? end > window.from : start >= window.from;
}

/**
 * All occurrences of all sources that overlap the window, in start order, expanded only as far as the caller
 * reads. A source is not touched at all until its lower bound is the smallest key in the heap.
 */
export function* mergeOccurrences<T>(
  sources: Iterable<OccurrenceSource<T>>,
  window: MergeWindow,
): Generator<Occurrence<T>, void, undefined> {
  const heap = new Heap<T>();
  let order = 0;
  for (const source of sources) {
    if (source.lowerBound < window.to) heap.push({ key: source.lowerBound, order: order++, source, occurrence: null });
  }
  while (heap.size > 0) {
    const entry = heap.pop()!;
    if (entry.occurrence) {
      yield entry.occurrence;
      entry.occurrence = null;
    }
    // Advance the source to its next occurrence inside the window and put it back with that start as key.
    let next = entry.source.next();
    while (next && next.start < window.to && !overlaps(next.start, next.end, window)) next = entry.source.next();
    if (next && next.start < window.to) {
      entry.key = next.start;
      entry.occurrence = next;
      heap.push(entry);
    }
  }
}
