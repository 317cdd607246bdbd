/**
 * End to end: approving purchase orders and transfer orders to a Scend location sends one ASN
 * each (user event, then the ASN backlog for what failed), in the sandbox against the simulator.
 */
import { SCRIPTS } from '../../src/ts/ids';
import { approveDoc, asnLedger, createPurchaseOrder, createTransferOrder, startInboundWorld, tranId, type InboundWorld } from './support/inbound-world';

let w: InboundWorld;
let tent: number;
let stove: number;

interface SimAsn { AsnId: string; ClientReference: string; Warehouse: string; Lines: Array<{ LineRef: string; Sku: string; QuantityExpected: number }> }

beforeAll(async () => {
  w = await startInboundWorld();
  tent = await w.item('TENT-2P');
  stove = await w.item('STOVE-1');
});
afterAll(async () => {
  await w?.close();
});
afterEach(async () => {
  await w.sim.control.clearFaults();
});


describe('ASNs for purchase orders and transfer orders', () => {
  it('sends an approved purchase order once, with the document number as ClientReference and line ids as LineRefs', async () => {
    const id = createPurchaseOrder(w, [{ item: tent, quantity: 10 }, { item: stove, quantity: 4 }], { status: 'A' });
    expect(asnLedger(w, id)).toEqual([]); // pending approval: nothing sent
    approveDoc(w, 'purchaseorder', id);
    const [entry] = asnLedger(w, id);
    expect(entry).toMatchObject({ key: `asn:${id}`, state: 'Sent', attempts: 1 });
    const asn = (await w.sim.control.asn(entry.scendId)) as SimAsn;
    expect(asn).toMatchObject({ ClientReference: tranId(w, 'purchaseorder', id), Warehouse: 'UK1' });
    expect(asn.Lines.map((l) => [l.Sku, l.QuantityExpected])).toEqual([['TENT-2P', 10], ['STOVE-1', 4]]);
    // Saving it again sends nothing more.
    const rec = w.sb.record.load({ type: 'purchaseorder', id });
    rec.setValue({ fieldId: 'memo', value: 'deliver to bay 3' });
    rec.save();
    expect(asnLedger(w, id)).toHaveLength(1);
    expect(asnLedger(w, id)[0].attempts).toBe(1);
  });

  it('sends an approved transfer order into the Scend location, not one out of it', async () => {
    const id = createTransferOrder(w, [{ item: tent, quantity: 3 }]);
    const [entry] = asnLedger(w, id);
    expect(entry).toMatchObject({ state: 'Sent' });
    const asn = (await w.sim.control.asn(entry.scendId)) as SimAsn;
    expect(asn).toMatchObject({ ClientReference: tranId(w, 'transferorder', id), Warehouse: 'UK1' });
    // From the Scend location to the shop: nothing arrives at Scend.
    const rec = w.sb.record.create({ type: 'transferorder' });
    rec.setValue({ fieldId: 'location', value: w.location });
    rec.setValue({ fieldId: 'transferlocation', value: w.store });
    rec.setValue({ fieldId: 'orderstatus', value: 'B' });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: tent });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
    expect(asnLedger(w, String(rec.save()))).toEqual([]);
  });

  it('a purchase order received at a location Scend does not run is not announced', () => {
    const id = createPurchaseOrder(w, [{ item: tent, quantity: 1 }], { location: w.store });
    expect(asnLedger(w, id)).toEqual([]);
  });

  it('after an ambiguous failure (Scend committed, the answer was lost) the backlog resends once and links the DUPLICATE_ASN answer', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/asns', times: 1, action: { kind: 'commitThenFail', then: 'status', status: 500 } });
    const id = createPurchaseOrder(w, [{ item: stove, quantity: 6 }]);
    expect(asnLedger(w, id)[0]).toMatchObject({ state: 'Sending', attempts: 1, scendId: '' });
    await w.advance(30 * 60_000); // the ASN backlog runs every 15 minutes, once the backoff is over
    const [entry] = asnLedger(w, id);
    expect(entry).toMatchObject({ state: 'Sent', attempts: 2, scendStatus: 'DUPLICATE_ASN (linked)' });
    const asn = (await w.sim.control.asn(entry.scendId)) as SimAsn;
    expect(asn.ClientReference).toBe(tranId(w, 'purchaseorder', id));
    // One ASN in Scend for it, whatever the backlog does next.
    await w.advance(60 * 60_000);
    expect(asnLedger(w, id)).toHaveLength(1);
    expect(asnLedger(w, id)[0].scendId).toBe(entry.scendId);
  });

  it('an item Scend does not know blocks the ASN with an operations exception; fixing it sends on the next backlog run', async () => {
    const lamp = await w.item('LAMP-9', { inScend: false });
    const id = createPurchaseOrder(w, [{ item: lamp, quantity: 2 }, { item: tent, quantity: 1 }]);
    expect(asnLedger(w, id)[0]).toMatchObject({ state: 'Blocked', attempts: 0 });
    const open = w.exceptions({ open: true }).filter((e) => e.dedupeKey === `asnProblem:transaction:${id}`);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ owner: expect.stringMatching(/operations/i) });
    expect(open[0].message).toContain('LAMP-9');
    // Operations puts the item in Scend (the item user event would): the re-check sends it.
    await w.sim.control.upsertProduct({ Sku: 'LAMP-9', ExternalId: String(lamp), Name: 'Lamp', WeightKg: 1 });
    w.sb.record.submitFields({ type: 'inventoryitem', id: lamp, values: { custitem_scend_sku: 'LAMP-9', custitem_scend_sku_aligned: true } });
    await w.advance(2 * 60 * 60_000);
    expect(asnLedger(w, id)[0]).toMatchObject({ state: 'Sent' });
    expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey === `asnProblem:transaction:${id}`)).toHaveLength(0);
  });

  it('an approved purchase order no user event saw (scripts off, CSV import) is sent by the backlog', async () => {
    const id = String(w.db.seed('purchaseorder', { fields: { entity: w.vendor, location: w.location, orderstatus: 'B' }, sublists: { item: [{ item: tent, quantity: 5, rate: 5 }] } }));
    expect(asnLedger(w, id)).toEqual([]);
    await w.sb.runMapReduce(SCRIPTS.asnBacklog.deployments.main);
    expect(asnLedger(w, id)[0]).toMatchObject({ state: 'Sent', attempts: 1 });
  });
});
