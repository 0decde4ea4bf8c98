import type { Chart } from 'chart.js';
import type { ChartTheme, PictureFrame } from './chart-engine.js';

/**
 * The downloaded picture, ready for a brochure: the chart drawn again at twice the device pixels, with the title,
 * subtitle, notes and source line around it in the widget's font and colours, on its background. Loaded with
 * Chart.js (chart-draw.ts).
 */

/** Device pixels per CSS pixel of the picture. */
export const PICTURE_SCALE = 2;
const PADDING = 16;

interface TextLine {
  text: string;
  font: string;
  color: string;
  /** Line height in CSS pixels. */
  height: number;
}

/** `text` broken into lines of at most `width` pixels in the context's current font. */
function breakLines(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function block(
  ctx: CanvasRenderingContext2D,
  text: string | undefined,
  style: Omit<TextLine, 'text'>,
  width: number,
): TextLine[] {
  if (!text?.trim()) return [];
  ctx.font = style.font;
  return breakLines(ctx, text, width).map((line) => ({ ...style, text: line }));
}

function drawLines(ctx: CanvasRenderingContext2D, lines: TextLine[], top: number): number {
  let y = top;
  for (const line of lines) {
    ctx.font = line.font;
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, PADDING, y + line.height * 0.8);
    y += line.height;
  }
  return y;
}

/** Draws the chart at `PICTURE_SCALE` (and back at the screen's), framed; returns a PNG data URL. */
export function framedPicture(chart: Chart, frame: PictureFrame, theme: ChartTheme): string {
  const width = chart.width + 2 * PADDING;
  const previous = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = PICTURE_SCALE;
  chart.resize();
  chart.draw();
  try {
    const picture = document.createElement('canvas');
    const ctx = picture.getContext('2d');
    if (!ctx) return chart.toBase64Image('image/png');
    const inner = width - 2 * PADDING;
    const head = [
      ...block(ctx, frame.title, { font: `700 18px ${theme.font}`, color: theme.text, height: 24 }, inner),
      ...block(ctx, frame.subtitle, { font: `14px ${theme.font}`, color: theme.muted, height: 19 }, inner),
    ];
    const small = { font: `12px ${theme.font}`, color: theme.muted, height: 16 };
    const foot = [
      ...frame.notes.flatMap((note) => block(ctx, note, small, inner)),
      ...block(ctx, frame.source, small, inner),
    ];
    const sum = (lines: TextLine[]) => lines.reduce((total, line) => total + line.height, 0);
    const headHeight = head.length ? sum(head) + 8 : 0;
    const footHeight = foot.length ? sum(foot) + 8 : 0;
    const height = PADDING + headHeight + chart.height + footHeight + PADDING;
    picture.width = Math.round(width * PICTURE_SCALE);
    picture.height = Math.round(height * PICTURE_SCALE);
    ctx.scale(PICTURE_SCALE, PICTURE_SCALE);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, width, height);
    ctx.textBaseline = 'alphabetic';
    drawLines(ctx, head, PADDING);
    const chartTop = PADDING + headHeight;
    ctx.drawImage(chart.canvas, PADDING, chartTop, chart.width, chart.height);
    drawLines(ctx, foot, chartTop + chart.height + 8);
    return picture.toDataURL('image/png');
  } finally {
    chart.options.devicePixelRatio = previous;
    chart.resize();
    chart.draw();
  }
}
