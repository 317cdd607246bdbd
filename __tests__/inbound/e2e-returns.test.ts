/**
 * End to end: Scend's returns feed receives the order's open return authorization (item receipt
 * transformed from it, once per ReturnId), restocking or not by condition; a return without an
 * authorization goes to customer service. NetSuite Help: "Receiving a Return" (item receipt from
 * a return authorization), "record.transform(options)".
 */
import { SCRIPTS } from '../../src/ts/ids';
import {
  createReturnAuthorization,
  createSalesOrder,
  despatchInScend,
  lineReceived,
  receiptsOf,
  startInboundWorld,
  type InboundWorld,
} from './support/inbound-world';

const IMPORT = SCRIPTS.returnImport.deployments.main;
const DAMAGED_PARAM = SCRIPTS.returnImport.params.damagedLocation;
let w: InboundWorld;
let boots: number;
let socks: number;
let damagedBay: number;

beforeAll(async () => {
  w = await startInboundWorld();
  boots = await w.item('BOOT-42');
  socks = await w.item('SOCK-M');
  damagedBay = w.db.seed('location', { name: 'Damaged returns bay' });
});
afterAll(async () => {
  await w?.close();
});

const csException = (returnId: string) => w.exceptions({ open: true }).filter((e) => e.dedupeKey === `returnWithoutAuthorization:return:${returnId}`);

async function shippedOrder(ref: string): Promise<{ so: string; orderId: string }> {
  const so = createSalesOrder(w, [{ item: boots, quantity: 3 }, { item: socks, quantity: 4 }], ref);
  const orderId = await despatchInScend(w, ref, ['BOOT-42', 'SOCK-M']);
  return { so, orderId };
}

describe('returns → return authorization receipts', () => {
  it('RESTOCK units are received on the open authorization; DAMAGED ones are not received without a damaged-returns location', async () => {
    const { so, orderId } = await shippedOrder('SHOP-R1');
    const ra = createReturnAuthorization(w, so, [{ item: boots, quantity: 2 }]);
    const ret = await w.sim.control.bookReturn({ OrderId: orderId, Lines: [{ Sku: 'BOOT-42', Quantity: 1, Condition: 'RESTOCK' }, { Sku: 'BOOT-42', Quantity: 1, Condition: 'DAMAGED', Reason: 'sole split' }] });
    const before = w.db.stockLevel(boots, w.location).onHand;
    await w.sb.runMapReduce(IMPORT);
    expect(lineReceived(w, 'returnauthorization', ra)).toEqual([1]);
    const [receipt] = receiptsOf(w, ra);
    expect(receipt.externalid).toBe(`return:${ret.ReturnId}`);
    expect(w.db.stockLevel(boots, w.location).onHand).toBe(before + 1);
    expect(String(w.sb.record.load({ type: 'itemreceipt', id: receipt.id }).getValue({ fieldId: 'memo' }))).toContain('1 × BOOT-42 damaged, not received');
    expect(csException(ret.ReturnId)).toHaveLength(0);
  });

  it('with a damaged-returns location configured, DAMAGED units are received there, not to sellable stock', async () => {
    const { so, orderId } = await shippedOrder('SHOP-R2');
    const ra = createReturnAuthorization(w, so, [{ item: socks, quantity: 3 }]);
    const ret = await w.sim.control.bookReturn({ OrderId: orderId, Lines: [{ Sku: 'SOCK-M', Quantity: 2, Condition: 'RESTOCK' }, { Sku: 'SOCK-M', Quantity: 1, Condition: 'DAMAGED' }] });
    const sellable = w.db.stockLevel(socks, w.location).onHand;
    await w.sb.runMapReduce(IMPORT, { params: { [DAMAGED_PARAM]: damagedBay } });
    expect(lineReceived(w, 'returnauthorization', ra)).toEqual([3]);
    expect(w.db.stockLevel(socks, w.location).onHand).toBe(sellable + 2);
    expect(w.db.stockLevel(socks, damagedBay).onHand).toBe(1);
    expect(receiptsOf(w, ra).map((r) => r.externalid).sort()).toEqual([`return:${ret.ReturnId}`, `return:${ret.ReturnId}:damaged`]);
  });

  it('a return for an order with no open authorization becomes a customer-service exception with what arrived', async () => {
    const { so, orderId } = await shippedOrder('SHOP-R3');
    const ret = await w.sim.control.bookReturn({ OrderId: orderId, Lines: [{ Sku: 'SOCK-M', Quantity: 2, Condition: 'RESTOCK', Reason: 'wrong size' }] });
    await w.sb.runMapReduce(IMPORT);
    const [e] = csException(ret.ReturnId);
    expect(e.owner).toMatch(/customer/i);
    expect(e.message).toContain('no open return authorization');
    expect(e.message).toContain('2 × SOCK-M RESTOCK (wrong size)');
    void so;
  });

  it('units beyond the authorization are received up to it and the rest reported', async () => {
    const { so, orderId } = await shippedOrder('SHOP-R4');
    const ra = createReturnAuthorization(w, so, [{ item: boots, quantity: 1 }]);
    const ret = await w.sim.control.bookReturn({ OrderId: orderId, Lines: [{ Sku: 'BOOT-42', Quantity: 2, Condition: 'RESTOCK' }, { Sku: 'SOCK-M', Quantity: 1, Condition: 'RESTOCK' }] });
    await w.sb.runMapReduce(IMPORT);
    expect(lineReceived(w, 'returnauthorization', ra)).toEqual([1]);
    const [e] = csException(ret.ReturnId);
    expect(e.message).toContain('1 × BOOT-42 RESTOCK: more than the authorization has open');
    expect(e.message).toContain('1 × SOCK-M RESTOCK: not on the return authorization');
  });
});
