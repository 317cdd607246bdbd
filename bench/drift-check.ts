/**
 * The drift check benchmark: `count` orders sent to Scend and still open on both sides (Scend holds
 * them RECEIVED, NetSuite pending fulfilment), then one drift-detection run. Units per open order =
 * every unit the run spent / open orders compared. The floor is the reads the comparison cannot
 * avoid: one SuiteQL query for NetSuite's open work (10 units, whatever its size) and one Scend
 * list page per 500 orders (10 units).
 */
import { SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';
import { round, shippedWorld } from './shipped-world';

export async function benchDriftCheck(count: number): Promise<FlowResult> {
  const { w, orders } = await shippedWorld(count, 7, { ship: false });
  try {
    await w.sim.control.clearRequests();
    const t0 = Date.now();
    const run = await w.sb.runMapReduce(SCRIPTS.drift.deployments.main);
    const wallMs = Date.now() - t0;
    const compared = run.map.keys.filter((k) => k.startsWith('order:')).length;
    const units = run.usage.reduce((n, u) => n + u.units, 0);
    const apiCalls = ((await w.sim.control.requests()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/v1/')).length;
    const floor = (10 + 10 * Math.ceil(compared / 500)) / Math.max(1, compared);
    const unitsPerItem = units / Math.max(1, compared);
    const stage = (entryPoint: string) => run.usage.filter((u) => u.entryPoint === entryPoint).reduce((n, u) => n + u.units, 0);
    return {
      unitsPerItem: round(unitsPerItem),
      floorUnitsPerItem: round(floor),
      ratio: round(unitsPerItem / floor),
      apiCallsPerItem: Math.round((apiCalls / Math.max(1, compared)) * 10000) / 10000,
      items: compared,
      wallMs,
      peakRssMb: peakRssMb(),
      orders,
      unitsByStage: { getInputData: stage('getInputData'), map: stage('map'), reduce: stage('reduce'), summarize: stage('summarize') },
      failedKeys: run.map.errors.length,
      inputError: run.input.error ? String(run.input.error) : null,
    };
  } finally {
    await w.close();
  }
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  benchDriftCheck(n).then((r) => console.log(JSON.stringify(r, null, 2)), (e: Error) => { console.error(e.stack); process.exitCode = 1; });
}
