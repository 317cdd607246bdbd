/**
 * End to end: the built user event and backlog map/reduce in the NetSuite sandbox, against the
 * Scend simulator in its default mode (a second order with the same ClientReference is accepted).
 */
import {
  approve,
  approveButton,
  createOrder,
  GOOD_ADDRESS,
  ledger,
  makeDue,
  openExceptions,
  startOrderWorld,
  type OrderWorld,
} from './support/order-world';
import { SCRIPTS } from '../../src/ts/ids';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
let w: OrderWorld;
let mug: number;
let ebook: number;
let wrap: number;
let renamed: number;

beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  ebook = w.item('EBOOK', { type: 'downloaditem', inScend: false });
  wrap = w.item('GIFT-WRAP', { type: 'serviceitem', inScend: false });
  renamed = w.item('MUG-GREEN', { inScend: false });
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
});
afterAll(async () => {
  await w?.close();
});
afterEach(async () => {
  await w.sim.control.clearFaults();
});

const unitsOfLastPush = () => w.sb.usageOf({ scriptId: SCRIPTS.orderUserEvent.id, entryPoint: 'afterSubmit' }).slice(-1)[0].units;

describe('approving sales orders (user event, sandbox → simulator)', () => {
  it('sends an approved order exactly once, only its physical lines, and records Scend\'s id on the ledger', async () => {
    const id = createOrder(w, { lines: [{ item: mug, quantity: 2 }, { item: wrap, quantity: 1 }, { item: ebook, quantity: 1 }], externalid: 'SHOP-1' });
    approve(w, id);
    const orders = await w.scendOrders('SHOP-1');
    expect(orders).toHaveLength(1);
    expect(orders[0].Lines).toEqual([expect.objectContaining({ Sku: 'MUG-RED', Quantity: 2 })]);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent', scendId: orders[0].OrderId });
    // Approving again (an edit) does not send again.
    const rec = w.sb.record.load({ type: 'salesorder', id });
    rec.setValue({ fieldId: 'memo', value: 'call before delivery' });
    rec.save();
    expect(await w.scendOrders('SHOP-1')).toHaveLength(1);
  });

  it('pushes on the Approve button too, within the governance target', async () => {
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SHOP-2' });
    approveButton(w, id);
    expect(await w.scendOrders('SHOP-2')).toHaveLength(1);
    expect(unitsOfLastPush()).toBeLessThanOrEqual(30);
  });

  it('does not send an order with nothing physical, and raises no exception', async () => {
    const before = openExceptions(w).length;
    const id = createOrder(w, { lines: [{ item: ebook, quantity: 1 }], externalid: 'SHOP-3', status: 'B' });
    expect(await w.scendOrders('SHOP-3')).toHaveLength(0);
    expect(ledger(w, id)).toMatchObject({ state: 'Skipped (nothing to ship)' });
    expect(openExceptions(w)).toHaveLength(before);
  });

  it('holds an order with an incomplete address and tells customer service', async () => {
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SHOP-4', status: 'B', address: { addressee: 'Ada', country: 'GB' } });
    expect(await w.scendOrders('SHOP-4')).toHaveLength(0);
    expect(openExceptions(w).filter((e) => e.dedupeKey === `missingAddress:order:${id}`)).toEqual([
      expect.objectContaining({ owner: 'Customer service', message: expect.stringContaining('address line 1, city, postcode') }),
    ]);
  });

  it('holds an order for an item Scend does not know, for operations, and sends it once the item is synced', async () => {
    const id = createOrder(w, { lines: [{ item: renamed, quantity: 1 }], externalid: 'SHOP-5', status: 'B' });
    expect(await w.scendOrders('SHOP-5')).toHaveLength(0);
    expect(openExceptions(w).map((e) => [e.dedupeKey, e.owner])).toContainEqual([`unmappedSku:order:${id}`, 'Operations']);
    // The item master catches up: Scend has the product, NetSuite records the SKU Scend accepted.
    await w.sim.control.upsertProduct({ Sku: 'MUG-GREEN', ExternalId: String(renamed), Name: 'Green mug', WeightKg: 0.4 });
    // Written straight into the stored item (no user events): this test is about the order, not the item master.
    const stored = (w.sb.data.db as { getStored(t: string, id: number): { data: { fields: Record<string, unknown> } } }).getStored('inventoryitem', renamed);
    Object.assign(stored.data.fields, { custitem_scend_sku: 'MUG-GREEN', custitem_scend_sku_aligned: true });
    makeDue(w, id);
    const run = await w.sb.runMapReduce(BACKLOG);
    expect([run.input.error, run.map.errors, run.summarizeError]).toEqual([null, [], null]);
    expect(await w.scendOrders('SHOP-5')).toHaveLength(1);
    expect(openExceptions(w).filter((e) => e.dedupeKey.endsWith(`:order:${id}`))).toEqual([]);
  });
});

describe('the backlog', () => {
  it('sends approved orders the user event never saw (CSV import outside its contexts)', async () => {
    // Saved without user events, as a CSV import the deployment did not cover would.
    const db = w.sb.data.db as { seed(type: string, v: Record<string, unknown>): number };
    const id = db.seed('salesorder', {
      fields: { entity: w.customer, location: w.location, orderstatus: 'B', externalid: 'CSV-1', tranid: 'SO-CSV-1', trandate: new Date() },
      sublists: { item: [{ item: mug, quantity: 4 }] },
      subrecords: { shippingaddress: GOOD_ADDRESS },
    });
    expect(ledger(w, String(id))).toBeUndefined();
    const run = await w.sb.runMapReduce(BACKLOG);
    expect(run.map.errors).toEqual([]);
    expect(await w.scendOrders('CSV-1')).toEqual([expect.objectContaining({ Lines: [expect.objectContaining({ Sku: 'MUG-RED', Quantity: 4 })] })]);
  });
});

describe('Scend failures at approval', () => {
  it('approves the order while Scend is down; the backlog sends it later', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SHOP-6' });
    approve(w, id);
    expect(w.sb.record.load({ type: 'salesorder', id }).getValue({ fieldId: 'orderstatus' })).toBe('B');
    expect(await w.scendOrders('SHOP-6')).toHaveLength(0);
    await w.sim.control.clearFaults();
    makeDue(w, id);
    await w.sb.runMapReduce(BACKLOG);
    expect(await w.scendOrders('SHOP-6')).toHaveLength(1);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
  });

  it('creates exactly one Scend order when the POST commits and then fails', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'commitThenFail', then: 'status', status: 500 } });
    const id = createOrder(w, { lines: [{ item: mug, quantity: 3 }], externalid: 'SHOP-7' });
    approve(w, id);
    expect(ledger(w, id)).toMatchObject({ state: 'Sending' });
    makeDue(w, id);
    await w.sb.runMapReduce(BACKLOG);
    const orders = await w.scendOrders('SHOP-7');
    expect(orders).toHaveLength(1);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent', scendId: orders[0].OrderId });
  });

  it.each([1, 2, 3, 4, 5])('never sends two Scend orders for one sales order when the backlog restarts at random points (seed %i)', async (seed) => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const ids = [0, 1, 2].map((i) => {
      const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: `SHOP-R${seed}-${i}` });
      approve(w, id);
      return id;
    });
    await w.sim.control.clearFaults();
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'commitThenFail', then: 'drop' } });
    for (const id of ids) makeDue(w, id);
    const first = await w.sb.runMapReduce(BACKLOG, { restart: [{ random: true }, { random: true }] });
    for (const id of ids) makeDue(w, id);
    const second = await w.sb.runMapReduce(BACKLOG, { restart: { random: true } });
    expect(first.restarts.length + second.restarts.length).toBeGreaterThan(0);
    for (const id of ids) makeDue(w, id);
    await w.sb.runMapReduce(BACKLOG);
    for (let i = 0; i < 3; i++) expect(await w.scendOrders(`SHOP-R${seed}-${i}`)).toHaveLength(1);
  });
});
