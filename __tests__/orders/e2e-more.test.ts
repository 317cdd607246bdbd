/**
 * End to end (built bundle in the sandbox → Scend simulator): amending sent orders, and cancelling under the allow-and-flag unreachable policy.
 */
import { RECORDS } from '../../src/ts/ids';
import { approve, cancelButton, createOrder, ledger, openExceptions, orderStatus, startOrderWorld, type OrderWorld } from './support/order-world';

async function stockedWorld(options: Parameters<typeof startOrderWorld>[0] = {}): Promise<{ w: OrderWorld; mug: number; jug: number }> {
  const w = await startOrderWorld(options);
  const mug = w.item('MUG-RED');
  const jug = w.item('JUG-BLUE');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  await w.sim.control.upsertProduct({ Sku: 'JUG-BLUE', ExternalId: String(jug), Name: 'Blue jug', WeightKg: 0.9 });
  await w.sim.control.setStock({ Sku: 'MUG-RED', Warehouse: 'UK1', OnHand: 1000 });
  await w.sim.control.setStock({ Sku: 'JUG-BLUE', Warehouse: 'UK1', OnHand: 1000 });
  return { w, mug, jug };
}

async function sentOrder(w: OrderWorld, ref: string, lines: Array<{ item: number; quantity: number }>): Promise<{ id: string; scendId: string }> {
  const id = createOrder(w, { lines, externalid: ref });
  approve(w, id);
  const orders = await w.scendOrders(ref);
  expect(orders).toHaveLength(1);
  return { id, scendId: orders[0].OrderId };
}

/** A UI edit setting new quantities on existing lines (user events fire). */
function editQuantities(w: OrderWorld, id: string, quantities: number[]): void {
  const rec = w.sb.record.load({ type: 'salesorder', id });
  quantities.forEach((q, line) => rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: q }));
  rec.save();
}

const quantitiesBySku = (lines: Array<{ Sku: string; Quantity: number }>): Record<string, number> =>
  Object.fromEntries(lines.map((l) => [l.Sku, l.Quantity]));

describe('editing orders Scend already holds', () => {
  let w: OrderWorld;
  let mug: number;
  let jug: number;
  beforeAll(async () => {
    ({ w, mug, jug } = await stockedWorld());
  });
  afterAll(async () => {
    await w?.close();
  });
  afterEach(async () => {
    await w.sim.control.clearFaults();
  });

  it('amends the Scend order when a sent order\'s quantities are edited while Scend still has it RECEIVED', async () => {
    const { id, scendId } = await sentOrder(w, 'AM-1', [{ item: mug, quantity: 2 }, { item: jug, quantity: 1 }]);
    expect((await w.sim.control.order(scendId)).Status).toBe('RECEIVED');
    editQuantities(w, id, [5, 3]);
    const [order] = await w.scendOrders('AM-1');
    expect(order.OrderId).toBe(scendId);
    expect(quantitiesBySku(order.Lines)).toEqual({ 'MUG-RED': 5, 'JUG-BLUE': 3 });
    expect(await w.scendOrders('AM-1')).toHaveLength(1);
    expect(openExceptions(w).filter((e) => e.dedupeKey.endsWith(`:order:${id}`))).toEqual([]);
  });

  it('raises an amendment-conflict exception for operations saying what differs once Scend has released and picked the order', async () => {
    const { id, scendId } = await sentOrder(w, 'AM-2', [{ item: mug, quantity: 2 }, { item: jug, quantity: 1 }]);
    await w.sim.control.release(scendId);
    await w.sim.control.pick(scendId);
    editQuantities(w, id, [7, 1]);
    // Scend keeps what the warehouse is working on.
    expect(quantitiesBySku((await w.scendOrders('AM-2'))[0].Lines)).toEqual({ 'MUG-RED': 2, 'JUG-BLUE': 1 });
    const conflicts = openExceptions(w).filter((e) => e.dedupeKey === `amendConflict:order:${id}`);
    expect(conflicts).toEqual([expect.objectContaining({ owner: 'Operations' })]);
    expect(conflicts[0].message).toMatch(/MUG-RED/);
    expect(conflicts[0].message).toMatch(/\b7\b/);
    expect(conflicts[0].message).toMatch(/\b2\b/);
    expect(conflicts[0].message).not.toMatch(/JUG-BLUE/);
  });
});

describe('cancelling under the allow-and-flag unreachable policy', () => {
  let w: OrderWorld;
  let mug: number;
  beforeAll(async () => {
    ({ w, mug } = await stockedWorld({ unreachablePolicy: 'allowAndFlag' }));
  });
  afterAll(async () => {
    await w?.close();
  });

  it('cancels in NetSuite while Scend is unreachable, tells customer service, and the backlog cancels it in Scend once it answers', async () => {
    const { id } = await sentOrder(w, 'CF-1', [{ item: mug, quantity: 1 }]);
    await w.sim.control.addFault({ method: '*', path: '/v1/orders/{OrderId}', action: { kind: 'status', status: 503 } });
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders/{OrderId}/cancel', action: { kind: 'status', status: 503 } });
    expect(() => cancelButton(w, id)).not.toThrow();
    expect(orderStatus(w, id)).toBe('C');
    expect((await w.scendOrders('CF-1'))[0].Status).not.toBe('CANCELLED');
    // The ledger stays open so the backlog finishes the job in Scend.
    expect(ledger(w, id)).toMatchObject({ state: 'Waiting to retry' });
    expect(openExceptions(w).filter((e) => e.dedupeKey === `cancelConflict:order:${id}`)).toEqual([
      expect.objectContaining({ owner: 'Customer service', message: expect.stringMatching(/could not be reached.*cancel it there/s) }),
    ]);

    await w.sim.control.clearFaults();
    w.sb.clock.advance(24 * 3600_000);
    await w.sb.runMapReduce('customdeploy_scend_mr_order_backlog');
    expect((await w.scendOrders('CF-1'))[0].Status).toBe('CANCELLED');
    expect(ledger(w, id)).toMatchObject({ state: 'Cancelled' });
    expect(openExceptions(w).filter((e) => e.dedupeKey === `cancelConflict:order:${id}`)).toEqual([]);
  });
});

describe('orders Scend never received', () => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('raises one stalled exception for the admin once an approved order is unsent past the configured age, and no second on the next run', async () => {
    const item = world.item('STALL-1');
    await world.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = createOrder(world, { lines: [{ item, quantity: 1 }] });
    approve(world, id);
    await world.sb.runMapReduce('customdeploy_scend_mr_order_backlog');
    expect(openExceptions(world).filter((e) => e.dedupeKey === `stalled:order:${id}`)).toEqual([]);

    world.sb.clock.advance(4 * 3600_000 + 60_000); // the default stalled age is 4 hours
    await world.sb.runMapReduce('customdeploy_scend_mr_order_backlog');
    await world.sb.runMapReduce('customdeploy_scend_mr_order_backlog');
    const stalled = openExceptions(world).filter((e) => e.dedupeKey === `stalled:order:${id}`);
    expect(stalled).toHaveLength(1);
    expect(stalled[0]).toMatchObject({ owner: 'Integration admin' });
    expect((await world.scendOrders()).length).toBe(0);
  });
});

describe('an unusable configuration', () => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('never fails the approval: the admin gets one configuration exception, and the backlog sends the order once it is fixed', async () => {
    const secretField = RECORDS.config.fields.secretId;
    world.sb.record.submitFields({ type: RECORDS.config.id, id: world.configId, values: { [secretField]: 'the-api-key-itself' } });
    const item = world.item('CFG-1');
    await world.sim.control.upsertProduct({ Sku: 'CFG-1', ExternalId: String(item), Name: 'Config test', WeightKg: 1 });
    const first = createOrder(world, { lines: [{ item, quantity: 1 }], externalid: 'CFG-ORDER-1' });
    const second = createOrder(world, { lines: [{ item, quantity: 2 }], externalid: 'CFG-ORDER-2' });
    expect(() => approve(world, first)).not.toThrow();
    expect(() => approve(world, second)).not.toThrow();
    expect(orderStatus(world, first)).toBe('B');
    const raised = openExceptions(world).filter((e) => e.dedupeKey === 'configuration:connector:config');
    expect(raised).toEqual([expect.objectContaining({ owner: 'Integration admin', message: expect.stringContaining('secretId') })]);
    expect(await world.scendOrders()).toHaveLength(0);

    world.sb.record.submitFields({ type: RECORDS.config.id, id: world.configId, values: { [secretField]: 'custsecret_scend_api_key' } });
    await world.sb.runMapReduce('customdeploy_scend_mr_order_backlog');
    expect((await world.scendOrders()).map((o) => o.ClientReference).sort()).toEqual(['CFG-ORDER-1', 'CFG-ORDER-2']);
    expect(openExceptions(world).filter((e) => e.dedupeKey === 'configuration:connector:config')).toEqual([]);
  });
});
