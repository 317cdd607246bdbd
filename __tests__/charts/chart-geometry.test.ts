/** Chart geometry: where bars land, drawn server-side as SVG (no script, no network). */
import { barChartSvg, layoutBars } from '../../src/ts/core/charts/bar-chart';
import { niceMax, ticks } from '../../src/ts/core/charts/scale';
import { layoutTrend, trendChartSvg } from '../../src/ts/core/charts/trend-chart';

describe('scale', () => {
  it('rounds the axis up to 1, 2 or 5 × 10^n, never below 1', () => {
    expect([0, 0.3, 1, 3, 7, 12, 180, 1000].map(niceMax)).toEqual([1, 1, 1, 5, 10, 20, 200, 1000]);
  });
  it('ticks are whole numbers from 0 to the nice maximum', () => {
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(7)).toEqual([0, 3, 6, 9, 10]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
  });
});

describe('bar chart', () => {
  it('the longest bar fills the plot, the others in proportion, stacked top to bottom', () => {
    const layout = layoutBars([{ label: 'a', value: 10 }, { label: 'b', value: 5 }, { label: 'c', value: 0 }], { width: 400, labelWidth: 100, valueWidth: 50 });
    expect(layout.bars.map((b) => [b.x, b.width])).toEqual([[100, 250], [100, 125], [100, 0]]);
    expect(layout.bars.map((b) => b.y)).toEqual([6, 30, 54]);
    expect(layout.height).toBe(78);
  });

  it('signed values (variance by SKU) split the plot at a zero line: negatives draw leftwards', () => {
    const layout = layoutBars([{ label: 'short', value: -4 }, { label: 'over', value: 2 }], { width: 400, labelWidth: 100, valueWidth: 50 });
    expect(layout.zeroX).toBe(225);
    const [short, over] = layout.bars;
    expect(short.x + short.width).toBe(225);
    expect(short.width).toBeCloseTo(125 * (4 / 5), 1);
    expect(over.x).toBe(225);
    expect(over.width).toBeCloseTo(125 * (2 / 5), 1);
  });

  it('is an accessible SVG with each value in a title, and escapes labels', () => {
    const svg = barChartSvg('c1', 'Ageing <open>', [{ label: 'A&B', value: 3 }]);
    expect(svg).toMatch(/^<svg id="c1" class="scend-chart" role="img" aria-label="Ageing &lt;open&gt;"/);
    expect(svg).toContain('<title>A&amp;B: 3</title>');
    expect(svg).not.toContain('<script');
  });
});

describe('trend chart', () => {
  it('pairs an opened and a resolved column per day, heights in proportion to the axis maximum', () => {
    const layout = layoutTrend(
      [
        { day: '2026-11-29', opened: 4, resolved: 1 },
        { day: '2026-11-30', opened: 0, resolved: 5 },
      ],
      520,
      200,
    );
    expect(layout.max).toBe(5);
    expect(layout.columns.map((c) => [c.day, c.series, c.value])).toEqual([
      ['2026-11-29', 'opened', 4],
      ['2026-11-29', 'resolved', 1],
      ['2026-11-30', 'opened', 0],
      ['2026-11-30', 'resolved', 5],
    ]);
    const plot = layout.plotBottom - layout.plotTop;
    expect(layout.columns[3].height).toBeCloseTo(plot, 1);
    expect(layout.columns[0].height).toBeCloseTo((plot * 4) / 5, 1);
    expect(layout.columns[2].height).toBe(0);
    for (const c of layout.columns) expect(c.y + c.height).toBeCloseTo(layout.plotBottom, 1);
    expect(layout.columns[1].x).toBeGreaterThan(layout.columns[0].x);
    expect(layout.columns[2].x).toBeGreaterThan(layout.columns[1].x);
  });

  it('renders columns the browser test can read back (data-series, data-value)', () => {
    const svg = trendChartSvg('t', 'Trend', [{ day: '2026-11-30', opened: 2, resolved: 1 }]);
    expect(svg).toContain('data-series="opened" data-value="2"');
    expect(svg).toContain('data-series="resolved" data-value="1"');
  });
});
