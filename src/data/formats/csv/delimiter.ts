/** The delimiter of a CSV file, from how consistently each candidate splits its first records. */
import { SAMPLE_ROWS } from './cells.js';

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** Field counts of the first records for one delimiter, quotes respected (a quoted newline stays in its field). */
function fieldCounts(text: string, delimiter: number, maxRecords: number): number[] {
  const counts: number[] = [];
  const n = text.length;
  let fields = 1;
  let i = 0;
  let atFieldStart = true;
  while (i < n && counts.length < maxRecords) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34) {
      // Skip the quoted field, "" being an escaped quote.
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      i++;
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      counts.push(fields);
      fields = 1;
      atFieldStart = true;
    }
    i++;
  }
  if (counts.length < maxRecords && i >= n && !(atFieldStart && fields === 1)) counts.push(fields);
  return counts;
}

/**
 * The delimiter that splits the first lines most consistently into more than one field. When two fit about equally
 * (`Münster, Gesamtstadt;…;39,20` splits evenly on commas too), the one giving more fields wins.
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; matches: number; fields: number } | undefined;
  const candidates = DELIMITERS.map((delimiter) => {
    const counts = fieldCounts(text, delimiter.charCodeAt(0), SAMPLE_ROWS);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let fields = 1;
    let matches = 0;
    for (const [count, times] of frequency) {
      if (times > matches || (times === matches && count > fields)) [fields, matches] = [count, times];
    }
    return { delimiter, matches, fields };
  });
  const most = Math.max(...candidates.map((c) => c.matches));
  for (const candidate of candidates) {
    if (candidate.matches === 0 || candidate.matches < most * 0.8) continue;
    if (!best || candidate.fields > best.fields) best = candidate;
  }
  return best?.delimiter ?? ',';
}
