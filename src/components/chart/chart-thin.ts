import type { PlotData } from './chart-data.js';

/**
 * A chart never draws more marks than its plot has pixels: a line, an area or columns over an ordered axis with more
 * labels than that keep, per column of pixels, the label with the lowest and the one with the highest value of each
 * series (and the first and the last label), so every peak and every dip survives. What is kept are real labels with
 * their real values: the tooltip, the keyboard and a click read them as they are. The table and the download show
 * every label (PlotData before thinning). Chart.js's own decimation plugin needs linear or time axes and unparsed
 * data; our axes are category axes, so the thinning happens here.
 */

/** At most `budget` labels of `plot` (at least the first and the last); the plot itself when it has no more. */
export function thinPlot(plot: PlotData, budget: number): PlotData {
  const count = plot.labels.length;
  const most = Math.max(2, Math.floor(budget));
  if (count <= most) return plot;
  // Per stretch and series: the lowest, the highest and, where there is one, a gap.
  const perBucket = 3 * Math.max(1, plot.series.length);
  const buckets = Math.max(1, Math.floor((most - 2) / perBucket));
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * count) / buckets);
    const end = Math.floor(((b + 1) * count) / buckets);
    let any = false;
    for (const series of plot.series) {
      let low = -1;
      let high = -1;
      let gap = -1;
      for (let i = start; i < end; i++) {
        const value = series.values[i];
        if (value === null) {
          if (gap < 0) gap = i;
          continue;
        }
        if (low < 0 || value < series.values[low]!) low = i;
        if (high < 0 || value > series.values[high]!) high = i;
      }
      if (low >= 0) {
        keep[low] = 1;
        keep[high] = 1;
        any = true;
      }
      // A gap in the data stays a gap in the line.
      if (gap >= 0) keep[gap] = 1;
    }
    if (!any && start < end) keep[start] = 1;
  }
  const indices: number[] = [];
  for (let i = 0; i < count; i++) if (keep[i]) indices.push(i);
  return {
    ...plot,
    labels: indices.map((i) => plot.labels[i]),
    series: plot.series.map((s) => ({
      ...s,
      values: indices.map((i) => s.values[i]),
      records: indices.map((i) => s.records[i]),
    })),
    drawn: undefined,
  };
}
