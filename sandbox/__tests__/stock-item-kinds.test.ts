/**
 * Lot-numbered and serialized items are inventory items in NetSuite (the sandbox keeps them as own
 * record types): custom fields "applies to inventory" reach them, and the stock tables list them.
 * NetSuite Help: "Item Custom Fields" (Applies To: Inventory Item covers lot-numbered and serialized
 * inventory items); SuiteQL Records Browser "inventoryitemlocations"/"aggregateitemlocation" (one row
 * per inventory item and location). SDF "customrecordcustomfield": selectrecordtype -112 is Account.
 */
import { itemRecordTypes } from '../src/loader/applies-to';
import { selectTarget } from '../src/data/registry';
import { createQueryModule } from '../src/modules/query/query-module';
import { sqlEngineReady } from '../src/modules/query/engine';
import { account } from './support/data-fixtures';

beforeAll(() => sqlEngineReady);

test('an item field applying to inventory items applies to lot-numbered and serialized items too', () => {
  expect(itemRecordTypes({ appliestoinventory: 'T' })).toEqual(['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem']);
});

test('selectrecordtype -112 is the account record', () => {
  expect(selectTarget('-112')).toBe('account');
});

test('inventoryitemlocations lists lot-numbered and serialized items with their on hand', () => {
  const a = account();
  const lot = a.db.seed('lotnumberedinventoryitem', { itemid: 'LOT-1' });
  const adj = a.record.create({ type: 'inventoryadjustment' });
  adj.setValue({ fieldId: 'account', value: a.ids.account });
  adj.setValue({ fieldId: 'adjlocation', value: a.ids.east });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: lot });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: 4 });
  const d = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
  d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: 0, value: 'L1' });
  d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: 4 });
  adj.save();
  const query = createQueryModule(a.kernel, a.db);
  const rows = query.runSuiteQL({ query: 'SELECT item, location, quantityonhand FROM inventoryitemlocations WHERE item = ?', params: [lot] }).results.map((r) => r.values);
  expect(rows).toEqual([[lot, a.ids.east, 4]]);
});
