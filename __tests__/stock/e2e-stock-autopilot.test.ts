/**
 * The warehouse moving by itself (the simulator's autopilot: Poisson cycle counts and damage) while
 * the deployments run on their SDF schedules: the movement import every 15 minutes, the stock sync
 * hourly. NetSuite Help: "Map/Reduce Script Deployment" (recurrence); "Adjusting Inventory".
 */
import { startStockWorld, type StockWorld } from '../../harness/stock-world';

jest.setTimeout(240_000);

const SKUS = Array.from({ length: 12 }, (_, i) => ({ sku: `AP-${String(i + 1).padStart(2, '0')}`, onHand: 40 + i }));

describe('stock with the warehouse moving by itself', () => {
  let w: StockWorld;
  beforeAll(async () => {
    w = await startStockWorld(SKUS, { seed: 7, tolerance: 2 });
  });
  afterAll(async () => w.close());

  test('after eight hours of cycle counts and damage, NetSuite equals Scend and the sync never adjusted work in flight', async () => {
    const start = w.sb.clock.now();
    await w.sim.control.configureAutopilot({ enabled: true, cycleCountRatePerHour: 3, damageRatePerHour: 3 });
    const runs = await w.advance(8 * 3600_000);
    expect(runs.filter((r) => /stock_sync/.test(r.deploymentId)).length).toBeGreaterThanOrEqual(8);
    expect(runs.filter((r) => /stock_moves/.test(r.deploymentId)).length).toBeGreaterThanOrEqual(32);
    await w.sim.control.configureAutopilot({ enabled: false });
    await w.advance(61 * 60_000); // the import catches up, then one more sync

    const movements: Array<{ MovementId: string; Reason: string }> = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await w.scend<{ Items: Array<{ MovementId: string; Reason: string }>; NextCursor: string; HasMore: boolean }>(`/stock-movements?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      movements.push(...page.Items);
      cursor = page.NextCursor;
      if (!page.HasMore) break;
    }
    const ids = [...new Set(movements.map((m) => m.MovementId))];
    expect(ids.length).toBeGreaterThan(20); // the warehouse did move
    const adjusted = w.adjustments().filter((a) => a.externalid.startsWith('movement:')).map((a) => a.externalid);
    expect(new Set(adjusted).size).toBe(adjusted.length);
    expect(adjusted.sort()).toEqual(ids.map((id) => `movement:${id}`).sort());
    expect(w.adjustments().filter((a) => a.externalid.startsWith('stocksync:'))).toEqual([]);
    const scend = await w.scendOnHand();
    for (const s of SKUS) expect([s.sku, w.onHand(s.sku)]).toEqual([s.sku, scend.get(s.sku) ?? 0]);
    const last = w.runs().at(-1)!;
    expect(last.counts).toMatchObject({ match: SKUS.length, timing: 0, inFlight: 0, adjust: 0, drift: 0 });
    // Along the way, some runs saw movements not yet imported and called them timing differences.
    expect(w.runs().some((r) => r.counts.timing > 0)).toBe(true);
    expect(w.exceptions({ open: true }).filter((e) => /^stock/.test(e.dedupeKey))).toEqual([]);
    expect(w.sb.clock.now().getTime() - start.getTime()).toBeGreaterThanOrEqual(9 * 3600_000);
  });
});
