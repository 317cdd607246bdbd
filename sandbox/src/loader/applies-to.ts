/**
 * Which record types an SDF transaction/item/entity custom field applies to, from its
 * `<bodysale>T</bodysale>`-style flags. Unknown flags are ignored; no flag set means none.
 */
const BODY: Record<string, string[]> = {
  bodysale: ['salesorder', 'invoice', 'cashsale', 'estimate', 'creditmemo', 'returnauthorization'],
  bodypurchase: ['purchaseorder', 'vendorbill'],
  bodyitemfulfillment: ['itemfulfillment'],
  bodyitemreceipt: ['itemreceipt'],
  bodyinventoryadjustment: ['inventoryadjustment'],
  bodytransferorder: ['transferorder'],
  bodyreturnauthorization: ['returnauthorization'],
};

const COLUMN: Record<string, string[]> = {
  colsale: ['salesorder', 'invoice', 'cashsale', 'estimate', 'creditmemo', 'returnauthorization'],
  colpurchase: ['purchaseorder', 'vendorbill'],
  colitemfulfillment: ['itemfulfillment'],
  colitemreceipt: ['itemreceipt'],
  colinventoryadjustment: ['inventoryadjustment'],
  coltransferorder: ['transferorder'],
};

/** "Inventory Item" and "Item Assembly" cover their lot-numbered and serialized variants: NetSuite's applies-to list has no separate boxes for them. */
const ITEM: Record<string, string[]> = {
  appliestoinventory: ['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem'],
  appliestononinventory: ['noninventoryitem'],
  appliestoservice: ['serviceitem'],
  appliestoothercharge: ['otherchargeitem'],
  appliestokit: ['kititem'],
  appliestoitemassembly: ['assemblyitem', 'lotnumberedassemblyitem', 'serializedassemblyitem'],
  appliestodiscount: ['discountitem'],
  appliestodownload: ['downloaditem'],
};
const ALL_ITEMS = [...new Set(Object.values(ITEM).flat())];

const ENTITY: Record<string, string[]> = {
  appliestocustomer: ['customer'],
  appliestovendor: ['vendor'],
  appliestoemployee: ['employee'],
  appliestocontact: ['contact'],
  appliestopartner: ['partner'],
};

function flagged(node: Record<string, unknown>, table: Record<string, string[]>): string[] {
  const out = new Set<string>();
  for (const [flag, types] of Object.entries(table)) {
    if (String(node[flag] ?? '').trim().toUpperCase() === 'T') types.forEach((t) => out.add(t));
  }
  return [...out];
}

export const bodyRecordTypes = (n: Record<string, unknown>): string[] => flagged(n, BODY);
export const columnRecordTypes = (n: Record<string, unknown>): string[] => flagged(n, COLUMN);
/** Item fields with no applies-to flag apply to every item type (NetSuite's default form shows them on all). */
export const itemRecordTypes = (n: Record<string, unknown>): string[] => {
  const t = flagged(n, ITEM);
  return t.length ? t : ALL_ITEMS;
};
export const entityRecordTypes = (n: Record<string, unknown>): string[] => flagged(n, ENTITY);
