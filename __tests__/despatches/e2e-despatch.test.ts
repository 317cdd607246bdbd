/**
 * End to end: Scend despatches become item fulfilments (the built despatch import in the sandbox,
 * the simulator shipping). NetSuite Help "Item Fulfillment": record.transform salesorder ->
 * itemfulfillment, shipstatus C, package sublist; externalid unique per record type (DUP_RCRD).
 */
import { SCRIPTS } from '../../src/ts/ids';
import { orderStatus, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { allFulfilments, fulfilmentsOf, sendOrder } from './support';

const DESPATCH = SCRIPTS.despatchImport.deployments.main;
let w: OrderWorld;
let mug: number;
let jug: number;

beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  jug = w.item('JUG-BLUE');
  for (const [sku, id] of [['MUG-RED', mug], ['JUG-BLUE', jug]] as const) {
    await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 0.4 });
    await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 1000 });
    w.db.seedInventory(id, w.location, 1000);
  }
});
afterAll(async () => {
  await w?.close();
});

describe('despatches -> item fulfilments', () => {
  it('records a despatch as one shipped fulfilment with its parcels, and the order reaches Pending Billing', async () => {
    const so = await sendOrder(w, 'DSP-1', [{ item: mug, quantity: 2 }, { item: jug, quantity: 1 }]);
    await w.sim.control.despatch(so.scendId, { Parcels: 2 });
    const run = await w.sb.runMapReduce(DESPATCH);
    expect({ input: run.input.error, map: run.map.errors, summarize: run.summarizeError }).toEqual({ input: null, map: [], summarize: null });
    const fs = fulfilmentsOf(w, so.id);
    expect(fs).toHaveLength(1);
    expect(fs[0].shipstatus).toBe('C');
    expect(fs[0].externalid).toMatch(/^despatch:/);
    expect(fs[0].lines.map((l) => l.quantity).sort()).toEqual([1, 2]);
    expect(fs[0].packages).toHaveLength(2);
    expect(String(fs[0].tracking)).toContain(fs[0].packages[0].tracking);
    expect(orderStatus(w, so.id)).toBe('F');
    expect(w.exceptions({ open: true })).toEqual([]);
  });
});
