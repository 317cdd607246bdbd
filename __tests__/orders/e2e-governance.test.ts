/** Governance of the push path, measured by the sandbox's unit accounting. */
import { SCRIPTS } from '../../src/ts/ids';
import { approve, createOrder, startOrderWorld, type OrderWorld } from './support/order-world';

let w: OrderWorld;
const skus: number[] = [];
beforeAll(async () => {
  w = await startOrderWorld();
  for (let i = 0; i < 25; i++) {
    const id = w.item(`SKU-${i}`);
    skus.push(id);
    await w.sim.control.upsertProduct({ Sku: `SKU-${i}`, ExternalId: String(id), Name: `Item ${i}`, WeightKg: 0.1 });
  }
});
afterAll(async () => {
  await w?.close();
});

const pushUnits = () => w.sb.usageOf({ scriptId: SCRIPTS.orderUserEvent.id, entryPoint: 'afterSubmit' }).slice(-1)[0].units;

describe('governance per pushed order', () => {
  it('costs at most 30 units for a typical order once config and list ids are cached', async () => {
    const warm = createOrder(w, { lines: [{ item: skus[0], quantity: 1 }], externalid: 'G-0' });
    approve(w, warm);
    const units: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const id = createOrder(w, { lines: [{ item: skus[i], quantity: 1 }, { item: skus[i + 5], quantity: 2 }], externalid: `G-${i}` });
      approve(w, id);
      units.push(pushUnits());
    }
    expect(Math.max(...units)).toBeLessThanOrEqual(30);
    expect((await w.scendOrders()).length).toBeGreaterThanOrEqual(6);
  });

  it('keeps a 500-line order well inside the user event\'s 1,000 units', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => ({ item: skus[i % skus.length], quantity: 1 + (i % 3) }));
    const id = createOrder(w, { lines, externalid: 'G-BIG' });
    approve(w, id);
    const [order] = await w.scendOrders('G-BIG');
    expect(order.Lines).toHaveLength(500);
    expect(pushUnits()).toBeLessThanOrEqual(100);
  });
});
