import { account, makeOrder, nameOf } from './support/data-fixtures';

// NetSuite Records Browser: salesorder item sublist — `createpo` (Drop Ship / Special Order) and `unitconversionrate`.
describe('sales order line fields for drop ship, special order and units', () => {
  test('createpo takes DropShip or SpecOrd and refuses anything else', () => {
    const a = account();
    const so = makeOrder(a.record, a.ids);
    so.setSublistValue({ sublistId: 'item', fieldId: 'createpo', line: 0, value: 'DropShip' });
    const id = so.save();
    expect(a.record.load({ type: 'salesorder', id }).getSublistValue({ sublistId: 'item', fieldId: 'createpo', line: 0 })).toBe('DropShip');
    const bad = makeOrder(a.record, a.ids);
    expect(nameOf(() => bad.setSublistValue({ sublistId: 'item', fieldId: 'createpo', line: 0, value: 'Vendor' }))).toMatch(/INVALID/);
  });

  test('unitconversionrate is kept on the line (units of measure are not modelled)', () => {
    const a = account();
    const so = makeOrder(a.record, a.ids);
    so.setSublistValue({ sublistId: 'item', fieldId: 'unitconversionrate', line: 0, value: 12 });
    const id = so.save();
    expect(a.record.load({ type: 'salesorder', id }).getSublistValue({ sublistId: 'item', fieldId: 'unitconversionrate', line: 0 })).toBe(12);
  });
});
