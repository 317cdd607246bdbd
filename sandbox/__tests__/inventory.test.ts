import { account, makeOrder, nameOf } from './support/data-fixtures';

describe('inventory per item per location', () => {
  test('approving a sales order commits stock', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }]).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 10, committed: 0, available: 10 });
    a.db.approveSalesOrder(id);
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 10, committed: 3, available: 7 });
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantitycommitted).toBe(3);
  });

  test('commitment is limited to what is available', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 25 }], 'B').save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 10, committed: 10, available: 0 });
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantitycommitted).toBe(10);
  });

  test('fulfilment ships stock: on hand and committed go down', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 7, committed: 0, available: 7 });
  });

  test('fulfilling more than the location has fails with INSUFFICIENT_STOCK', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 12 }], 'B').save();
    expect(nameOf(() => a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save())).toBe('INSUFFICIENT_STOCK');
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);
  });

  test('cancelling releases the commitment', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    a.db.cancelSalesOrder(id);
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 10, committed: 0, available: 10 });
  });

  test('closing a line releases its commitment', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }, { item: a.ids.gadget, quantity: 1 }], 'B').save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
    so.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).committed).toBe(0);
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).committed).toBe(1);
  });

  test('deleting a fulfilment puts the stock back and reopens the order', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const ifId = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
    a.record.delete({ type: 'itemfulfillment', id: ifId });
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 10, committed: 3, available: 7 });
    expect(a.db.peek('salesorder', id).fields.orderstatus).toBe('B');
  });

  test('kits hold no stock: their members are committed and shipped', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.kit, quantity: 2 }], 'B').save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).committed).toBe(4);
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).committed).toBe(2);
    expect(a.db.stockLevel(a.ids.kit, a.ids.east).onHand).toBe(0);
    a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toEqual({ onHand: 6, committed: 0, available: 6 });
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east)).toEqual({ onHand: 3, committed: 0, available: 3 });
  });

  test('an inventory item shows its stock per location on load (read-only)', () => {
    const a = account();
    makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const item = a.record.load({ type: 'inventoryitem', id: a.ids.widget });
    expect(item.getLineCount({ sublistId: 'locations' })).toBe(1);
    expect(item.getSublistValue({ sublistId: 'locations', fieldId: 'quantityavailable', line: 0 })).toBe(7);
    expect(item.getValue({ fieldId: 'quantityonhand' })).toBe(10);
    expect(nameOf(() => item.setSublistValue({ sublistId: 'locations', fieldId: 'quantityonhand', line: 0, value: 99 }))).toBe('SSS_INVALID_SUBLIST_OPERATION');
    item.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);
  });

  test('an item receipt from a purchase order raises on hand, limited to what remains', () => {
    const a = account();
    const po = a.record.create({ type: 'purchaseorder' });
    po.setValue({ fieldId: 'entity', value: a.ids.vendor }).setValue({ fieldId: 'location', value: a.ids.west });
    po.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
    po.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 5 });
    const poId = po.save();
    const over = a.record.transform({ fromType: 'purchaseorder', fromId: poId, toType: 'itemreceipt' });
    over.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 6 });
    expect(nameOf(() => over.save())).toBe('QTY_EXCEEDS_REMAINING');
    a.record.transform({ fromType: 'purchaseorder', fromId: poId, toType: 'itemreceipt' }).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.west).onHand).toBe(5);
    expect(a.db.peek('purchaseorder', poId).fields.status).toBe('Pending Bill');
    expect(nameOf(() => a.record.transform({ fromType: 'purchaseorder', fromId: poId, toType: 'itemreceipt' }))).toBe('INVALID_INITIALIZE_REF');
  });

  test('a return authorization must be approved before its receipt, which restocks', () => {
    const a = account();
    const ra = a.record.create({ type: 'returnauthorization' });
    ra.setValue({ fieldId: 'entity', value: a.ids.customer }).setValue({ fieldId: 'location', value: a.ids.east });
    ra.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.gadget });
    ra.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    const raId = ra.save();
    expect(a.db.peek('returnauthorization', raId).fields.status).toBe('Pending Approval');
    expect(nameOf(() => a.record.transform({ fromType: 'returnauthorization', fromId: raId, toType: 'itemreceipt' }))).toBe('INVALID_INITIALIZE_REF');
    a.record.submitFields({ type: 'returnauthorization', id: raId, values: { orderstatus: 'B' } });
    a.record.transform({ fromType: 'returnauthorization', fromId: raId, toType: 'itemreceipt' }).save();
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).onHand).toBe(7);
    expect(a.db.peek('returnauthorization', raId).fields.status).toBe('Pending Refund');
  });

  test('an inventory adjustment needs an account and changes on hand by a signed quantity', () => {
    const a = account();
    const adj = a.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'adjlocation', value: a.ids.east });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: a.ids.widget });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: -4 });
    expect(nameOf(() => adj.save())).toBe('USER_ERROR');
    adj.setValue({ fieldId: 'account', value: a.ids.account });
    adj.save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(6);
  });

  test('an adjustment cannot make on hand negative', () => {
    const a = account();
    const adj = a.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'account', value: a.ids.account }).setValue({ fieldId: 'adjlocation', value: a.ids.east });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: a.ids.widget });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: -11 });
    expect(nameOf(() => adj.save())).toBe('INSUFFICIENT_STOCK');
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);
  });

  test('approving through submitFields (xedit A -> B) commits stock too', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.gadget, quantity: 2 }]).save();
    a.record.submitFields({ type: 'salesorder', id, values: { orderstatus: 'B' } });
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east)).toEqual({ onHand: 5, committed: 2, available: 3 });
  });

  test('a copied sales order starts over: pending approval, nothing fulfilled or committed', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }], 'B').save();
    a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
    const copyId = a.record.copy({ type: 'salesorder', id }).save();
    const copy = a.db.peek('salesorder', copyId);
    expect(copy.fields.orderstatus).toBe('A');
    expect(copy.sublists.item![0]).toMatchObject({ quantityfulfilled: 0, quantitycommitted: 0, quantity: 2 });
    expect(copy.fields.tranid).not.toBe(a.db.peek('salesorder', id).fields.tranid);
  });
});
