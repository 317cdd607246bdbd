/**
 * End to end: Scend's receipts feed becomes item receipts (transform of the purchase/transfer
 * order), once per ReceiptId, with variances for finance — in the sandbox against the simulator.
 * NetSuite Help: "Receiving a Purchase Order" / "record.transform(options)" (item receipt from a
 * purchase or transfer order; more than remains is refused unless overage is allowed).
 */
import { SCRIPTS } from '../../src/ts/ids';
import {
  asnLedger,
  createPurchaseOrder,
  createTransferOrder,
  lineReceived,
  receiptsOf,
  shipTransfer,
  startInboundWorld,
  type InboundWorld,
} from './support/inbound-world';

const IMPORT = SCRIPTS.receiptImport.deployments.main;
let w: InboundWorld;
let tent: number;
let stove: number;
let gas: number;

beforeAll(async () => {
  w = await startInboundWorld();
  tent = await w.item('TENT-2P');
  stove = await w.item('STOVE-1');
  gas = await w.item('GAS-230', { type: 'lotnumberedinventoryitem' });
});
afterAll(async () => {
  await w?.close();
});

const asnOf = (docId: string): string => asnLedger(w, docId)[0].scendId;
const varianceFor = (receiptId: string) => w.exceptions({ open: true }).filter((e) => e.dedupeKey === `receiptVariance:receipt:${receiptId}`);
const runImport = () => w.sb.runMapReduce(IMPORT);

describe('receipts → item receipts', () => {
  it('a short receipt then the rest: two item receipts, received quantities per line, keyed by ReceiptId', async () => {
    const po = createPurchaseOrder(w, [{ item: tent, quantity: 10 }, { item: stove, quantity: 4 }]);
    const first = await w.sim.control.receiveAsn(asnOf(po), { Mode: 'short' });
    await runImport();
    expect(lineReceived(w, 'purchaseorder', po)).toEqual([5, 2]);
    const second = await w.sim.control.receiveAsn(asnOf(po), { Mode: 'full' });
    await runImport();
    expect(lineReceived(w, 'purchaseorder', po)).toEqual([10, 4]);
    expect(receiptsOf(w, po).map((r) => r.externalid).sort()).toEqual([`receipt:${first.ReceiptId}`, `receipt:${second.ReceiptId}`].sort());
    expect(w.db.stockLevel(tent, w.location).onHand).toBe(10);
    expect(varianceFor(first.ReceiptId)).toHaveLength(0);
    expect(varianceFor(second.ReceiptId)).toHaveLength(0);
    // The PO is fully received (NetSuite: Pending Bill).
    expect(String(w.sb.record.load({ type: 'purchaseorder', id: po }).getValue({ fieldId: 'orderstatus' }))).toBe('F');
  });

  it('over-receipt and damaged units: only good units up to the open quantity are received; finance gets the figures', async () => {
    const po = createPurchaseOrder(w, [{ item: tent, quantity: 6 }, { item: stove, quantity: 5 }]);
    const asn = (await w.sim.control.asn(asnOf(po))) as { Lines: Array<{ LineRef: string }> };
    const [l1, l2] = asn.Lines.map((l) => l.LineRef);
    const r = await w.sim.control.receiveAsn(asnOf(po), { Lines: [{ LineRef: l1, QuantityReceived: 8 }, { LineRef: l2, QuantityReceived: 5, QuantityDamaged: 2 }] });
    await runImport();
    expect(lineReceived(w, 'purchaseorder', po)).toEqual([6, 3]);
    const [variance] = varianceFor(r.ReceiptId);
    expect(variance.owner).toMatch(/finance/i);
    expect(variance.message).toContain('TENT-2P (line ' + l1 + '): received 8, damaged 0, booked 6, over by 2');
    expect(variance.message).toContain('STOVE-1 (line ' + l2 + '): received 5, damaged 2, booked 3');
  });

  it('receipts of an already fully received line book nothing more (NetSuite allows no more) and say so', async () => {
    const po = createPurchaseOrder(w, [{ item: stove, quantity: 2 }]);
    await w.sim.control.receiveAsn(asnOf(po), { Mode: 'full' });
    await runImport();
    const extra = await w.sim.control.receiveAsn(asnOf(po), { Mode: 'over' });
    await runImport();
    expect(lineReceived(w, 'purchaseorder', po)).toEqual([2]);
    expect(receiptsOf(w, po)).toHaveLength(1);
    expect(varianceFor(extra.ReceiptId)[0].message).toMatch(/booked 0, over by/);
  });

  it('lots: a lot-numbered item is received with the lot Scend booked', async () => {
    const po = createPurchaseOrder(w, [{ item: gas, quantity: 12 }]);
    const r = await w.sim.control.receiveAsn(asnOf(po), { Mode: 'full' });
    await runImport();
    expect(lineReceived(w, 'purchaseorder', po)).toEqual([12]);
    const lot = r.Lines[0].Lot as string;
    expect(lot).toBeTruthy();
    const rows = w.sb.search.create({ type: 'inventorynumber', filters: [['item', 'anyof', gas]], columns: ['inventorynumber', 'quantityonhand'] }).run().getRange({ start: 0, end: 10 }) as Array<{ getValue(n: string): unknown }>;
    expect(rows.map((x) => [x.getValue('inventorynumber'), Number(x.getValue('quantityonhand'))])).toEqual([[lot, 12]]);
  });

  it('a transfer order is received at its destination for what was shipped', async () => {
    w.db.seedInventory(tent, w.store, 20);
    const to = createTransferOrder(w, [{ item: tent, quantity: 4 }]);
    shipTransfer(w, to);
    await w.sim.control.receiveAsn(asnOf(to), { Mode: 'full' });
    const before = w.db.stockLevel(tent, w.location).onHand;
    await runImport();
    expect(lineReceived(w, 'transferorder', to)).toEqual([4]);
    expect(w.db.stockLevel(tent, w.location).onHand).toBe(before + 4);
  });

  it('a receipt for a reference the connector never announced books nothing and tells finance', async () => {
    // An ASN someone created in Scend by hand.
    const res = await fetch(`${w.sim.url}/v1/asns`, {
      method: 'POST',
      headers: { 'X-Api-Key': w.sim.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ClientReference: 'MANUAL-1', Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'TENT-2P', QuantityExpected: 3 }] }),
    });
    const { AsnId } = (await res.json()) as { AsnId: string };
    const r = await w.sim.control.receiveAsn(AsnId, { Mode: 'full' });
    await runImport();
    expect(varianceFor(r.ReceiptId)[0].message).toMatch(/no ASN the connector sent/);
  });
});
