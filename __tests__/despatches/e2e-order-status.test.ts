/**
 * End to end: Scend's order events keep each order's Scend status on its ledger row (a child of
 * the sales order, so it shows on the order without writing the order), collapsed per order;
 * cancelled / held / lost orders reach customer service. NetSuite Help "record.submitFields"
 * (custom record: 2 units) and "Map/Reduce Script Error Handling" (restarts, isRestarted).
 */
import { RECORDS, SCRIPTS } from '../../src/ts/ids';
import type { Order } from '../../src/ts/scend/contract';
import { cancelButton, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { ledgerRow, sendOrder, type SentOrder } from './support';

const STATUS = SCRIPTS.statusSync.deployments.main;
const HOUR = 3600_000;
let w: OrderWorld;
let mug: number;

beforeAll(async () => {
  w = await startOrderWorld({ seed: 3 });
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  await w.sim.control.setStock({ Sku: 'MUG-RED', Warehouse: 'UK1', OnHand: 10_000 });
  w.db.seedInventory(mug, w.location, 10_000);
});
afterAll(async () => {
  await w?.close();
});

async function syncStatus(restart?: { random: true }) {
  const run = await w.sb.runMapReduce(STATUS, restart ? { restart } : {});
  expect({ input: run.input.error, map: run.map.errors.filter((e) => !e.error.includes('SSS_APP_SERVER_RESTART')), summarize: run.summarizeError }).toEqual({ input: null, map: [], summarize: null });
  return run;
}
const scendOrder = (o: SentOrder) => w.scend<Order>(`/orders/${o.scendId}`);
const openFor = (type: string) => w.exceptions({ open: true }).filter((e) => e.type === type);

describe('order status from Scend', () => {
  it('keeps the ledger status current, one write per changed order, at most 1 unit per status change', async () => {
    const orders: SentOrder[] = [];
    for (let i = 0; i < 4; i++) orders.push(await sendOrder(w, `ST-${i}`, [{ item: mug, quantity: 1 }]));
    for (const o of orders) {
      await w.sim.control.release(o.scendId);
      await w.sim.control.pick(o.scendId);
      await w.sim.control.pack(o.scendId);
    }
    const run = await syncStatus();
    for (const o of orders) expect(ledgerRow(w, o.id).scendStatus).toBe((await scendOrder(o)).Status);
    // Four orders, three changes each (RELEASED, PICKING, PACKING): one ledger write per order.
    const mapKeys = run.usage.filter((u) => u.entryPoint === 'map' && u.key !== '~feed-position');
    expect(mapKeys).toHaveLength(4);
    const total = run.usage.reduce((n, u) => n + u.units, 0);
    expect(total / 12).toBeLessThanOrEqual(8); // includes the run's fixed cost (config, feed position, one ledger query)
    expect(mapKeys.every((u) => u.units <= 2)).toBe(true);
    // Nothing new: nothing written.
    const again = await syncStatus();
    expect(again.usage.filter((u) => u.entryPoint === 'map' && u.key !== '~feed-position')).toHaveLength(0);
  });

  it('an order Scend holds is an exception for customer service until Scend releases it', async () => {
    const o = await sendOrder(w, 'ST-HOLD', [{ item: mug, quantity: 1 }]);
    await w.sim.control.hold(o.scendId, 'customer called');
    await syncStatus();
    expect(ledgerRow(w, o.id).scendStatus).toBe('ON_HOLD');
    expect(openFor('On hold in Scend')).toEqual([expect.objectContaining({ owner: 'Customer service' })]);
    await w.sim.control.release(o.scendId);
    await syncStatus();
    expect(ledgerRow(w, o.id).scendStatus).toBe('RELEASED');
    expect(openFor('On hold in Scend')).toEqual([]);
  });

  it('an order Scend cancelled on its side is an exception; one NetSuite cancelled is not', async () => {
    const theirs = await sendOrder(w, 'ST-CANCEL-SCEND', [{ item: mug, quantity: 1 }]);
    const ours = await sendOrder(w, 'ST-CANCEL-NS', [{ item: mug, quantity: 1 }]);
    await fetch(`${w.sim.url}/v1/orders/${theirs.scendId}/cancel`, { method: 'POST', headers: { 'X-Api-Key': w.sim.apiKey } });
    cancelButton(w, ours.id);
    await syncStatus();
    expect(ledgerRow(w, theirs.id).scendStatus).toBe('CANCELLED');
    expect(ledgerRow(w, ours.id).scendStatus).toBe('CANCELLED');
    const open = openFor('Cancelled in Scend');
    expect(open).toHaveLength(1);
    expect(open[0].message).toContain(theirs.scendId);
    expect(open[0].owner).toBe('Customer service');
  });

  it('a sent order Scend never heard of is re-checked once and surfaced', async () => {
    const o = await sendOrder(w, 'ST-LOST', [{ item: mug, quantity: 1 }]);
    const F = RECORDS.sync.fields;
    // The ledger says sent two days ago, to an order Scend does not have, and no event ever came.
    w.sb.record.submitFields({ type: RECORDS.sync.id, id: ledgerRow(w, o.id).id, values: { [F.scendId]: 'ORD-999999', [F.scendStatus]: '', [F.sentAt]: new Date(Date.now() - 3 * 24 * HOUR) } });
    await w.advance(60_000);
    await syncStatus();
    expect(ledgerRow(w, o.id).scendStatus).toBe('NOT_FOUND');
    const open = openFor('Order unknown to Scend');
    expect(open).toEqual([expect.objectContaining({ owner: 'Customer service' })]);
    expect(open[0].message).toContain('ORD-999999');
    // Surfaced once: the next run does not ask again.
    const again = await syncStatus();
    expect(again.usage.filter((u) => u.entryPoint === 'map' && u.key?.startsWith('lost:'))).toHaveLength(0);
  });

  it('with the warehouse moving, late events, interleaved keys and random restarts, every ledger status ends as Scend says', async () => {
    await w.sim.control.configureAutopilot({ enabled: true, partialDespatchRate: 0.3 });
    await w.sim.control.configureFeeds({ redeliveryRate: 0.5, lateEventRate: 0.3, lateEventDelayMs: 20 * 60_000 });
    w.sb.concurrency.interleave({ probability: 0.5 });
    const orders: SentOrder[] = [];
    for (let i = 0; i < 8; i++) {
      orders.push(await sendOrder(w, `ST-AUTO-${i}`, [{ item: mug, quantity: 2 }]));
      if (i % 4 === 3) await w.advance(60_000);
    }
    let restarts = 0;
    for (let step = 0; step < 12; step++) {
      await w.advance(HOUR / 3);
      restarts += (await syncStatus({ random: true })).restarts.length;
    }
    await w.advance(HOUR);
    await syncStatus();
    expect(restarts).toBeGreaterThan(0);
    for (const o of orders) expect(ledgerRow(w, o.id).scendStatus).toBe((await scendOrder(o)).Status);
    expect(openFor('Connector work failed')).toEqual([]);
  }, 60_000);
});
