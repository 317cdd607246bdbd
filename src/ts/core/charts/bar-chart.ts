/**
 * Horizontal bar chart as inline SVG (ageing buckets, variance by SKU): drawn on the server, so the
 * page needs no script, no library and no network. Negative values draw left of a zero line.
 */
import { escapeHtml } from '../pages/html';
import { niceMax, roundPx } from './scale';

export interface Bar {
  label: string;
  value: number;
}

export interface BarBox {
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** x of the zero line. */
  zeroX: number;
  bars: BarBox[];
}

export interface BarChartOptions {
  width?: number;
  barHeight?: number;
  gap?: number;
  labelWidth?: number;
  valueWidth?: number;
}

/** Where each bar goes: the longest |value| fills the plot; signed data splits it at zero. */
export function layoutBars(data: readonly Bar[], options: BarChartOptions = {}): BarLayout {
  const width = options.width ?? 420;
  const barHeight = options.barHeight ?? 18;
  const gap = options.gap ?? 6;
  const labelWidth = options.labelWidth ?? 120;
  const valueWidth = options.valueWidth ?? 50;
  const plot = width - labelWidth - valueWidth;
  const maxAbs = niceMax(Math.max(0, ...data.map((d) => Math.abs(d.value))));
  const signed = data.some((d) => d.value < 0);
  const zeroX = labelWidth + (signed ? plot / 2 : 0);
  const scale = (signed ? plot / 2 : plot) / maxAbs;
  const bars = data.map((d, i) => {
    const length = Math.abs(d.value) * scale;
    return {
      label: d.label,
      value: d.value,
      x: roundPx(d.value < 0 ? zeroX - length : zeroX),
      y: gap + i * (barHeight + gap),
      width: roundPx(length),
      height: barHeight,
    };
  });
  return { width, height: gap + data.length * (barHeight + gap), zeroX: roundPx(zeroX), bars };
}

/** The SVG; `title` is its accessible name, and each bar has a <title> with its exact value. */
export function barChartSvg(id: string, title: string, data: readonly Bar[], options: BarChartOptions = {}): string {
  const layout = layoutBars(data, options);
  const labelWidth = options.labelWidth ?? 120;
  const rows = layout.bars
    .map((b) => {
      const textY = b.y + b.height / 2 + 4;
      const fill = b.value < 0 ? '#b42318' : '#0b5cad';
      const valueX = b.value < 0 ? b.x - 4 : b.x + b.width + 4;
      return (
        `<g class="bar" data-label="${escapeHtml(b.label)}" data-value="${b.value}">` +
        `<title>${escapeHtml(`${b.label}: ${b.value}`)}</title>` +
        `<text x="${labelWidth - 6}" y="${textY}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${fill}"></rect>` +
        `<text x="${valueX}" y="${textY}" text-anchor="${b.value < 0 ? 'end' : 'start'}">${escapeHtml(String(b.value))}</text>` +
        `</g>`
      );
    })
    .join('');
  const axis = `<line x1="${layout.zeroX}" y1="0" x2="${layout.zeroX}" y2="${layout.height}" stroke="#9aa5b1"></line>`;
  return (
    `<svg id="${escapeHtml(id)}" class="scend-chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Arial, sans-serif" font-size="11">` +
    `<title>${escapeHtml(title)}</title>${axis}${rows}</svg>`
  );
}
