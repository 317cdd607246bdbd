/**
 * Item fulfilment from a sales order: chosen lines and quantities, ship status, packages, ship method,
 * kits, Fulfill Based on Commitment.
 * NetSuite Help: "Item Fulfillment" (SuiteScript Records Browser: shipstatus A Picked / B Packed /
 * C Shipped, item.itemreceive, item.quantity, package.packagetrackingnumber/packageweight/packagedescr,
 * shipmethod), "Pick, Pack and Ship" (inventory and COGS post when the fulfilment is Shipped), "Order
 * Management Accounting Preferences" (Fulfill Based on Commitment: Limit to Committed).
 */
import { account, makeOrder, nameOf, type Account } from './support/data-fixtures';

const transform = (a: Account, id: number) => a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });

describe('choosing lines and quantities', () => {
  test('itemreceive false leaves a line out; a quantity above what remains is QTY_EXCEEDS_REMAINING', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }, { item: a.ids.gadget, quantity: 2 }], 'B').save();
    const f = transform(a, id);
    f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: false });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 4 });
    expect(nameOf(() => f.save())).toBe('QTY_EXCEEDS_REMAINING');
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    f.save();
    const so = a.db.peek('salesorder', id);
    expect(so.sublists.item!.map((l) => l.quantityfulfilled)).toEqual([2, 0]);
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(8);
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).onHand).toBe(5);
  });

  test('no line chosen is VALID_LINE_ITEM_REQD', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, undefined, 'B').save();
    const f = transform(a, id);
    f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 0, value: false });
    expect(nameOf(() => f.save())).toBe('VALID_LINE_ITEM_REQD');
  });
});

describe('ship status', () => {
  test('Picked and Packed move neither stock nor the order; Shipped (later, by edit) moves both', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const f = transform(a, id);
    f.setValue({ fieldId: 'shipstatus', value: 'A' });
    const fid = f.save();
    let so = a.db.peek('salesorder', id);
    expect(so.fields.orderstatus).toBe('B');
    expect(so.sublists.item![0]).toMatchObject({ quantityfulfilled: 0, quantitypicked: 3, quantitycommitted: 3 });
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toMatchObject({ onHand: 10, committed: 3 });

    const packed = a.record.load({ type: 'itemfulfillment', id: fid });
    packed.setValue({ fieldId: 'shipstatus', value: 'B' });
    packed.save();
    expect(a.db.peek('salesorder', id).sublists.item![0]).toMatchObject({ quantitypacked: 3, quantityfulfilled: 0 });
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);

    const shipped = a.record.load({ type: 'itemfulfillment', id: fid });
    shipped.setValue({ fieldId: 'shipstatus', value: 'C' });
    shipped.save();
    so = a.db.peek('salesorder', id);
    expect(so.fields.orderstatus).toBe('F');
    expect(so.sublists.item![0]).toMatchObject({ quantityfulfilled: 3, quantitycommitted: 0 });
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toMatchObject({ onHand: 7, committed: 0 });
  });

  test('deleting a Shipped fulfilment puts stock and the order back', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const fid = transform(a, id).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(7);
    a.record.delete({ type: 'itemfulfillment', id: fid });
    const so = a.db.peek('salesorder', id);
    expect(so.fields.orderstatus).toBe('B');
    expect(so.sublists.item![0]).toMatchObject({ quantityfulfilled: 0, quantitypicked: 0, quantitycommitted: 3 });
    expect(a.db.stockLevel(a.ids.widget, a.ids.east)).toMatchObject({ onHand: 10, committed: 3 });
  });

  test('a Picked fulfilment holds its quantity: a second one can only take the rest', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const f = transform(a, id);
    f.setValue({ fieldId: 'shipstatus', value: 'A' });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    f.save();
    const g = transform(a, id);
    expect(g.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })).toBe(1);
    g.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    expect(nameOf(() => g.save())).toBe('QTY_EXCEEDS_REMAINING');
  });
});

describe('packages and ship method', () => {
  test('the package sublist and ship method are kept on the fulfilment', () => {
    const a = account();
    const ship = a.db.seed('shipitem', { itemid: 'UPS Ground' });
    const so = makeOrder(a.record, a.ids, undefined, 'B');
    so.setValue({ fieldId: 'shipmethod', value: ship });
    const id = so.save();
    const f = transform(a, id);
    expect(f.getValue({ fieldId: 'shipmethod' })).toBe(String(ship));
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '1Z999' });
    f.setSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: 0, value: 2.5 });
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagedescr', line: 0, value: 'Box 1' });
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 1, value: '1Z998' });
    const fid = f.save();
    const r = a.record.load({ type: 'itemfulfillment', id: fid });
    expect(r.getLineCount({ sublistId: 'package' })).toBe(2);
    expect(r.getSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: 0 })).toBe(2.5);
  });
});

describe('kits', () => {
  test('a kit line ships its members: stock leaves per member quantity', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.kit, quantity: 2 }], 'B').save();
    transform(a, id).save();
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10 - 4);
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).onHand).toBe(5 - 2);
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantityfulfilled).toBe(2);
  });
});

describe('Fulfill Based on Commitment', () => {
  test('"Limit to Committed" refuses more than is committed to the line; the default ignores commitment', () => {
    const a = account();
    const other = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 8 }], 'B').save();
    void other;
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantitycommitted).toBe(2);
    a.db.preferences.fulfillBasedOnCommitment = 'LIMIT';
    const f = transform(a, id);
    expect(nameOf(() => f.save())).toBe('QTY_EXCEEDS_COMMITTED');
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    f.save();
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantityfulfilled).toBe(2);
  });

  test('without stock the fulfilment is refused (INSUFFICIENT_STOCK) unless negative inventory is allowed', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.gadget, quantity: 7 }], 'B').save();
    expect(nameOf(() => transform(a, id).save())).toBe('INSUFFICIENT_STOCK');
    a.db.preferences.allowNegativeInventory = true;
    transform(a, id).save();
    expect(a.db.stockLevel(a.ids.gadget, a.ids.east).onHand).toBe(-2);
  });
});

describe('cancelling', () => {
  test('an order with a Picked fulfilment cannot be cancelled (INVALID_STATUS_CHANGE)', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const f = transform(a, id);
    f.setValue({ fieldId: 'shipstatus', value: 'A' });
    f.save();
    expect(nameOf(() => a.db.cancelSalesOrder(id))).toBe('INVALID_STATUS_CHANGE');
  });
});
