/**
 * Opened vs resolved per day as paired columns in inline SVG: a trend reads faster as a picture
 * than as a table. Pure string output, drawn on the server.
 */
import { escapeHtml } from '../pages/html';
import { niceMax, roundPx, ticks } from './scale';

export interface TrendDay {
  /** yyyy-mm-dd */
  day: string;
  opened: number;
  resolved: number;
}

export interface Column {
  day: string;
  series: 'opened' | 'resolved';
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TrendLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  max: number;
  columns: Column[];
}

const LEFT = 34;
const RIGHT = 8;
const TOP = 20;
const BOTTOM = 28;

export function layoutTrend(days: readonly TrendDay[], width = 520, height = 200): TrendLayout {
  const max = niceMax(Math.max(0, ...days.map((d) => Math.max(d.opened, d.resolved))));
  const plotBottom = height - BOTTOM;
  const plotHeight = plotBottom - TOP;
  const slot = days.length ? (width - LEFT - RIGHT) / days.length : 0;
  const columnWidth = Math.max(1, (slot - 4) / 2);
  const columns: Column[] = [];
  days.forEach((d, i) => {
    (['opened', 'resolved'] as const).forEach((series, j) => {
      const value = d[series];
      const h = (value / max) * plotHeight;
      columns.push({
        day: d.day,
        series,
        value,
        x: roundPx(LEFT + i * slot + 2 + j * columnWidth),
        y: roundPx(plotBottom - h),
        width: roundPx(columnWidth),
        height: roundPx(h),
      });
    });
  });
  return { width, height, plotTop: TOP, plotBottom, max, columns };
}

export function trendChartSvg(id: string, title: string, days: readonly TrendDay[]): string {
  const layout = layoutTrend(days);
  const grid = ticks(layout.max)
    .map((t) => {
      const y = roundPx(layout.plotBottom - (t / layout.max) * (layout.plotBottom - layout.plotTop));
      return `<line x1="${LEFT}" y1="${y}" x2="${layout.width - RIGHT}" y2="${y}" stroke="#e4e7eb"></line><text x="${LEFT - 4}" y="${y + 4}" text-anchor="end">${t}</text>`;
    })
    .join('');
  const cols = layout.columns
    .map(
      (c) =>
        `<rect class="col ${c.series}" data-day="${c.day}" data-series="${c.series}" data-value="${c.value}" x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" fill="${c.series === 'opened' ? '#b42318' : '#1b7a3d'}"><title>${escapeHtml(`${c.day} ${c.series}: ${c.value}`)}</title></rect>`,
    )
    .join('');
  const labels = days
    .map((d, i) => {
      const slot = (layout.width - LEFT - RIGHT) / days.length;
      // Label every other day when crowded; the <title> of each column still names its day.
      if (days.length > 10 && i % 2 === 1) return '';
      return `<text x="${roundPx(LEFT + i * slot + slot / 2)}" y="${layout.plotBottom + 14}" text-anchor="middle">${escapeHtml(d.day.slice(5))}</text>`;
    })
    .join('');
  const legend =
    `<rect x="${LEFT}" y="4" width="10" height="10" fill="#b42318"></rect><text x="${LEFT + 14}" y="13">opened</text>` +
    `<rect x="${LEFT + 70}" y="4" width="10" height="10" fill="#1b7a3d"></rect><text x="${LEFT + 84}" y="13">resolved</text>`;
  return (
    `<svg id="${escapeHtml(id)}" class="scend-chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Arial, sans-serif" font-size="10">` +
    `<title>${escapeHtml(title)}</title>${grid}${cols}${labels}${legend}</svg>`
  );
}
