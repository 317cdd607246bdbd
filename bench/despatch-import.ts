/**
 * The despatch import benchmark: `count` orders shipped by the simulator's autopilot, then the
 * despatch import map/reduce run until the feed is read. Units are every unit the runs spent
 * (getInputData's feed pages and batch queries, each key's transform and save, summarize) per
 * despatch; the floor is the fulfilment itself: transform 10 + save 20.
 */
import { SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';
import { drain, round, shippedWorld } from './shipped-world';

export const DESPATCH_FLOOR_UNITS = 30;

export async function benchDespatchImport(count: number): Promise<FlowResult> {
  const { w, orders } = await shippedWorld(count);
  try {
    const r = await drain(w, SCRIPTS.despatchImport.deployments.main);
    const fulfilments = Array.from(w.db.store.ofType('itemfulfillment')).length;
    const exceptions = w.exceptions({ open: true }).length;
    const unitsPerItem = r.units / Math.max(1, fulfilments);
    return {
      unitsPerItem: round(unitsPerItem),
      floorUnitsPerItem: DESPATCH_FLOOR_UNITS,
      ratio: round(unitsPerItem / DESPATCH_FLOOR_UNITS),
      apiCallsPerItem: Math.round((r.apiCalls / Math.max(1, fulfilments)) * 10000) / 10000,
      items: fulfilments,
      wallMs: r.wallMs,
      peakRssMb: peakRssMb(),
      orders,
      runs: r.runs,
      maxUnitsPerDespatch: r.maxMapUnits,
      failedKeys: r.mapErrors,
      openExceptions: exceptions,
    };
  } finally {
    await w.close();
  }
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  benchDespatchImport(n).then((r) => console.log(JSON.stringify(r, null, 2)), (e: Error) => { console.error(e.stack); process.exitCode = 1; });
}
