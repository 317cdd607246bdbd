/**
 * End to end: Scend despatches become item fulfilments (the built despatch import in the sandbox,
 * the simulator shipping). NetSuite Help "Item Fulfillment": record.transform salesorder ->
 * itemfulfillment, shipstatus C, package sublist; externalid unique per record type (DUP_RCRD).
 */
import { ITEM_FIELDS, RECORDS, SCRIPTS } from '../../src/ts/ids';
import { orderStatus, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { fulfilmentsOf, sendOrder } from './support';

const DESPATCH = SCRIPTS.despatchImport.deployments.main;
let w: OrderWorld;
let mug: number;
let jug: number;
let gas: number;
let gps: number;
let kit: number;
let express: number;

beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  jug = w.item('JUG-BLUE');
  for (const [sku, id] of [['MUG-RED', mug], ['JUG-BLUE', jug]] as const) {
    await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 0.4 });
    await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 1000 });
    w.db.seedInventory(id, w.location, 1000);
  }
  // Lot and serial items: stock with numbers comes in by an inventory adjustment with inventory detail.
  const lotItem = (type: string, sku: string) => w.db.seed(type, { itemid: sku, [ITEM_FIELDS.scendSku]: sku, [ITEM_FIELDS.skuAligned]: true });
  gas = lotItem('lotnumberedinventoryitem', 'FS-GAS-230');
  gps = lotItem('serializedinventoryitem', 'FS-GPS-TREK');
  const account = w.db.seed('account', { acctname: 'Inventory Adjustments' });
  receive(account, gas, [['LOT-A', 10], ['LOT-B', 10]]);
  receive(account, gps, [['SN-1', 1], ['SN-2', 1], ['SN-3', 1]]);
  for (const [sku, id] of [['FS-GAS-230', gas], ['FS-GPS-TREK', gps]] as const) {
    await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 0.4 });
    await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 100 });
  }
  kit = w.item('MUG-PAIR', { type: 'kititem', members: [[mug, 2], [jug, 1]] });
  // A shipping method mapped to Scend's EXPRESS service.
  express = w.db.seed('shipitem', { itemid: 'Express' });
  w.db.seed(RECORDS.shipMethodMap.id, { [RECORDS.shipMethodMap.fields.shipMethod]: express, [RECORDS.shipMethodMap.fields.courierService]: 'EXPRESS' });
});

function receive(account: number, item: number, numbers: Array<[string, number]>): void {
  const adj = w.sb.record.create({ type: 'inventoryadjustment' });
  adj.setValue({ fieldId: 'account', value: account }).setValue({ fieldId: 'adjlocation', value: w.location });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: item });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line: 0, value: w.location });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: numbers.reduce((n, [, q]) => n + q, 0) });
  const detail = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
  numbers.forEach(([text, quantity], i) => {
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: i, value: text });
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: i, value: quantity });
  });
  adj.save();
}

async function importDespatches(): Promise<void> {
  const run = await w.sb.runMapReduce(DESPATCH);
  expect({ input: run.input.error, map: run.map.errors, summarize: run.summarizeError }).toEqual({ input: null, map: [], summarize: null });
}

const lineOf = (soId: string, item: number): number => {
  const rec = w.sb.record.load({ type: 'salesorder', id: soId });
  for (let i = 0; i < rec.getLineCount({ sublistId: 'item' }); i++) {
    if (Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'item', line: i })) === item) return Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'line', line: i }));
  }
  throw new Error(`item ${item} not on ${soId}`);
};
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

  it('partial despatches make several fulfilments of only what shipped; Pending Billing after the last', async () => {
    const so = await sendOrder(w, 'DSP-PART', [{ item: mug, quantity: 4 }, { item: jug, quantity: 2 }]);
    const mugLine = String(lineOf(so.id, mug));
    const jugLine = String(lineOf(so.id, jug));
    await w.sim.control.despatch(so.scendId, { Lines: [{ LineRef: mugLine, Quantity: 1 }] });
    await importDespatches();
    expect(fulfilmentsOf(w, so.id).map((f) => f.lines)).toEqual([[{ orderline: Number(mugLine), quantity: 1 }]]);
    expect(orderStatus(w, so.id)).toBe('E'); // Pending Billing/Partially Fulfilled
    await w.sim.control.despatch(so.scendId, { Lines: [{ LineRef: mugLine, Quantity: 3 }, { LineRef: jugLine, Quantity: 2 }] });
    await importDespatches();
    const fs = fulfilmentsOf(w, so.id);
    expect(fs).toHaveLength(2);
    expect(fs[1].lines).toEqual(expect.arrayContaining([{ orderline: Number(mugLine), quantity: 3 }, { orderline: Number(jugLine), quantity: 2 }]));
    expect(orderStatus(w, so.id)).toBe('F');
  });

  it('kit members despatched by Scend are rolled up to whole kits on the kit line', async () => {
    const so = await sendOrder(w, 'DSP-KIT', [{ item: kit, quantity: 2 }]);
    const kitLine = lineOf(so.id, kit);
    const order = (await w.scendOrders('DSP-KIT'))[0];
    expect(order.Lines.map((l) => l.LineRef).sort()).toEqual([`${kitLine}.${jug}`, `${kitLine}.${mug}`].sort());
    await w.sim.control.despatch(so.scendId);
    await importDespatches();
    expect(fulfilmentsOf(w, so.id).map((f) => f.lines)).toEqual([[{ orderline: kitLine, quantity: 2 }]]);
    expect(orderStatus(w, so.id)).toBe('F');
    expect(w.db.stockLevel(mug, w.location).onHand).toBeLessThan(1000);
  });

  it('a kit shipped in members that do not make whole kits: an exception, no fulfilment', async () => {
    const so = await sendOrder(w, 'DSP-KIT-PART', [{ item: kit, quantity: 2 }]);
    const kitLine = lineOf(so.id, kit);
    const d = await w.sim.control.despatch(so.scendId, { Lines: [{ LineRef: `${kitLine}.${mug}`, Quantity: 3 }] });
    await importDespatches();
    expect(fulfilmentsOf(w, so.id)).toEqual([]);
    const open = w.exceptions({ open: true }).filter((e) => e.dedupeKey.endsWith((d as { DespatchId: string }).DespatchId));
    expect(open).toEqual([expect.objectContaining({ type: 'Despatch does not match the order', owner: 'Operations' })]);
    expect(open[0].message).toMatch(/whole kits/);
  });

  it('lots and serials go into the inventory detail; the courier service maps back to the ship method', async () => {
    const so = await sendOrder(w, 'DSP-LOTS', [{ item: gas, quantity: 3 }, { item: gps, quantity: 2 }]);
    const gasLine = String(lineOf(so.id, gas));
    const gpsLine = String(lineOf(so.id, gps));
    const before = w.exceptions({ open: true }).length;
    await w.sim.control.despatch(so.scendId, {
      Service: 'EXPRESS',
      Parcels: [
        { Lines: [{ LineRef: gasLine, Quantity: 2, Lot: 'LOT-A' }, { LineRef: gpsLine, Quantity: 2, Serials: ['SN-1', 'SN-3'] }], WeightKg: 2.5 },
        { Lines: [{ LineRef: gasLine, Quantity: 1, Lot: 'LOT-B' }], WeightKg: 1 },
      ],
    });
    await importDespatches();
    expect(w.exceptions({ open: true })).toHaveLength(before);
    const [f] = fulfilmentsOf(w, so.id);
    expect(String(f.shipmethod)).toBe(String(express));
    expect(f.packages.map((p) => Number(p.weight))).toEqual([2.5, 1]);
    const numbers = Array.from(w.db.store.ofType('inventorynumber')).map((r) => ({ n: String(r.data.fields.inventorynumber), item: Number(r.data.fields.item) }));
    expect(numbers.length).toBeGreaterThan(0);
    expect(orderStatus(w, so.id)).toBe('F');
    expect(w.sb.search.create({ type: 'inventorynumber', filters: [['inventorynumber', 'is', 'SN-1']], columns: ['quantityonhand'] }).run().getRange({ start: 0, end: 5 }).map((r: { getValue(o: { name: string }): unknown }) => Number(r.getValue({ name: 'quantityonhand' })))).toEqual([0]);
  });

  it('a key restarted after its fulfilment saved: the rerun\'s save is refused (DUP_RCRD) and counts as done', async () => {
    const so = await sendOrder(w, 'DSP-RESTART', [{ item: mug, quantity: 4 }]);
    const d = (await w.sim.control.despatch(so.scendId, { Lines: [{ LineRef: String(lineOf(so.id, mug)), Quantity: 1 }] })) as { DespatchId: string };
    const before = w.exceptions({ open: true }).length;
    const run = await w.sb.runMapReduce(DESPATCH, { restart: { stage: 'map', key: d.DespatchId, afterGovernedCalls: 2 } });
    expect(run.restarts).toHaveLength(1);
    expect(run.usage.filter((u) => u.entryPoint === 'map' && u.key === d.DespatchId).length).toBe(2);
    expect(fulfilmentsOf(w, so.id)).toHaveLength(1);
    expect(orderStatus(w, so.id)).toBe('E');
    expect(w.exceptions({ open: true })).toHaveLength(before);
  });

  it('a replayed feed (position lost) makes no second fulfilment, and costs no transform', async () => {
    const before = Array.from(w.db.store.ofType('itemfulfillment')).length;
    const exceptionsBefore = w.exceptions({ open: true }).length;
    // The stored position is gone: the next run reads every despatch again from the start.
    for (const rec of Array.from(w.db.store.ofType(RECORDS.feedCursor.id))) w.sb.record.delete({ type: RECORDS.feedCursor.id, id: rec.id });
    const run = await w.sb.runMapReduce(DESPATCH);
    const keys = run.usage.filter((u) => u.entryPoint === 'map' && u.key !== '~feed-position');
    expect(keys.length).toBeGreaterThan(5);
    expect(Array.from(w.db.store.ofType('itemfulfillment'))).toHaveLength(before);
    expect(w.exceptions({ open: true }).length).toBe(exceptionsBefore);
    // Despatches already recorded are found by the batch's one query: their keys spend nothing.
    const recorded = keys.filter((u) => u.units === 0);
    expect(recorded.length).toBeGreaterThanOrEqual(before);
  });

  it('stays within 32 units per despatch (floor 30: transform 10 + save 20)', async () => {
    const so = await sendOrder(w, 'DSP-UNITS', [{ item: mug, quantity: 1 }]);
    await w.sim.control.despatch(so.scendId);
    const run = await w.sb.runMapReduce(DESPATCH);
    const keys = run.usage.filter((u) => u.entryPoint === 'map' && u.key !== '~feed-position');
    expect(keys).toHaveLength(1);
    expect(keys[0].units).toBeLessThanOrEqual(32);
  });
});
