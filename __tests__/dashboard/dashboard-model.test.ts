/** The dashboard's figures from plain rows: counts, ageing, trend per day, top SKUs, feed lag. */
import { ageBucket, buildDashboard, feedLag, trendByDay } from '../../src/ts/core/dashboard/dashboard';

const now = new Date('2026-12-01T12:00:00Z');
const ago = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('dashboard model', () => {
  it('counts open exceptions by type and owner, most first, and keeps every age bucket in order', () => {
    const m = buildDashboard({
      now,
      open: [
        { id: '1', type: 'SKU mismatch', owner: 'Operations', firstSeen: ago(0.5), itemId: '7', itemName: 'MUG' },
        { id: '2', type: 'SKU mismatch', owner: 'Operations', firstSeen: ago(30), itemId: '7', itemName: 'MUG' },
        { id: '3', type: 'Cancellation conflict', owner: 'Customer service', firstSeen: ago(200) },
      ],
      events: [],
      stalled: [],
      feeds: [],
    });
    expect(m.openTotal).toBe(3);
    expect(m.byType).toEqual([{ label: 'SKU mismatch', count: 2 }, { label: 'Cancellation conflict', count: 1 }]);
    expect(m.byOwner).toEqual([{ label: 'Operations', count: 2 }, { label: 'Customer service', count: 1 }]);
    expect(m.byAge.map((b) => b.count)).toEqual([1, 0, 1, 0, 1]);
    expect(m.topSkus).toEqual([{ itemId: '7', label: 'MUG', count: 2 }]);
  });

  it('ages fall in the bucket below their upper bound', () => {
    expect([0, 0.99, 1, 23.9, 24, 71, 72, 167, 168, 5000].map((h) => ageBucket(ago(h), now))).toEqual([
      'under 1 hour', 'under 1 hour', '1–24 hours', '1–24 hours', '1–3 days', '1–3 days', '3–7 days', '3–7 days', 'over 7 days', 'over 7 days',
    ]);
  });

  it('the trend has one entry per UTC day ending today, counting openings and resolutions on their own days', () => {
    const t = trendByDay(
      [
        { firstSeen: new Date('2026-11-29T23:30:00Z'), resolvedAt: new Date('2026-12-01T00:10:00Z') },
        { firstSeen: new Date('2026-12-01T09:00:00Z') },
        { firstSeen: new Date('2026-11-01T09:00:00Z'), resolvedAt: new Date('2026-11-30T09:00:00Z') }, // opened before the window
      ],
      now,
      3,
    );
    expect(t).toEqual([
      { day: '2026-11-29', opened: 1, resolved: 0 },
      { day: '2026-11-30', opened: 0, resolved: 1 },
      { day: '2026-12-01', opened: 1, resolved: 1 },
    ]);
  });

  it('a feed is late when its last run is older than the limit, it never ran, or it failed', () => {
    expect(feedLag({ id: '1', feed: 'despatches', lastRunAt: ago(0.5) }, now, 60)).toMatchObject({ runLagMinutes: 30, late: false });
    expect(feedLag({ id: '1', feed: 'despatches', lastRunAt: ago(2) }, now, 60)).toMatchObject({ runLagMinutes: 120, late: true });
    expect(feedLag({ id: '1', feed: 'despatches' }, now, 60)).toMatchObject({ runLagMinutes: undefined, late: true });
    expect(feedLag({ id: '1', feed: 'despatches', lastRunAt: ago(0.1), lastError: 'CURSOR_EXPIRED' }, now, 60).late).toBe(true);
  });
});

describe('stock variance by SKU', () => {
  it('charts Scend minus NetSuite for true variances, largest first; none before the first stock run', () => {
    const m = buildDashboard({
      now,
      open: [],
      events: [],
      stalled: [],
      feeds: [],
      stock: {
        runId: 'R7',
        at: now,
        lines: [
          { itemId: '1', sku: 'A', netsuiteQuantity: 10, scendQuantity: 8, timing: false },
          { itemId: '2', sku: 'B', netsuiteQuantity: 1, scendQuantity: 6, timing: false },
          { itemId: '3', sku: 'C', netsuiteQuantity: 4, scendQuantity: 0, timing: true },
          { itemId: '4', sku: 'D', netsuiteQuantity: 3, scendQuantity: 3, timing: false },
        ],
      },
    });
    expect(m.stockVariance?.bars).toEqual([{ label: 'B', value: 5 }, { label: 'A', value: -2 }]);
    expect(buildDashboard({ now, open: [], events: [], stalled: [], feeds: [] }).stockVariance).toBeNull();
  });
});
