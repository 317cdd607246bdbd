/**
 * Purchase orders -> item receipts, transfer orders -> fulfilment and receipt, return authorizations
 * -> item receipts and credit memos, inventory adjustments with the negative-inventory preference.
 * NetSuite Help: "Receiving a Purchase Order" (partial receipts; PO statuses Pending Receipt,
 * Partially Received, Pending Billing/Partially Received, Pending Bill), "Order Management Accounting
 * Preferences" (Allow Overage on Item Receipts), "Transfer Orders" (stock leaves the source location
 * on fulfilment and arrives at the destination on receipt), "Customer Returns" / "Issuing a Refund
 * for a Return" (receipt restocks, credit memo by transform), "Adjusting Inventory" and
 * "Items/Transactions Accounting Preferences" (Allow Negative Inventory).
 */
import { account, nameOf, type Account } from './support/data-fixtures';

function purchaseOrder(a: Account, qty: number): number {
  const po = a.record.create({ type: 'purchaseorder' });
  po.setValue({ fieldId: 'entity', value: a.ids.vendor }).setValue({ fieldId: 'location', value: a.ids.west });
  po.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
  po.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: qty });
  po.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 2 });
  return po.save();
}
const receive = (a: Account, fromType: string, fromId: number, qty?: number) => {
  const r = a.record.transform({ fromType, fromId, toType: 'itemreceipt' });
  if (qty !== undefined) r.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: qty });
  return r.save();
};

describe('purchase order receipts', () => {
  test('partial receipts: Pending Billing/Partially Received, then Pending Bill; quantityreceived on the line', () => {
    const a = account();
    const id = purchaseOrder(a, 5);
    expect(a.db.peek('purchaseorder', id).fields).toMatchObject({ orderstatus: 'B', status: 'Pending Receipt', total: 10 });
    receive(a, 'purchaseorder', id, 2);
    expect(a.db.peek('purchaseorder', id).fields.status).toBe('Pending Billing/Partially Received');
    expect(a.db.peek('purchaseorder', id).sublists.item![0]!.quantityreceived).toBe(2);
    const r = a.record.transform({ fromType: 'purchaseorder', fromId: id, toType: 'itemreceipt' });
    expect(r.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })).toBe(3);
    r.save();
    expect(a.db.peek('purchaseorder', id).fields.status).toBe('Pending Bill');
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(5);
  });

  test('over-receipt is refused by default and allowed with Allow Overage on Item Receipts', () => {
    const a = account();
    const id = purchaseOrder(a, 5);
    expect(nameOf(() => receive(a, 'purchaseorder', id, 6))).toBe('QTY_EXCEEDS_REMAINING');
    a.db.preferences.allowOverageOnItemReceipts = true;
    receive(a, 'purchaseorder', id, 6);
    expect(a.db.peek('purchaseorder', id).sublists.item![0]!.quantityreceived).toBe(6);
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(6);
  });

  test('editing a receipt applies the difference; deleting it takes the stock back out', () => {
    const a = account();
    const id = purchaseOrder(a, 5);
    const rid = receive(a, 'purchaseorder', id, 2);
    const r = a.record.load({ type: 'itemreceipt', id: rid });
    r.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 4 });
    r.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(4);
    expect(a.db.peek('purchaseorder', id).sublists.item![0]!.quantityreceived).toBe(4);
    a.record.delete({ type: 'itemreceipt', id: rid });
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(0);
    expect(a.db.peek('purchaseorder', id).fields.status).toBe('Pending Receipt');
  });
});

describe('transfer orders', () => {
  function transferOrder(a: Account, qty: number): number {
    const to = a.record.create({ type: 'transferorder' });
    to.setValue({ fieldId: 'location', value: a.ids.east }).setValue({ fieldId: 'transferlocation', value: a.ids.west });
    to.setValue({ fieldId: 'orderstatus', value: 'B' });
    to.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
    to.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: qty });
    return to.save();
  }

  test('fulfilment takes stock from the source; receipt brings only what was shipped to the destination', () => {
    const a = account();
    const id = transferOrder(a, 4);
    expect(nameOf(() => a.record.transform({ fromType: 'transferorder', fromId: id, toType: 'itemreceipt' }))).toBe('INVALID_INITIALIZE_REF');
    const f = a.record.transform({ fromType: 'transferorder', fromId: id, toType: 'itemfulfillment' });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
    f.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(7);
    expect(a.db.peek('transferorder', id).fields.status).toBe('Pending Receipt/Partially Fulfilled');
    const r = a.record.transform({ fromType: 'transferorder', fromId: id, toType: 'itemreceipt' });
    expect(r.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })).toBe(3);
    expect(r.getSublistValue({ sublistId: 'item', fieldId: 'location', line: 0 })).toBe(String(a.ids.west));
    r.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 4 });
    expect(nameOf(() => r.save())).toBe('QTY_EXCEEDS_REMAINING');
    receive(a, 'transferorder', id);
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(3);
    expect(a.db.peek('transferorder', id).fields.status).toBe('Partially Fulfilled');
    a.record.transform({ fromType: 'transferorder', fromId: id, toType: 'itemfulfillment' }).save();
    receive(a, 'transferorder', id);
    expect(a.db.peek('transferorder', id).fields.status).toBe('Received');
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(6);
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(4);
  });

  test('source and destination must differ', () => {
    const a = account();
    const to = a.record.create({ type: 'transferorder' });
    to.setValue({ fieldId: 'location', value: a.ids.east }).setValue({ fieldId: 'transferlocation', value: a.ids.east });
    to.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
    expect(nameOf(() => to.save())).toBe('INVALID_FLD_VALUE');
  });
});

describe('return authorizations', () => {
  test('receipt restocks, then a credit memo by transform credits what was received: Pending Refund -> Refunded', () => {
    const a = account();
    const ra = a.record.create({ type: 'returnauthorization' });
    ra.setValue({ fieldId: 'entity', value: a.ids.customer }).setValue({ fieldId: 'location', value: a.ids.east }).setValue({ fieldId: 'orderstatus', value: 'B' });
    ra.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.gadget });
    ra.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    const id = ra.save();
    expect(nameOf(() => a.record.transform({ fromType: 'returnauthorization', fromId: id, toType: 'creditmemo' }))).toBe('VALID_LINE_ITEM_REQD');
    receive(a, 'returnauthorization', id);
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).onHand).toBe(7);
    expect(a.db.peek('returnauthorization', id).fields.status).toBe('Pending Refund');
    const cm = a.record.transform({ fromType: 'returnauthorization', fromId: id, toType: 'creditmemo' });
    expect(cm.getValue({ fieldId: 'entity' })).toBe(String(a.ids.customer));
    const cmId = cm.save();
    expect(a.db.peek('creditmemo', cmId).fields.total).toBe(8);
    expect(a.db.peek('returnauthorization', id).fields.status).toBe('Refunded');
  });
});

describe('inventory adjustments', () => {
  test('negative on hand is refused unless Allow Negative Inventory is on', () => {
    const a = account();
    const adjust = () => {
      const adj = a.record.create({ type: 'inventoryadjustment' });
      adj.setValue({ fieldId: 'account', value: a.ids.account }).setValue({ fieldId: 'adjlocation', value: a.ids.east });
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: a.ids.widget });
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: -12 });
      return adj.save();
    };
    expect(nameOf(adjust)).toBe('INSUFFICIENT_STOCK');
    a.db.preferences.allowNegativeInventory = true;
    adjust();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(-2);
  });

  test('lines may name their own location; the subsidiary is kept', () => {
    const a = account();
    const sub = a.db.seed('subsidiary', { name: 'US' });
    const adj = a.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'account', value: a.ids.account }).setValue({ fieldId: 'subsidiary', value: sub }).setValue({ fieldId: 'adjlocation', value: a.ids.east });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: a.ids.widget });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line: 0, value: a.ids.west });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: 3 });
    const id = adj.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(3);
    expect(a.db.peek('inventoryadjustment', id).fields.subsidiary).toBe(String(sub));
  });
});
