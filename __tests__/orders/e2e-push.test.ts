import { approve, createOrder, ledger, openExceptions, startOrderWorld, type OrderWorld } from './support/order-world';

let w: OrderWorld;
let mug: number;
beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
});
afterAll(async () => {
  await w?.close();
});

describe('approving a sales order in the sandbox pushes it to the Scend simulator', () => {
  it('sends an approved order exactly once and records Scend\'s id on the ledger', async () => {
    const id = createOrder(w, { lines: [{ item: mug, quantity: 2 }], externalid: 'SHOP-1' });
    approve(w, id);
    const orders = await w.scendOrders('SHOP-1');
    expect(orders).toHaveLength(1);
    expect(orders[0].Lines).toEqual([expect.objectContaining({ Sku: 'MUG-RED', Quantity: 2 })]);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent', scendId: orders[0].OrderId });
    console.log(JSON.stringify(w.sb.usageOf({}).map((u) => [u.entryPoint, u.units])));
  });
});
