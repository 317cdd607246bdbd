/**
 * The order-push benchmark: governance units and Scend API calls per pushed order, wall time and
 * peak memory, in the sandbox against the simulator (default mode, no faults). Each order is
 * entered pending approval and approved with the Approve button, so the measured units are the
 * user event's afterSubmit push: config and list ids from N/cache, one ledger record, one POST.
 * Orders arrive at 100 a minute on the shared clock, under Scend's rate limit (120/min).
 */
import { CATALOGUE, orders as brandOrders } from '../demo/brand';
import { enterOrder, startBrandWorld } from '../demo/world';
import { SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';

/** One https call (10) + one ledger custom record create (2) and save (4). */
export const ORDER_PUSH_FLOOR_UNITS = 16;

type Usage = { scriptId: string; entryPoint: string; units: number; charges: Array<{ units: number; what: string }> };

export async function benchOrderPush(count: number): Promise<FlowResult> {
  const w = await startBrandWorld({ customers: 200, seed: 3 });
  try {
    // Only shippable orders with an address: every one of them is pushed.
    const specs = brandOrders(count * 2, 200, 5).filter((s, i) => w.customers[s.customerKey].spec.address && i % 40 !== 39).slice(0, count);
    await w.sim.control.clearRequests();
    const usageBefore = w.sb.usage.entries.length;
    // The simulator keeps a bounded request log: count and clear it every batch.
    let apiCalls = 0;
    let wallMs = 0;
    for (let i = 0; i < specs.length; i += 500) {
      const t0 = Date.now();
      for (const spec of specs.slice(i, i + 500)) {
        // 100 orders a minute on the one clock: under Scend's 120 requests a minute, as a steady day is.
        w.sb.clock.advance(600);
        w.db.approveSalesOrder(enterOrder(w, spec, 'A'));
      }
      wallMs += Date.now() - t0;
      apiCalls += ((await w.sim.control.requests()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/v1/')).length;
      await w.sim.control.clearRequests();
    }
    const pushes = (w.sb.usage.entries.slice(usageBefore) as Usage[]).filter((u) => u.scriptId === SCRIPTS.orderUserEvent.id && u.entryPoint === 'afterSubmit' && u.units > 0);
    const units = pushes.reduce((s, u) => s + u.units, 0);
    const unitsPerItem = units / specs.length;
    // Where the units went, per order: one row per kind of governed call.
    const byCall: Record<string, number> = {};
    for (const p of pushes) for (const c of p.charges) byCall[c.what] = (byCall[c.what] ?? 0) + c.units;
    const unitsByCall = Object.fromEntries(Object.entries(byCall).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / specs.length)]));
    return {
      unitsPerItem: round(unitsPerItem),
      floorUnitsPerItem: ORDER_PUSH_FLOOR_UNITS,
      ratio: round(unitsPerItem / ORDER_PUSH_FLOOR_UNITS),
      apiCallsPerItem: round(apiCalls / specs.length),
      items: specs.length,
      wallMs,
      peakRssMb: peakRssMb(),
      maxUnitsPerOrder: Math.max(...pushes.map((p) => p.units)),
      unitsByCall,
    };
  } finally {
    await w.close();
  }
}

/** Units the user event spends pushing one 500-line order (limit 1,000). */
export async function benchLargeOrder(lines: number): Promise<{ lines: number; units: number; limit: number }> {
  const w = await startBrandWorld({ customers: 5, seed: 4 });
  try {
    const physical = CATALOGUE.filter((c) => c.type === 'inventoryitem').map((c) => c.key);
    const customerKey = Object.keys(w.customers).find((k) => w.customers[k].spec.address) as string;
    const spec = { externalId: 'BIG-1', customerKey, shipMethod: 'standard' as const, lines: Array.from({ length: lines }, (_, i) => ({ itemKey: physical[i % physical.length], quantity: 1 })) };
    const before = w.sb.usage.entries.length;
    w.db.approveSalesOrder(enterOrder(w, spec, 'A'));
    const push = (w.sb.usage.entries.slice(before) as Usage[]).filter((u) => u.scriptId === SCRIPTS.orderUserEvent.id && u.entryPoint === 'afterSubmit');
    return { lines, units: Math.max(...push.map((p) => p.units)), limit: 1000 };
  } finally {
    await w.close();
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
