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

  /** The smallest entry (the heap must not be empty). */
  get top(): HeapEntry<T> {
    return this.items[0];
  }

  push(entry: HeapEntry<T>): void {
    const items = this.items;
    let index = items.push(entry) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!less(entry, items[parent])) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = entry;
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown();
    }
  }

  /** Puts the top entry back in place after its key grew (cheaper than a pop and a push). */
  siftDown(): void {
    const items = this.items;
    const entry = items[0];
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && less(items[right], items[left]) ? right : left;
      if (!less(items[child], entry)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = entry;
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
    const entry = heap.top;
    if (entry.occurrence) {
      yield entry.occurrence;
      entry.occurrence = null;
    }
    // Advance the source to its next occurrence inside the window and sift it down with that start as key.
    let next = entry.source.next();
    while (next && next.start < window.to && !overlaps(next.start, next.end, window)) next = entry.source.next();
    if (next && next.start < window.to) {
      entry.key = next.start;
      entry.occurrence = next;
      heap.siftDown();
    } else {
      heap.pop();
    }
  }
}
