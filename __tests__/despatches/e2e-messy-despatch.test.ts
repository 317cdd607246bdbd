/**
 * End to end: despatches the order cannot explain (the simulator's /_sim/messy/despatch) each give
 * the right exception to the right team, make no fulfilment, and never hold the feed back.
 * NetSuite Help "Item Fulfillment": a fulfilment cannot ship more than remains on the order line.
 */
import { SCRIPTS } from '../../src/ts/ids';
import { cancelButton, orderStatus, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { allFulfilments, fulfilmentsOf, sendOrder } from './support';

const DESPATCH = SCRIPTS.despatchImport.deployments.main;
let w: OrderWorld;
let mug: number;

beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  await w.sim.control.setStock({ Sku: 'MUG-RED', Warehouse: 'UK1', OnHand: 1000 });
  w.db.seedInventory(mug, w.location, 1000);
});
afterAll(async () => {
  await w?.close();
});

async function importDespatches(): Promise<void> {
  const run = await w.sb.runMapReduce(DESPATCH);
  expect({ input: run.input.error, map: run.map.errors, summarize: run.summarizeError }).toEqual({ input: null, map: [], summarize: null });
}

const openOf = (despatchId: string) => w.exceptions({ open: true }).filter((e) => e.dedupeKey.endsWith(`despatch:${despatchId}`));

describe('despatches the order cannot explain', () => {
  it.each([
    ['overQuantity', 'Despatch does not match the order', 'Operations', /shipped [34] with only 2 left/],
    ['unknownLineRef', 'Despatch does not match the order', 'Operations', /UNKNOWN-\d+ are not on the order/],
    ['skuMismatch', 'Despatch does not match the order', 'Operations', /shipped MUG-RED-ALT but the order has MUG-RED/],
  ])('%s: an exception for operations, no fulfilment', async (kind, type, owner, message) => {
    const so = await sendOrder(w, `MESSY-${kind}`, [{ item: mug, quantity: 2 }]);
    const d = await w.sim.control.messyDespatch({ OrderId: so.scendId, Kind: kind as 'overQuantity' });
    await importDespatches();
    expect(fulfilmentsOf(w, so.id)).toEqual([]);
    const open = openOf(d.DespatchId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type, owner });
    expect(open[0].message).toMatch(message);
    expect(open[0].message).toMatch(/what actually shipped/);
  });

  it.each(['date', 'quantity', 'tracking', 'weight'] as const)('malformed %s: an exception for the admin, and the feed moves past it', async (what) => {
    const so = await sendOrder(w, `MALFORMED-${what}`, [{ item: mug, quantity: 1 }]);
    const d = await w.sim.control.messyDespatch({ OrderId: so.scendId, Kind: 'malformed', Malformed: what });
    // A good despatch behind the malformed one in the same page still becomes a fulfilment.
    const good = await sendOrder(w, `AFTER-MALFORMED-${what}`, [{ item: mug, quantity: 1 }]);
    await w.sim.control.despatch(good.scendId);
    await importDespatches();
    expect(fulfilmentsOf(w, so.id)).toEqual([]);
    expect(fulfilmentsOf(w, good.id)).toHaveLength(1);
    const open = openOf(d.DespatchId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: 'Malformed despatch', owner: 'Integration admin' });
  });

  it('a different despatch for lines already shipped: a duplicate-shipment exception naming both despatches', async () => {
    const so = await sendOrder(w, 'DUP-SHIP', [{ item: mug, quantity: 2 }]);
    const first = await w.sim.control.despatch(so.scendId);
    await importDespatches();
    expect(orderStatus(w, so.id)).toBe('F');
    const second = await w.sim.control.messyDespatch({ OrderId: so.scendId, Kind: 'secondDespatch' });
    await importDespatches();
    expect(fulfilmentsOf(w, so.id)).toHaveLength(1);
    const open = openOf(second.DespatchId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: 'Duplicate shipment', owner: 'Operations' });
    const firstId = (first as { DespatchId: string }).DespatchId;
    expect(open[0].message).toContain(firstId);
    expect(open[0].message).toContain(second.DespatchId);
  });

  it('a despatch for an order cancelled in NetSuite: an exception for customer service, no fulfilment', async () => {
    const so = await sendOrder(w, 'CANCELLED-NS', [{ item: mug, quantity: 1 }]);
    cancelButton(w, so.id); // the user event cancels it in Scend first
    expect(orderStatus(w, so.id)).toBe('C');
    const d = await w.sim.control.messyDespatch({ OrderId: so.scendId, Kind: 'cancelledOrder' });
    await importDespatches();
    expect(fulfilmentsOf(w, so.id)).toEqual([]);
    expect(openOf(d.DespatchId)).toEqual([expect.objectContaining({ type: 'Despatch for a cancelled or closed order', owner: 'Customer service' })]);
  });

  it('a despatch for a ClientReference NetSuite never sent: an exception for operations', async () => {
    const res = await fetch(`${w.sim.url}/v1/orders`, {
      method: 'POST',
      headers: { 'X-Api-Key': w.sim.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ClientReference: 'KEYED-BY-HAND', OrderNumber: 'X1', OrderDate: '2025-01-01T00:00:00Z', ShipTo: { Name: 'A', Line1: '1 Road', Town: 'London', PostCode: 'N1 9GU', CountryCode: 'GB' }, Lines: [{ LineRef: '1', Sku: 'MUG-RED', Quantity: 1 }] }),
    });
    const created = (await res.json()) as { OrderId: string };
    const d = await w.sim.control.despatch(created.OrderId);
    const before = allFulfilments(w).length;
    await importDespatches();
    expect(allFulfilments(w)).toHaveLength(before);
    expect(openOf((d as { DespatchId: string }).DespatchId)).toEqual([expect.objectContaining({ type: 'Despatch for an unknown order', owner: 'Operations' })]);
  });
});
