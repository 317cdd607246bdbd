/**
 * The order status benchmark: about `count` order events — count / 6 orders moved by the
 * simulator's autopilot to DESPATCHED, then the status map/reduce run until the order-events feed is
 * read. Units per status change = every unit the runs spent / events read; the floor is one
 * ledger submitFields (2 units) per order, shared by all of that order's events in a batch.
 */
import { SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';
import { drain, round, shippedWorld } from './shipped-world';

/** Each order shipped by the autopilot makes about six order events (RECEIVED … DESPATCHED). */
const EVENTS_PER_ORDER = 6;

/** `count`: the status changes wanted (the orders shipped are count / 6). */
export async function benchStatusSync(count: number): Promise<FlowResult> {
  const { w, orders } = await shippedWorld(Math.ceil(count / EVENTS_PER_ORDER), 6);
  try {
    const r = await drain(w, SCRIPTS.statusSync.deployments.main);
    const events = eventsRead(w);
    const floor = (2 * orders) / Math.max(1, events);
    const unitsPerItem = r.units / Math.max(1, events);
    return {
      unitsPerItem: round(unitsPerItem),
      floorUnitsPerItem: round(floor),
      ratio: round(unitsPerItem / floor),
      apiCallsPerItem: Math.round((r.apiCalls / Math.max(1, events)) * 10000) / 10000,
      items: events,
      wallMs: r.wallMs,
      peakRssMb: peakRssMb(),
      orders,
      runs: r.runs,
      maxUnitsPerKey: r.maxMapUnits,
      failedKeys: r.mapErrors,
    };
  } finally {
    await w.close();
  }
}

/** Order events the runs read, from each run's batch log line. */
function eventsRead(w: Awaited<ReturnType<typeof shippedWorld>>['w']): number {
  return w.sb.logs
    .query({ title: 'Scend order-events: batch' })
    .reduce((n, e) => n + (Number((JSON.parse(String(e.details)) as { events?: number }).events) || 0), 0);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  benchStatusSync(n).then((r) => console.log(JSON.stringify(r, null, 2)), (e: Error) => { console.error(e.stack); process.exitCode = 1; });
}
