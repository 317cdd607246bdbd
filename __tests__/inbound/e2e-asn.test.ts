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
});
void SCRIPTS;
void createTransferOrder;
