/**
 * End to end, the done-when of issue 10 for despatches: the simulator's autopilot ships orders by
 * itself (partial despatches, several parcels), the feed redelivers items, map keys run side by
 * side and runs restart at random governed calls — and every despatch is exactly one fulfilment.
 * NetSuite Help "Map/Reduce Script Error Handling" (keys rerun after a restart, isRestarted) and
 * "Item Fulfillment" (externalid unique per record type: DUP_RCRD).
 */
import { SCRIPTS } from '../../src/ts/ids';
import type { Despatch, FeedPage } from '../../src/ts/scend/contract';
import { orderStatus, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { allFulfilments, fulfilmentsOf, sendOrder, type SentOrder } from './support';

const DESPATCH = SCRIPTS.despatchImport.deployments.main;
const HOUR = 3600_000;
let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld({ seed: 7 });
});
afterAll(async () => {
  await w?.close();
});

async function allScendDespatches(): Promise<Despatch[]> {
  const seen = new Map<string, Despatch>();
  let cursor: string | undefined;
  for (;;) {
    const page = await w.scend<FeedPage<Despatch>>(`/despatches?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const d of page.Items) seen.set(d.DespatchId, d);
    cursor = page.NextCursor;
    if (!page.HasMore) return Array.from(seen.values());
  }
}

it('every despatch becomes exactly one fulfilment: autopilot, redelivery, interleaved keys, random restarts', async () => {
  const skus = ['MUG-RED', 'JUG-BLUE', 'PLATE-WHITE'];
  const items = skus.map((sku) => w.item(sku));
  for (const [i, sku] of skus.entries()) {
    await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(items[i]), Name: sku, WeightKg: 0.5 });
    await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 10_000 });
  }
  // The opening count in Scend is a stock movement: its import gives NetSuite the same on hand.
  await w.sb.runMapReduce(SCRIPTS.stockMovements.deployments.main);
  for (const item of items) expect(w.db.stockLevel(item, w.location).onHand).toBe(10_000);
  await w.sim.control.configureAutopilot({ enabled: true, partialDespatchRate: 0.5, parcelsMax: 3 });
  await w.sim.control.configureFeeds({ redeliveryRate: 0.5 });
  w.sb.concurrency.interleave({ probability: 0.5 });

  const orders: SentOrder[] = [];
  for (let i = 0; i < 12; i++) {
    orders.push(await sendOrder(w, `AUTO-${i}`, items.map((item, j) => ({ item, quantity: 2 + ((i + j) % 3) }))));
    if (i % 4 === 3) await w.advance(60_000); // stay under the rate limit
  }
  const restarts: number[] = [];
  for (let step = 0; step < 16; step++) {
    await w.advance(HOUR / 2); // the scheduled imports run on their own too
    const run = await w.sb.runMapReduce(DESPATCH, { restart: { random: true } });
    restarts.push(run.restarts.length);
  }
  await w.advance(HOUR); // a last scheduled run after the warehouse is done
  await w.sb.runMapReduce(DESPATCH);

  const despatches = await allScendDespatches();
  const partial = orders.filter((o) => despatches.filter((d) => d.OrderId === o.scendId).length > 1);
  expect(partial.length).toBeGreaterThan(0); // the premise: some orders shipped in several despatches
  expect(restarts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0); // and runs did restart

  const externalIds = allFulfilments(w);
  expect(new Set(externalIds).size).toBe(externalIds.length);
  expect(externalIds.sort()).toEqual(despatches.map((d) => `despatch:${d.DespatchId}`).sort());
  for (const o of orders) {
    const shipped = despatches.filter((d) => d.OrderId === o.scendId);
    expect(fulfilmentsOf(w, o.id)).toHaveLength(shipped.length);
    expect(orderStatus(w, o.id)).toBe('F');
  }
  expect(w.exceptions({ open: true })).toEqual([]);
  expect(w.sb.concurrency.trace.length).toBeGreaterThan(0);
}, 120_000);
