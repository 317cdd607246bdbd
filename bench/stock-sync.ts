/**
 * The stock-sync benchmark: one hourly stock sync over N SKUs (1k, 10k, 50k) in the sandbox against
 * the simulator: governance units per SKU over every stage of the map/reduce (getInputData reads the
 * in-flight feeds, every snapshot page and NetSuite's on hand with SuiteQL; map keys make one
 * adjustment per location and the drift decision), Scend API calls, wall time and peak memory.
 * 1% of the SKUs differ within tolerance (adjusted), 0.1% beyond it (drift for finance).
 *
 * Run alone: `npx tsx bench/stock-sync.ts 1000 10000 50000` (build first).
 */
import { startStockWorld, SYNC } from '../harness/stock-world';
import { SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';

/** A snapshot page (500 SKUs) is one https call: 10 units per 500 SKUs. */
export const STOCK_SYNC_FLOOR_UNITS_PER_SKU = 10 / 500;
/** The ceiling per SKU. */
export const STOCK_SYNC_MAX_UNITS_PER_SKU = 0.5;

type Usage = { scriptId: string; entryPoint: string; units: number; limit: number; charges: Array<{ units: number; what: string }> };

export async function benchStockSync(skuCount: number): Promise<FlowResult> {
  const skus = Array.from({ length: skuCount }, (_, i) => {
    const onHand = 5 + (i % 97);
    const netsuite = i % 100 === 1 ? onHand + 1 : i % 1000 === 7 ? onHand + 10 : onHand;
    return { sku: `SKU-${String(i + 1).padStart(6, '0')}`, onHand, netsuite };
  });
  const w = await startStockWorld(skus, { seed: 11, tolerance: 2 });
  try {
    await w.sim.control.clearRequests();
    const usageBefore = w.sb.usage.entries.length;
    const t0 = Date.now();
    const run = await w.sb.runMapReduce(SYNC);
    const wallMs = Date.now() - t0;
    if (run.input.error || run.map.errors.length) throw new Error(`stock sync failed: ${run.input.error ?? JSON.stringify(run.map.errors).slice(0, 500)}`);
    const usage = (w.sb.usage.entries.slice(usageBefore) as Usage[]).filter((u) => u.scriptId === SCRIPTS.stockSync.id);
    const units = usage.reduce((s, u) => s + u.units, 0);
    const apiCalls = ((await w.sim.control.requests()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/v1/')).length;
    const unitsPerItem = units / skuCount;
    const byStage: Record<string, { units: number; maxPerInvocation: number; limit: number; invocations: number }> = {};
    for (const u of usage) {
      const s = (byStage[u.entryPoint] ??= { units: 0, maxPerInvocation: 0, limit: u.limit, invocations: 0 });
      s.units += u.units;
      s.invocations += 1;
      s.maxPerInvocation = Math.max(s.maxPerInvocation, u.units);
    }
    const byCall: Record<string, number> = {};
    for (const u of usage) for (const c of u.charges) byCall[c.what] = (byCall[c.what] ?? 0) + c.units;
    const [record] = w.runs();
    return {
      unitsPerItem: round4(unitsPerItem),
      floorUnitsPerItem: STOCK_SYNC_FLOOR_UNITS_PER_SKU,
      ratio: round2(unitsPerItem / STOCK_SYNC_FLOOR_UNITS_PER_SKU),
      apiCallsPerItem: round4(apiCalls / skuCount),
      items: skuCount,
      wallMs,
      peakRssMb: peakRssMb(),
      units,
      apiCalls,
      maxUnitsPerSku: STOCK_SYNC_MAX_UNITS_PER_SKU,
      withinLimits: usage.every((u) => u.units <= u.limit),
      byStage,
      unitsByCall: Object.fromEntries(Object.entries(byCall).sort((a, b) => b[1] - a[1])),
      counts: record?.counts,
    };
  } finally {
    await w.close();
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round4 = (n: number): number => Math.round(n * 10000) / 10000;

if (require.main === module) {
  (async () => {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const n of sizes.length ? sizes : [1000, 10000, 50000]) {
      const r = await benchStockSync(n);
      console.log(JSON.stringify(r));
    }
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
