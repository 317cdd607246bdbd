/** Field sourcing: what NetSuite fills in when a select changes (customer -> ship-to address, item -> item type, description, rate; quantity/rate -> amount). */
import type { DataAccess } from './behaviour';
import { num } from './behaviour';
import type { SandboxRecord } from './record';
import { ITEM_TYPE_CODES } from './standard-types';
import type { Line } from './store';
import { clone, isEmpty } from './values';

const ORDER_TYPES = new Set(['salesorder', 'purchaseorder', 'returnauthorization', 'invoice', 'creditmemo']);

/**
 * Lines whose amount a script set in standard mode. Standard mode applies the script's values as
 * given (NetSuite: an explicit amount is kept, whatever order rate/quantity were set in); dynamic
 * mode sources in the order fields are set, as the UI does.
 */
const explicitAmount = new WeakSet<Line>();

export function source(db: DataAccess, rec: SandboxRecord, change: { fieldId: string; sublistId?: string; line?: Line }): void {
  if (!ORDER_TYPES.has(rec.type)) return;
  if (!change.sublistId && change.fieldId === 'entity' && rec.def.subrecords.has('shippingaddress')) {
    const customer = db.store.get('customer', Number(rec.data.fields.entity));
    const book = customer?.data.sublists.addressbook ?? [];
    const chosen = book.find((a) => a.defaultshipping === true) ?? book[0];
    const existing = rec.data.subrecords.shippingaddress;
    if (chosen?.addressbookaddress && (!existing || Object.keys(existing).length === 0)) {
      rec.data.subrecords.shippingaddress = clone(chosen.addressbookaddress as Record<string, unknown>);
    }
    return;
  }
  if (change.sublistId !== 'item' || !change.line) return;
  const line = change.line;
  if (change.fieldId === 'amount') {
    if (!rec.isDynamic) explicitAmount.add(line);
    return;
  }
  if (change.fieldId === 'item') {
    const item = db.refs.find('item', Number(line.item));
    if (!item) return;
    line.itemtype = ITEM_TYPE_CODES[item.type] ?? '';
    if (isEmpty(line.description)) line.description = String(item.data.fields.salesdescription || item.data.fields.displayname || item.data.fields.itemid || '');
    if (isEmpty(line.rate) && typeof item.data.fields.baseprice === 'number') line.rate = item.data.fields.baseprice;
  }
  if (explicitAmount.has(line)) return;
  if (!isEmpty(line.rate) && !isEmpty(line.quantity)) line.amount = Math.round(num(line.quantity) * num(line.rate) * 100) / 100;
}
