/**
 * Line amounts and body totals.
 * NetSuite Help: "Sales Order" record (SuiteScript Records Browser: subtotal, discounttotal, taxtotal,
 * shippingcost, handlingcost, total; item sublist amount, rate, quantity, tax1amt) and
 * "Standard and Dynamic Modes" (standard mode applies the values a script sets; dynamic mode sources
 * field by field like the UI).
 */
import { account, makeOrder } from './support/data-fixtures';

describe('line amount', () => {
  test('an amount the script sets is kept in standard mode, whatever order rate and quantity were set in', () => {
    const a = account();
    const so = a.record.create({ type: 'salesorder' });
    so.setValue({ fieldId: 'entity', value: a.ids.customer });
    so.setValue({ fieldId: 'location', value: a.ids.east });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
    so.setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0, value: 15 });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
    so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
    expect(so.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(15);
    const id = so.save();
    expect(a.db.peek('salesorder', id).sublists.item![0]!.amount).toBe(15);
  });

  test('without an explicit amount, amount is rate × quantity', () => {
    const a = account();
    const so = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }]);
    so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 7 });
    expect(so.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(21);
    expect(a.db.peek('salesorder', so.save()).sublists.item![0]!.amount).toBe(21);
  });

  test('dynamic mode sources in order: quantity set after the amount recomputes it, amount set last stays', () => {
    const a = account();
    const so = a.record.create({ type: 'salesorder', isDynamic: true });
    so.setValue({ fieldId: 'entity', value: a.ids.customer });
    so.selectNewLine({ sublistId: 'item' });
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: a.ids.widget });
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'amount', value: 99 });
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 2 });
    expect(so.getCurrentSublistValue({ sublistId: 'item', fieldId: 'amount' })).toBe(20);
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'amount', value: 18 });
    so.commitLine({ sublistId: 'item' });
    expect(so.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(18);
  });
});

describe('body totals', () => {
  test('subtotal, discount, tax, shipping, handling and total are computed at save', () => {
    const a = account();
    const so = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.gadget, quantity: 1 }]);
    so.setSublistValue({ sublistId: 'item', fieldId: 'tax1amt', line: 0, value: 1.5 });
    so.setValue({ fieldId: 'discountrate', value: '-10%' });
    so.setValue({ fieldId: 'shippingcost', value: 5 });
    so.setValue({ fieldId: 'handlingcost', value: 2 });
    const id = so.save();
    const r = a.record.load({ type: 'salesorder', id });
    expect(r.getValue({ fieldId: 'subtotal' })).toBe(24);
    expect(r.getValue({ fieldId: 'discounttotal' })).toBe(-2.4);
    expect(r.getValue({ fieldId: 'taxtotal' })).toBe(1.5);
    expect(r.getValue({ fieldId: 'total' })).toBe(24 - 2.4 + 1.5 + 5 + 2);
  });

  test('totals are read-only to scripts', () => {
    const a = account();
    const so = makeOrder(a.record, a.ids);
    expect(() => so.setValue({ fieldId: 'subtotal', value: 1 })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
  });

  test('in dynamic mode the totals follow committed and removed lines', () => {
    const a = account();
    const so = a.record.create({ type: 'salesorder', isDynamic: true });
    so.setValue({ fieldId: 'entity', value: a.ids.customer });
    for (const [item, qty] of [[a.ids.widget, 1], [a.ids.gadget, 2]] as const) {
      so.selectNewLine({ sublistId: 'item' });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: item });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: qty });
      so.commitLine({ sublistId: 'item' });
    }
    expect(so.getValue({ fieldId: 'subtotal' })).toBe(18);
    so.setValue({ fieldId: 'shippingcost', value: 4 });
    expect(so.getValue({ fieldId: 'total' })).toBe(22);
    so.removeLine({ sublistId: 'item', line: 1 });
    expect(so.getValue({ fieldId: 'subtotal' })).toBe(10);
  });

  test('fulfilments and receipts have no totals', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, undefined, 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    expect(() => f.getValue({ fieldId: 'subtotal' })).toThrow(expect.objectContaining({ name: 'INVALID_FIELD_ID' }));
  });
});
