/**
 * Sales-order statuses with billing, invoices by transform, closing lines.
 * NetSuite Help: "Sales Order Statuses" (B Pending Fulfillment, D Partially Fulfilled, E Pending
 * Billing/Partially Fulfilled, F Pending Billing, G Billed, H Closed), "Invoicing Sales Orders"
 * (record.transform salesorder -> invoice bills what has been fulfilled), "Closing a Sales Order"
 * (isclosed on every line -> Closed).
 */
import { account, makeOrder, nameOf, type Account } from './support/data-fixtures';

const ship = (a: Account, id: number, qty?: number) => {
  const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
  if (qty !== undefined) f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: qty });
  return f.save();
};
const bill = (a: Account, id: number) => a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'invoice' });
const status = (a: Account, id: number) => a.db.peek('salesorder', id).fields.orderstatus;

describe('billing a sales order', () => {
  test('E -> D -> F -> G as the order is shipped and billed in parts', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    ship(a, id, 1);
    expect(status(a, id)).toBe('E');
    const inv = bill(a, id);
    expect(inv.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })).toBe(1);
    expect(inv.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(10);
    inv.save();
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantitybilled).toBe(1);
    expect(status(a, id)).toBe('D');
    expect(a.db.peek('salesorder', id).fields.status).toBe('Partially Fulfilled');
    ship(a, id);
    expect(status(a, id)).toBe('F');
    const invId = bill(a, id).save();
    expect(status(a, id)).toBe('G');
    expect(a.db.peek('salesorder', id).fields.status).toBe('Billed');
    expect(a.db.peek('invoice', invId).fields.total).toBe(30);
    // deleting the invoice un-bills the order
    a.record.delete({ type: 'invoice', id: invId });
    expect(status(a, id)).toBe('F');
  });

  test('billing more than was fulfilled is QTY_EXCEEDS_REMAINING; nothing billable is VALID_LINE_ITEM_REQD', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    expect(nameOf(() => bill(a, id))).toBe('VALID_LINE_ITEM_REQD');
    ship(a, id, 2);
    const inv = bill(a, id);
    inv.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
    expect(nameOf(() => inv.save())).toBe('QTY_EXCEEDS_REMAINING');
  });

  test('a Pending Approval or fully billed order cannot be billed (INVALID_INITIALIZE_REF)', () => {
    const a = account();
    const pending = makeOrder(a.record, a.ids).save();
    expect(nameOf(() => bill(a, pending))).toBe('INVALID_INITIALIZE_REF');
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.service, quantity: 1 }], 'B').save();
    bill(a, id).save();
    expect(status(a, id)).toBe('G');
    expect(nameOf(() => bill(a, id))).toBe('INVALID_INITIALIZE_REF');
  });

  test('service lines are billed at their ordered quantity along with shipped goods', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.service, quantity: 1 }], 'B').save();
    ship(a, id);
    const inv = bill(a, id);
    expect(inv.getLineCount({ sublistId: 'item' })).toBe(2);
    inv.save();
    expect(status(a, id)).toBe('G');
  });
});

describe('closing lines', () => {
  test('every line closed -> H Closed; commitments are released', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.gadget, quantity: 1 }], 'B').save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
    so.save();
    expect(status(a, id)).toBe('B');
    const so2 = a.record.load({ type: 'salesorder', id });
    so2.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 1, value: true });
    so2.save();
    expect(status(a, id)).toBe('H');
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).committed).toBe(0);
  });
});
