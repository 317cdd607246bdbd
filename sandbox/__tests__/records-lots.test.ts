/**
 * Lot-numbered and serialized items with the inventory detail subrecord.
 * NetSuite Help: "Inventory Detail Subrecord" / "Scripting the Inventory Detail Subrecord"
 * (inventorydetail on item lines, sublist inventoryassignment with receiptinventorynumber when stock
 * comes in, issueinventorynumber when it goes out, quantity), "Lot Numbered Inventory",
 * "Serialized Inventory" (one unit per serial number, numbers unique per item).
 */
import type { SandboxRecord } from '../src/data/record';
import { account, makeOrder, nameOf, type Account } from './support/data-fixtures';

const setup = () => {
  const a = account();
  const lot = a.db.seed('lotnumberedinventoryitem', { itemid: 'LOT-1', baseprice: 3 });
  const serial = a.db.seed('serializedinventoryitem', { itemid: 'SER-1', baseprice: 50 });
  return { a, lot, serial };
};

/** An adjustment adding stock with numbers: [[number, qty], ...]. */
function addStock(a: Account, item: number, numbers: Array<[string, number]>, location = a.ids.east): number {
  const adj = a.record.create({ type: 'inventoryadjustment' });
  adj.setValue({ fieldId: 'account', value: a.ids.account });
  adj.setValue({ fieldId: 'adjlocation', value: location });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: item });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: numbers.reduce((s, [, q]) => s + q, 0) });
  const detail = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
  numbers.forEach(([n, q], i) => {
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: i, value: n });
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: i, value: q });
  });
  return adj.save();
}

const numberId = (a: Account, item: number, text: string): number => {
  const id = a.db.numbers.idOf(item, text);
  if (id === undefined) throw new Error(`no number ${text}`);
  return id;
};

function issue(rec: SandboxRecord, line: number, numbers: Array<[number, number]>): void {
  const detail = rec.getSublistSubrecord({ sublistId: 'item', fieldId: 'inventorydetail', line });
  numbers.forEach(([id, q], i) => {
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', line: i, value: id });
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: i, value: q });
  });
}

describe('receiving numbers', () => {
  test('an adjustment creates inventory numbers and stock per item, location and lot', () => {
    const { a, lot } = setup();
    addStock(a, lot, [['L1', 4], ['L2', 6]]);
    expect(a.db.stockLevel(lot, a.ids.east).onHand).toBe(10);
    const l1 = numberId(a, lot, 'L1');
    expect(a.db.numbers.onHand(lot, a.ids.east, l1)).toBe(4);
    expect(a.db.peek('inventorynumber', l1).fields).toMatchObject({ inventorynumber: 'L1', item: String(lot) });
  });

  test('a lot item line without inventory detail, or with quantities not adding up, is refused', () => {
    const { a, lot } = setup();
    const adj = a.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'account', value: a.ids.account });
    adj.setValue({ fieldId: 'adjlocation', value: a.ids.east });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: lot });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: 5 });
    expect(nameOf(() => adj.save())).toBe('INVENTORY_DETAIL_REQUIRED');
    const d = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
    d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: 0, value: 'L1' });
    d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: 4 });
    expect(nameOf(() => adj.save())).toBe('INVENTORY_DETAIL_QTY_MISMATCH');
    expect(a.db.stockLevel(lot, a.ids.east).onHand).toBe(0);
  });

  test('serial numbers are one each and unique', () => {
    const { a, serial } = setup();
    expect(nameOf(() => addStock(a, serial, [['S1', 2]]))).toBe('INVALID_FLD_VALUE');
    expect(nameOf(() => addStock(a, serial, [['S1', 1], ['S1', 1]]))).toBe('DUP_SERIAL_NUMBER');
    addStock(a, serial, [['S1', 1], ['S2', 1]]);
    expect(nameOf(() => addStock(a, serial, [['S2', 1]], a.ids.west))).toBe('DUP_SERIAL_NUMBER');
  });

  test('items without numbers take no inventory detail assignments', () => {
    const { a } = setup();
    expect(nameOf(() => addStock(a, a.ids.widget, [['X', 1]]))).toBe('INVALID_FLD_VALUE');
  });
});

describe('issuing numbers on a fulfilment', () => {
  test('the lots issued must be available at the location; stock leaves per lot', () => {
    const { a, lot } = setup();
    addStock(a, lot, [['L1', 4], ['L2', 6]]);
    addStock(a, lot, [['L3', 5]], a.ids.west);
    const id = makeOrder(a.record, a.ids, [{ item: lot, quantity: 5 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    expect(nameOf(() => f.save())).toBe('INVENTORY_DETAIL_REQUIRED');
    issue(f, 0, [[numberId(a, lot, 'L1'), 5]]);
    expect(nameOf(() => f.save())).toBe('INSUFFICIENT_STOCK');
    const g = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    issue(g, 0, [[numberId(a, lot, 'L3'), 5]]);
    expect(nameOf(() => g.save())).toBe('INSUFFICIENT_STOCK'); // L3 is at West
    const h = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    issue(h, 0, [[numberId(a, lot, 'L1'), 4], [numberId(a, lot, 'L2'), 1]]);
    const fid = h.save();
    expect(a.db.numbers.onHand(lot, a.ids.east, numberId(a, lot, 'L1'))).toBe(0);
    expect(a.db.numbers.onHand(lot, a.ids.east, numberId(a, lot, 'L2'))).toBe(5);
    expect(a.db.stockLevel(lot, a.ids.east).onHand).toBe(5);
    // the subrecord reads back after load
    const r = a.record.load({ type: 'itemfulfillment', id: fid });
    const d = r.getSublistSubrecord({ sublistId: 'item', fieldId: 'inventorydetail', line: 0 });
    expect(d.getLineCount({ sublistId: 'inventoryassignment' })).toBe(2);
    expect(d.getSublistText({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', line: 0 })).toBe('L1');
    // deleting the fulfilment returns the lots
    a.record.delete({ type: 'itemfulfillment', id: fid });
    expect(a.db.numbers.onHand(lot, a.ids.east, numberId(a, lot, 'L1'))).toBe(4);
  });

  test('a number of another item is INVALID_INVENTORY_NUMBER', () => {
    const { a, lot, serial } = setup();
    addStock(a, lot, [['L1', 4]]);
    addStock(a, serial, [['S1', 1]]);
    const id = makeOrder(a.record, a.ids, [{ item: lot, quantity: 1 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    issue(f, 0, [[numberId(a, serial, 'S1'), 1]]);
    expect(nameOf(() => f.save())).toBe('INVALID_INVENTORY_NUMBER');
  });

  test('dynamic mode: the inventory detail is filled through its current line', () => {
    const { a, serial } = setup();
    addStock(a, serial, [['S1', 1], ['S2', 1]]);
    const id = makeOrder(a.record, a.ids, [{ item: serial, quantity: 2 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment', isDynamic: true });
    f.selectLine({ sublistId: 'item', line: 0 });
    const d = f.getCurrentSublistSubrecord({ sublistId: 'item', fieldId: 'inventorydetail' });
    for (const s of ['S1', 'S2']) {
      d.selectNewLine({ sublistId: 'inventoryassignment' });
      d.setCurrentSublistValue({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', value: numberId(a, serial, s) });
      d.setCurrentSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', value: 1 });
      d.commitLine({ sublistId: 'inventoryassignment' });
    }
    f.commitLine({ sublistId: 'item' });
    f.save();
    expect(a.db.stockLevel(serial, a.ids.east).onHand).toBe(0);
  });
});

describe('removing numbers by adjustment', () => {
  test('a negative adjustment issues numbers; more than the lot holds is refused even with negative inventory allowed', () => {
    const { a, lot } = setup();
    addStock(a, lot, [['L1', 4]]);
    a.db.preferences.allowNegativeInventory = true;
    const adj = a.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'account', value: a.ids.account });
    adj.setValue({ fieldId: 'adjlocation', value: a.ids.east });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: lot });
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: -5 });
    const d = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
    d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', line: 0, value: numberId(a, lot, 'L1') });
    d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: 5 });
    expect(nameOf(() => adj.save())).toBe('INSUFFICIENT_STOCK');
    adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: -3 });
    d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: 3 });
    adj.save();
    expect(a.db.numbers.onHand(lot, a.ids.east, numberId(a, lot, 'L1'))).toBe(1);
  });
});
