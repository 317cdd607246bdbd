/**
 * An end-to-end world for the order handoff: the built bundle in the NetSuite sandbox, the Scend
 * simulator in a child process (default non-unique ClientReference mode). Build first.
 */
import { startConnectorWorld, type ConnectorWorld } from '../../../harness/connector-world';
import { ITEM_FIELDS, RECORDS } from '../../../src/ts/ids';

export { ROOT } from '../../../harness/connector-world';

export interface OrderWorld extends ConnectorWorld {
  customer: number;
  item(name: string, opts?: { type?: string; inScend?: boolean; members?: Array<[number, number]> }): number;
}

export async function startOrderWorld(options: { seed?: number; unreachablePolicy?: 'refuse' | 'allowAndFlag'; config?: Record<string, unknown> } = {}): Promise<OrderWorld> {
  const world = await startConnectorWorld({ seed: options.seed, unreachablePolicy: options.unreachablePolicy, config: { [RECORDS.config.fields.defaultCourierService]: 'STANDARD', ...options.config } });
  const customer = world.db.seed('customer', { entityid: 'Ada Lovelace', companyname: 'Ada Lovelace' });
  return {
    ...world,
    customer,
    item(name, opts = {}) {
      const type = opts.type ?? 'inventoryitem';
      const inScend = opts.inScend ?? type === 'inventoryitem';
      const fields: Record<string, unknown> = { itemid: name };
      // The custitem_scend_* fields apply to inventory, assembly and kit items only.
      if (type === 'inventoryitem' || type === 'kititem') fields[ITEM_FIELDS.skuAligned] = inScend;
      if (inScend) fields[ITEM_FIELDS.scendSku] = name;
      return opts.members
        ? world.db.seed(type, { fields, sublists: { member: opts.members.map(([item, quantity]) => ({ item, quantity })) } })
        : world.db.seed(type, fields);
    },
  };
}

export interface OrderInput {
  lines: Array<{ item: number; quantity: number; location?: number }>;
  status?: 'A' | 'B';
  address?: Record<string, string> | null;
  externalid?: string;
}

export const GOOD_ADDRESS = { addressee: 'Ada Lovelace', addr1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country: 'GB' };

/** Creates a sales order as a UI user (user events fire). */
export function createOrder(w: OrderWorld, input: OrderInput): string {
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: w.customer });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: input.status ?? 'A' });
  if (input.externalid) rec.setValue({ fieldId: 'externalid', value: input.externalid });
  const address = input.address === undefined ? GOOD_ADDRESS : input.address;
  if (address) {
    const sub = rec.getSubrecord({ fieldId: 'shippingaddress' });
    for (const [fieldId, value] of Object.entries(address)) sub.setValue({ fieldId, value });
  }
  input.lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    if (l.location) rec.setSublistValue({ sublistId: 'item', fieldId: 'location', line: i, value: l.location });
  });
  return String(rec.save());
}

export function approve(w: OrderWorld, id: string): void {
  const rec = w.sb.record.load({ type: 'salesorder', id });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  rec.save();
}

export function ledger(w: OrderWorld, orderId: string): Record<string, unknown> | undefined {
  const F = RECORDS.sync.fields;
  const rows = w.sb.search
    .create({ type: RECORDS.sync.id, filters: [[F.transaction, 'anyof', orderId]], columns: [F.state, F.scendId, F.attempts, F.scendStatus] })
    .run()
    .getRange({ start: 0, end: 10 }) as Array<{ getValue(o: { name: string }): unknown; getText(o: { name: string }): string }>;
  if (rows.length === 0) return undefined;
  const r = rows[0];
  return { state: r.getText({ name: F.state }), scendId: r.getValue({ name: F.scendId }), attempts: Number(r.getValue({ name: F.attempts })), scendStatus: r.getValue({ name: F.scendStatus }) };
}

export function openExceptions(w: OrderWorld): Array<{ type: string; owner: string; dedupeKey: string; message: string }> {
  return w.exceptions({ open: true });
}

/**
 * Moves an order's next attempt into the past: "the backoff has elapsed". A day back, because the
 * sandbox currently formats search datetimes in UTC but parses them as America/Los_Angeles.
 */
export function makeDue(w: OrderWorld, orderId: string): void {
  const F = RECORDS.sync.fields;
  const rows = w.sb.search.create({ type: RECORDS.sync.id, filters: [[F.transaction, 'anyof', orderId]], columns: [F.state] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string }>;
  w.sb.record.submitFields({ type: RECORDS.sync.id, id: rows[0].id, values: { [F.nextAttemptAt]: new Date(Date.now() - 24 * 3600_000) } });
}

/** The Approve button (user events see type 'approve'). */
export function approveButton(w: OrderWorld, id: string): void {
  w.db.approveSalesOrder(id);
}

/** The Cancel Order button (user events see type 'cancel'); throws when a user event refuses. */
export function cancelButton(w: OrderWorld, id: string): void {
  w.db.cancelSalesOrder(id);
}

export function orderStatus(w: OrderWorld, id: string): string {
  return String(w.sb.record.load({ type: 'salesorder', id }).getValue({ fieldId: 'orderstatus' }));
}

/** An approved sales order the user event never saw (as a CSV import with scripts off would leave it). */
export function seedUnqueuedOrder(w: OrderWorld, item: number, ref: string, trandate: Date = new Date()): string {
  const db = w.sb.data.db as { seed(type: string, v: Record<string, unknown>): number };
  return String(db.seed('salesorder', {
    fields: { entity: w.customer, location: w.location, orderstatus: 'B', externalid: ref, tranid: ref, trandate },
    sublists: { item: [{ item, quantity: 1 }] },
    subrecords: { shippingaddress: GOOD_ADDRESS },
  }));
}
