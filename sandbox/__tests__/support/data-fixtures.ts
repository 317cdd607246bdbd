/** A small account for data-layer tests: two locations, a customer with a ship-to address, stocked items and a kit. */
import { Database } from '../../src/data/database';
import type { SandboxRecord } from '../../src/data/record';
import { createRecordModule } from '../../src/modules/record';
import { createSearchModule } from '../../src/modules/search';
import { testKernel, type TestKernel } from './data-kernel';

export interface Account {
  kernel: TestKernel;
  db: Database;
  record: ReturnType<typeof createRecordModule>;
  search: ReturnType<typeof createSearchModule>;
  ids: { east: number; west: number; customer: number; widget: number; gadget: number; kit: number; service: number; account: number; vendor: number };
}

export function account(): Account {
  const kernel = testKernel();
  const db = new Database(kernel);
  const east = db.seed('location', { name: 'East' });
  const west = db.seed('location', { name: 'West' });
  const customer = db.seed('customer', {
    fields: { entityid: 'ACME', companyname: 'Acme Corp', email: 'ops@acme.test' },
    sublists: { addressbook: [{ defaultshipping: true, label: 'Main', addressbookaddress: { addressee: 'Acme Corp', addr1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', country: 'US' } }] },
  });
  const widget = db.seed('inventoryitem', { itemid: 'WID-1', displayname: 'Widget', upccode: '0001', weight: 1.5, baseprice: 10 });
  const gadget = db.seed('inventoryitem', { itemid: 'GAD-1', displayname: 'Gadget', baseprice: 4 });
  const kit = db.seed('kititem', { fields: { itemid: 'KIT-1', displayname: 'Widget Kit' }, sublists: { member: [{ item: widget, quantity: 2 }, { item: gadget, quantity: 1 }] } });
  const service = db.seed('serviceitem', { itemid: 'SVC-INSTALL' });
  const acct = db.seed('account', { acctname: 'Inventory Adjustments' });
  const vendor = db.seed('vendor', { entityid: 'SUPPLIER' });
  db.seedInventory(widget, east, 10);
  db.seedInventory(gadget, east, 5);
  return { kernel, db, record: createRecordModule(kernel, db), search: createSearchModule(kernel, db), ids: { east, west, customer, widget, gadget, kit, service, account: acct, vendor } };
}

/** A sales order for the ACME customer shipping from East (not yet saved). */
export function makeOrder(record: Account['record'], ids: Account['ids'], lines: Array<{ item: number; quantity: number }> = [{ item: ids.widget, quantity: 2 }], status?: 'A' | 'B'): SandboxRecord {
  const so = record.create({ type: 'salesorder' });
  so.setValue({ fieldId: 'entity', value: ids.customer });
  so.setValue({ fieldId: 'location', value: ids.east });
  if (status) so.setValue({ fieldId: 'orderstatus', value: status });
  lines.forEach((l, i) => {
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
  });
  return so;
}

/** The error name a call throws, or 'no error'. */
export const nameOf = (fn: () => unknown): string => {
  try { fn(); } catch (e) { return (e as Error).name; }
  return 'no error';
};
