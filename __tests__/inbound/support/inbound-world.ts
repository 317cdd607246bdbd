/**
 * An end-to-end world for the inbound flows: the built bundle in the NetSuite sandbox against the
 * Scend simulator (rate limit on), a vendor, a second (non-Scend) location for transfers, and
 * items that are in both systems. Build first.
 */
import { startConnectorWorld, type ConnectorWorld, type ConnectorWorldOptions } from '../../../harness/connector-world';
import { ITEM_FIELDS, RECORDS } from '../../../src/ts/ids';

export interface InboundWorld extends ConnectorWorld {
  vendor: number;
  customer: number;
  /** A location Scend does not run (transfer orders ship from here). */
  store: number;
  /** An inventory item known to both sides by `sku`. */
  item(sku: string, opts?: { type?: string; inScend?: boolean }): Promise<number>;
}

export async function startInboundWorld(options: ConnectorWorldOptions = {}): Promise<InboundWorld> {
  const world = await startConnectorWorld({ config: { [RECORDS.config.fields.defaultCourierService]: 'STANDARD' }, ...options });
  const vendor = world.db.seed('vendor', { companyname: 'Fellside Supplies', entityid: 'Fellside Supplies' });
  const customer = world.db.seed('customer', { entityid: 'Ada Lovelace', companyname: 'Ada Lovelace' });
  const store = world.db.seed('location', { name: 'Keswick shop' });
  return {
    ...world,
    vendor,
    customer,
    store,
    async item(sku, opts = {}) {
      const type = opts.type ?? 'inventoryitem';
      const inScend = opts.inScend ?? true;
      const id = world.db.seed(type, { itemid: sku, [ITEM_FIELDS.skuAligned]: inScend, ...(inScend ? { [ITEM_FIELDS.scendSku]: sku } : {}) });
      if (inScend) {
        await world.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 1, ...(type === 'lotnumberedinventoryitem' ? { LotTracked: true } : {}) });
      }
      return id;
    },
  };
}

export interface DocLine {
  item: number;
  quantity: number;
}

/** A purchase order as a UI user enters it (user events fire); status A waits for approval. */
export function createPurchaseOrder(w: InboundWorld, lines: DocLine[], opts: { status?: 'A' | 'B'; location?: number } = {}): string {
  const rec = w.sb.record.create({ type: 'purchaseorder' });
  rec.setValue({ fieldId: 'entity', value: w.vendor });
  rec.setValue({ fieldId: 'location', value: opts.location ?? w.location });
  rec.setValue({ fieldId: 'orderstatus', value: opts.status ?? 'B' });
  lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 5 });
  });
  return String(rec.save());
}

export function approveDoc(w: InboundWorld, type: 'purchaseorder' | 'transferorder', id: string): void {
  const rec = w.sb.record.load({ type, id });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  rec.save();
}

/** A transfer order from the shop to the Scend location. */
export function createTransferOrder(w: InboundWorld, lines: DocLine[], opts: { status?: 'A' | 'B' } = {}): string {
  const rec = w.sb.record.create({ type: 'transferorder' });
  rec.setValue({ fieldId: 'location', value: w.store });
  rec.setValue({ fieldId: 'transferlocation', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: opts.status ?? 'B' });
  lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
  });
  return String(rec.save());
}

/** Ships a transfer order from the shop in full (stock must be there). */
export function shipTransfer(w: InboundWorld, id: string): void {
  const f = w.sb.record.transform({ fromType: 'transferorder', fromId: id, toType: 'itemfulfillment' });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  f.save();
}

export function tranId(w: InboundWorld, type: string, id: string): string {
  return String(w.sb.record.load({ type, id }).getValue({ fieldId: 'tranid' }));
}

export function asnLedger(w: InboundWorld, docId: string): Array<{ state: string; scendId: string; attempts: number; scendStatus: string; key: string }> {
  const F = RECORDS.sync.fields;
  const rows = w.sb.search
    .create({ type: RECORDS.sync.id, filters: [[F.transaction, 'anyof', docId], 'and', [F.kind, 'is', 'asn']], columns: ['externalid', F.state, F.scendId, F.attempts, F.scendStatus] })
    .run()
    .getRange({ start: 0, end: 10 }) as Array<{ getValue(o: { name: string }): unknown; getText(o: { name: string }): string }>;
  return rows.map((r) => ({
    key: String(r.getValue({ name: 'externalid' })),
    state: r.getText({ name: F.state }),
    scendId: String(r.getValue({ name: F.scendId }) ?? ''),
    attempts: Number(r.getValue({ name: F.attempts })),
    scendStatus: String(r.getValue({ name: F.scendStatus }) ?? ''),
  }));
}

/** Item receipts created from a document, with their externalids and received quantities. */
export function receiptsOf(w: InboundWorld, docId: string): Array<{ id: string; externalid: string; lines: Array<{ item: string; quantity: number; location: string }> }> {
  const rows = w.sb.search
    .create({ type: 'itemreceipt', filters: [['createdfrom', 'anyof', docId], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1000 }) as Array<{ id: string | number }>;
  return rows.map((r) => {
    const rec = w.sb.record.load({ type: 'itemreceipt', id: r.id });
    const lines = [];
    for (let i = 0; i < rec.getLineCount({ sublistId: 'item' }); i++) {
      lines.push({
        item: String(rec.getSublistValue({ sublistId: 'item', fieldId: 'item', line: i })),
        quantity: Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i })),
        location: String(rec.getSublistValue({ sublistId: 'item', fieldId: 'location', line: i })),
      });
    }
    return { id: String(r.id), externalid: String(rec.getValue({ fieldId: 'externalid' })), lines };
  });
}

export function lineReceived(w: InboundWorld, type: string, id: string): number[] {
  const rec = w.sb.record.load({ type, id });
  const out: number[] = [];
  for (let i = 0; i < rec.getLineCount({ sublistId: 'item' }); i++) out.push(Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'quantityreceived', line: i })) || 0);
  return out;
}

const ADDRESS = { addressee: 'Ada Lovelace', addr1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country: 'GB' };

/** An approved sales order from the Scend location (the order user event sends it); returns its id and ClientReference. */
export function createSalesOrder(w: InboundWorld, lines: DocLine[], externalId: string): string {
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: w.customer });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  rec.setValue({ fieldId: 'externalid', value: externalId });
  const sub = rec.getSubrecord({ fieldId: 'shippingaddress' });
  for (const [fieldId, value] of Object.entries(ADDRESS)) sub.setValue({ fieldId, value });
  lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 20 });
  });
  return String(rec.save());
}

/** An approved return authorization for (part of) a sales order, as customer service enters it. */
export function createReturnAuthorization(w: InboundWorld, salesOrderId: string, lines: DocLine[]): string {
  const rec = w.sb.record.create({ type: 'returnauthorization' });
  rec.setValue({ fieldId: 'entity', value: w.customer });
  rec.setValue({ fieldId: 'createdfrom', value: salesOrderId });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 20 });
  });
  return String(rec.save());
}

/** Scend ships the whole order (stock is put there first). */
export async function despatchInScend(w: InboundWorld, clientReference: string, skus: string[]): Promise<string> {
  for (const sku of skus) await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 1000 });
  const [order] = await w.scendOrders(clientReference);
  await w.sim.control.despatch(order.OrderId);
  return order.OrderId;
}
