/**
 * A brand world with `count` orders sent to Scend (the user event pushes each on approval) and the
 * simulator's autopilot shipping all of them, for the despatch import and order status benchmarks.
 * Only the sandbox clock moves while orders are entered (no scheduled import runs early); the
 * simulator's warehouse catches up at its next request.
 */
import { orders as brandOrders } from '../demo/brand';
import { enterOrder, startBrandWorld, type BrandWorld } from '../demo/world';

const MINUTE = 60_000;

export async function shippedWorld(count: number, seed = 5, options: { ship?: boolean } = {}): Promise<{ w: BrandWorld; orders: number }> {
  const w = await startBrandWorld({ customers: 200, seed });
  try {
    // ship: false leaves every order open in both systems (RECEIVED in Scend) — the drift check's open work.
    if (options.ship !== false) await w.sim.control.configureAutopilot({ enabled: true, releaseAfterMs: MINUTE, pickAfterMs: MINUTE, packAfterMs: MINUTE, finishPackingAfterMs: MINUTE, despatchAfterMs: MINUTE });
    const specs = brandOrders(count * 2, 200, 5).filter((s, i) => w.customers[s.customerKey].spec.address && i % 40 !== 39).slice(0, count);
    for (let i = 0; i < specs.length; i++) {
      w.db.approveSalesOrder(enterOrder(w, specs[i], 'A'));
      // Scend allows 120 requests a minute: let a minute pass every 100 orders.
      if (i % 100 === 99) w.sb.clock.advance(MINUTE);
    }
    w.sb.clock.advance(3 * 60 * MINUTE);
    await w.sim.control.clearRequests(); // the warehouse catches up here
    return { w, orders: specs.length };
  } catch (e) {
    await w.close();
    throw e;
  }
}

/** Runs a feed import until a run reads nothing new (each run reads at most 10,000 items). */
export async function drain(w: BrandWorld, deploymentId: string, maxRuns = 20): Promise<{ units: number; runs: number; wallMs: number; apiCalls: number; mapErrors: number; maxMapUnits: number }> {
  let units = 0;
  let runs = 0;
  let wallMs = 0;
  let apiCalls = 0;
  let mapErrors = 0;
  let maxMapUnits = 0;
  for (; runs < maxRuns; ) {
    const t0 = Date.now();
    const run = await w.sb.runMapReduce(deploymentId);
    wallMs += Date.now() - t0;
    runs += 1;
    units += run.usage.reduce((n, u) => n + u.units, 0);
    mapErrors += run.map.errors.length;
    for (const u of run.usage) if (u.entryPoint === 'map' && u.key !== '~feed-position') maxMapUnits = Math.max(maxMapUnits, u.units);
    apiCalls += ((await w.sim.control.requests()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/v1/')).length;
    await w.sim.control.clearRequests();
    w.sb.clock.advance(MINUTE); // the rate limit's window
    if (run.map.keys.filter((k) => k !== '~feed-position').length === 0) break;
  }
  return { units, runs, wallMs, apiCalls, mapErrors, maxMapUnits };
}

export const round = (n: number): number => Math.round(n * 100) / 100;
