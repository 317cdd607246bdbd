/**
 * End to end: cancelling approved orders that Scend holds. The user event checks Scend's live
 * status before the save (beforeSubmit) and cancels in Scend only once NetSuite committed (afterSubmit).
 */
import { approve, cancelButton, createOrder, ledger, openExceptions, orderStatus, startOrderWorld, type OrderWorld } from './support/order-world';

let w: OrderWorld;
let mug: number;
beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  await w.sim.control.setStock({ Sku: 'MUG-RED', Warehouse: 'UK1', OnHand: 1000 });
});
afterAll(async () => {
  await w?.close();
});
afterEach(async () => {
  await w.sim.control.clearFaults();
});

async function sentOrder(ref: string): Promise<{ id: string; scendId: string }> {
  const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: ref });
  approve(w, id);
  const [order] = await w.scendOrders(ref);
  return { id, scendId: order.OrderId };
}

describe('cancelling an order Scend holds', () => {
  it('cancels it in Scend before packing, and NetSuite cancels too', async () => {
    const { id } = await sentOrder('C-1');
    cancelButton(w, id);
    expect(orderStatus(w, id)).toBe('C');
    expect((await w.scendOrders('C-1'))[0].Status).toBe('CANCELLED');
    expect(ledger(w, id)).toMatchObject({ state: 'Cancelled' });
  });

  it('refuses once packing has started, with a message for customer service and a conflict exception', async () => {
    const { id, scendId } = await sentOrder('C-2');
    await w.sim.control.release(scendId);
    await w.sim.control.pick(scendId);
    await w.sim.control.pack(scendId);
    expect(() => cancelButton(w, id)).toThrow(/already packing.*Do not refund.*raise a return/s);
    expect(orderStatus(w, id)).toBe('B');
    expect((await w.scendOrders('C-2'))[0].Status).not.toBe('CANCELLED');
    expect(openExceptions(w).filter((e) => e.dedupeKey === `cancelConflict:order:${id}`)).toEqual([
      expect.objectContaining({ owner: 'Customer service' }),
    ]);
  });

  it('refuses when Scend cannot be asked for the live status (default policy), changing nothing on either side', async () => {
    const { id } = await sentOrder('C-3');
    await w.sim.control.addFault({ method: 'GET', path: '/v1/orders/{OrderId}', action: { kind: 'status', status: 503 } });
    expect(() => cancelButton(w, id)).toThrow(/could not be reached/);
    expect(orderStatus(w, id)).toBe('B');
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
    expect((await w.scendOrders('C-3'))[0].Status).toBe('RECEIVED');
  });

  it('when the save itself fails after the check, Scend is not cancelled: both sides still have a live order', async () => {
    const { id } = await sentOrder('C-4');
    // A user closes the order from a copy someone else has saved since: the connector's check runs
    // (beforeSubmit), then NetSuite refuses the save (RCRD_HAS_BEEN_CHANGED).
    const stale = w.sb.record.load({ type: 'salesorder', id });
    w.sb.record.submitFields({ type: 'salesorder', id, values: { memo: 'changed by someone else' } });
    stale.setValue({ fieldId: 'orderstatus', value: 'H' });
    expect(() => stale.save()).toThrow(expect.objectContaining({ name: 'RCRD_HAS_BEEN_CHANGED' }));
    expect(orderStatus(w, id)).toBe('B');
    expect((await w.scendOrders('C-4'))[0].Status).toBe('RECEIVED');
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
  });
});
