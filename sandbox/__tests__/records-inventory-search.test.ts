/**
 * Inventory per item, location and lot through N/search.
 * NetSuite Help: "Item Search" (location fields: inventorylocation, locationquantityonhand,
 * locationquantityavailable, locationquantitycommitted — one result per item per location) and the
 * Records Browser's "Inventory Number" search (inventorynumber, item, location, quantityonhand,
 * quantityavailable).
 */
import { account, makeOrder } from './support/data-fixtures';

const values = (rows: Array<{ getValue(c: unknown): unknown; getText(c: unknown): unknown }>, cols: unknown[]) =>
  rows.map((r) => cols.map((c) => r.getValue(c)));

describe('item search by location', () => {
  test('location fields give one row per stock item per location', () => {
    const a = account();
    a.db.seedInventory(a.ids.widget, a.ids.west, 4);
    makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 3 }], 'B').save();
    const cols = ['itemid', 'inventorylocation', 'locationquantityonhand', 'locationquantityavailable', 'locationquantitycommitted'];
    const rows = a.search.create({ type: 'inventoryitem', filters: [['internalid', 'anyof', a.ids.widget]], columns: cols }).run().getRange({ start: 0, end: 10 });
    expect(values(rows, cols)).toEqual([
      ['WID-1', String(a.ids.east), '10', '7', '3'],
      ['WID-1', String(a.ids.west), '4', '4', '0'],
    ]);
    expect(rows[1]!.getText('inventorylocation')).toBe('West');
  });

  test('filtering by inventorylocation and joining to the location', () => {
    const a = account();
    a.db.seedInventory(a.ids.widget, a.ids.west, 4);
    const rows = a.search.create({
      type: 'item',
      filters: [['inventorylocation', 'anyof', a.ids.west], 'and', ['locationquantityonhand', 'greaterthan', 0]],
      columns: ['itemid', { name: 'name', join: 'inventorylocation' }, 'locationquantityonhand'],
    }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => [r.getValue('itemid'), r.getValue({ name: 'name', join: 'inventorylocation' }), r.getValue('locationquantityonhand')])).toEqual([['WID-1', 'West', '4']]);
  });

  test('without location fields an item search keeps one row per item', () => {
    const a = account();
    a.db.seedInventory(a.ids.widget, a.ids.west, 4);
    const rows = a.search.create({ type: 'inventoryitem', filters: [['internalid', 'anyof', a.ids.widget]], columns: ['itemid', 'quantityonhand'] }).run().getRange({ start: 0, end: 10 });
    expect(values(rows, ['itemid', 'quantityonhand'])).toEqual([['WID-1', '14']]);
  });
});

describe('inventory number search', () => {
  test('one row per lot per location with on hand and available', () => {
    const a = account();
    const lot = a.db.seed('lotnumberedinventoryitem', { itemid: 'LOT-1' });
    for (const [loc, n, q] of [[a.ids.east, 'L1', 4], [a.ids.west, 'L1', 2], [a.ids.east, 'L2', 1]] as const) {
      const adj = a.record.create({ type: 'inventoryadjustment' });
      adj.setValue({ fieldId: 'account', value: a.ids.account }).setValue({ fieldId: 'adjlocation', value: loc });
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: lot });
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: q });
      const d = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
      d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: 0, value: n });
      d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: q });
      adj.save();
    }
    const cols = ['inventorynumber', 'item', 'location', 'quantityonhand', 'quantityavailable'];
    const rows = a.search.create({ type: 'inventorynumber', filters: [['item', 'anyof', lot]], columns: cols }).run().getRange({ start: 0, end: 10 });
    expect(values(rows, cols)).toEqual([
      ['L1', String(lot), String(a.ids.east), '4', '4'],
      ['L1', String(lot), String(a.ids.west), '2', '2'],
      ['L2', String(lot), String(a.ids.east), '1', '1'],
    ]);
    const atWest = a.search.create({ type: 'inventorynumber', filters: [['location', 'anyof', a.ids.west]], columns: ['inventorynumber'] }).run().getRange({ start: 0, end: 10 });
    expect(atWest.map((r) => r.getValue('inventorynumber'))).toEqual(['L1']);
  });
});
