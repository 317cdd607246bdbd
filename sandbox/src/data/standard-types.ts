/** The standard record types the integration touches, with NetSuite's field ids. */
import { field as f, fieldMap, options, type FieldDef, type RecordTypeDef, type SublistDef } from './schema';

export const SALES_ORDER_STATUS = options({
  A: 'Pending Approval', B: 'Pending Fulfillment', C: 'Cancelled', D: 'Partially Fulfilled',
  E: 'Pending Billing/Partially Fulfilled', F: 'Pending Billing', G: 'Billed', H: 'Closed',
});
export const PURCHASE_ORDER_STATUS = options({
  A: 'Pending Supervisor Approval', B: 'Pending Receipt', C: 'Rejected by Supervisor', D: 'Partially Received',
  E: 'Pending Billing/Partially Received', F: 'Pending Bill', G: 'Fully Billed', H: 'Closed',
});
export const RETURN_AUTH_STATUS = options({
  A: 'Pending Approval', B: 'Pending Receipt', C: 'Cancelled', D: 'Partially Received',
  E: 'Pending Refund/Partially Received', F: 'Pending Refund', G: 'Refunded', H: 'Closed',
});
export const SHIP_STATUS = options({ A: 'Picked', B: 'Packed', C: 'Shipped' });
export const TRANSFER_ORDER_STATUS = options({
  A: 'Pending Approval', B: 'Pending Fulfillment', C: 'Rejected', D: 'Partially Fulfilled',
  E: 'Pending Receipt/Partially Fulfilled', F: 'Pending Receipt', G: 'Received', H: 'Closed',
});
export const INVOICE_STATUS = options({ A: 'Open', B: 'Paid In Full' });

/** Inventory detail subrecord (item lines of fulfilments, receipts, adjustments): its own sublist of lot/serial numbers. */
export const INVENTORY_DETAIL_FIELDS = (): Map<string, FieldDef> => fieldMap(
  f('item', 'select', 'Item', { ref: 'item', readonly: true }), f('quantity', 'float', 'Quantity', { readonly: true }),
  f('location', 'select', 'Location', { ref: 'location', readonly: true }),
);
export const SUBRECORD_SUBLISTS: Record<string, () => SublistDef[]> = {
  inventorydetail: () => [sublist('inventoryassignment', [
    f('receiptinventorynumber', 'text', 'Serial/Lot Number'),
    f('issueinventorynumber', 'select', 'Serial/Lot Number', { ref: 'inventorynumber' }),
    f('quantity', 'float', 'Quantity'),
    f('expirationdate', 'date', 'Expiration Date'),
  ])],
};
const INVENTORY_DETAIL = (): Map<string, Map<string, FieldDef>> => new Map([['inventorydetail', INVENTORY_DETAIL_FIELDS()]]);

/** N/record type id -> search `type` code of the item (and the sales order line's `itemtype`). */
export const ITEM_TYPE_CODES: Record<string, string> = {
  inventoryitem: 'InvtPart', kititem: 'Kit', noninventoryitem: 'NonInvtPart', serviceitem: 'Service',
  otherchargeitem: 'OthCharge', discountitem: 'Discount', descriptionitem: 'Description',
  subtotalitem: 'Subtotal', downloaditem: 'DwnLdItem', shipitem: 'ShipItem',
  lotnumberedinventoryitem: 'InvtPart', serializedinventoryitem: 'InvtPart',
};

const ADDRESS_FIELDS = fieldMap(
  f('addressee', 'text', 'Addressee'), f('attention', 'text', 'Attention'), f('addr1', 'text', 'Address 1'),
  f('addr2', 'text', 'Address 2'), f('addr3', 'text', 'Address 3'), f('city', 'text', 'City'), f('state', 'text', 'State'),
  f('zip', 'text', 'Zip'), f('country', 'text', 'Country'), f('addrphone', 'text', 'Phone'),
);
export const addressFields = (): Map<string, FieldDef> => new Map(ADDRESS_FIELDS);

const system = (): FieldDef[] => [
  f('id', 'integer', 'Internal ID', { readonly: true }),
  f('externalid', 'text', 'External ID'),
  f('createddate', 'datetime', 'Date Created', { readonly: true }),
  f('lastmodifieddate', 'datetime', 'Last Modified', { readonly: true }),
];

function sublist(id: string, fields: FieldDef[], extra: Partial<SublistDef> = {}): SublistDef {
  return { id, fields: fieldMap(...fields), ...extra };
}

const base = (id: string, def: Partial<RecordTypeDef> & Pick<RecordTypeDef, 'family' | 'cost' | 'label' | 'nameField'>, fields: FieldDef[], sublists: SublistDef[] = [], subrecords: Record<string, Map<string, FieldDef>> = {}): RecordTypeDef => ({
  id,
  creatable: true,
  externalIdScope: id,
  ...def,
  fields: fieldMap(...system(), ...fields),
  sublists: new Map(sublists.map((s) => [s.id, s])),
  subrecords: new Map(Object.entries(subrecords)),
});

// ---- items ----
const itemCommon = (): FieldDef[] => [
  f('itemid', 'text', 'Item Name/Number', { mandatory: true, maxLength: 250 }),
  // Subitem of (matrix children have their matrix parent here); searches show the chain (see search/subitem-name.ts).
  f('parent', 'select', 'Subitem of', { ref: 'item' }),
  f('displayname', 'text', 'Display Name'),
  f('description', 'textarea', 'Description'),
  f('salesdescription', 'textarea', 'Sales Description'),
  f('upccode', 'text', 'UPC Code'),
  f('isinactive', 'checkbox', 'Inactive'),
  f('itemtype', 'text', 'Item Type', { readonly: true }),
  f('baseprice', 'currency', 'Base Price'),
  f('subsidiary', 'select', 'Subsidiary', { ref: 'subsidiary' }),
];
const physical = (): FieldDef[] => [
  f('weight', 'float', 'Weight'),
  // Purchase Price: the item's cost as entered.
  f('cost', 'currency', 'Purchase Price'),
  // Average Cost: NetSuite computes it from receipts and it is read-only to scripts; the sandbox does
  // not compute it (empty unless a test seeds it).
  f('averagecost', 'currency', 'Average Cost', { readonly: true }),
  f('weightunit', 'select', 'Weight Unit', { options: options({ 1: 'lb', 2: 'oz', 3: 'kg', 4: 'g' }) }),
];
/** Matrix items (inventory types): a parent is a template for its children (their `parent`); see items.ts. */
const MATRIX_TYPE = (): FieldDef => f('matrixtype', 'select', 'Matrix Type', { options: options({ PARENT: 'Parent Matrix Item', CHILD: 'Child Matrix Item' }) });
const LOCATIONS_SUBLIST = (): SublistDef => sublist('locations', [
  f('location', 'select', 'Location', { ref: 'location', readonly: true }),
  f('quantityonhand', 'float', 'On Hand', { readonly: true }),
  f('quantitycommitted', 'float', 'Committed', { readonly: true }),
  f('quantityavailable', 'float', 'Available', { readonly: true }),
], { readonly: true });

const item = (id: string, label: string, extra: FieldDef[] = [], sublists: SublistDef[] = []): RecordTypeDef =>
  base(id, { family: 'item', cost: 'other', label, nameField: 'itemid', searchType: ITEM_TYPE_CODES[id], externalIdScope: 'item' }, [...itemCommon(), ...extra], sublists);

export const itemTypes = (): RecordTypeDef[] => [
  item('inventoryitem', 'Inventory Item', [...physical(), MATRIX_TYPE(), f('islotitem', 'checkbox', 'Lot Numbered'), f('isserialitem', 'checkbox', 'Serialized'),
    f('quantityonhand', 'float', 'On Hand', { readonly: true }), f('quantitycommitted', 'float', 'Committed', { readonly: true }),
    f('quantityavailable', 'float', 'Available', { readonly: true })], [LOCATIONS_SUBLIST()]),
  item('lotnumberedinventoryitem', 'Lot Numbered Inventory Item', [...physical(), MATRIX_TYPE(), f('islotitem', 'checkbox', 'Lot Numbered', { readonly: true }),
    f('quantityonhand', 'float', 'On Hand', { readonly: true }), f('quantitycommitted', 'float', 'Committed', { readonly: true }),
    f('quantityavailable', 'float', 'Available', { readonly: true })], [LOCATIONS_SUBLIST()]),
  item('serializedinventoryitem', 'Serialized Inventory Item', [...physical(), MATRIX_TYPE(), f('isserialitem', 'checkbox', 'Serialized', { readonly: true }),
    f('quantityonhand', 'float', 'On Hand', { readonly: true }), f('quantitycommitted', 'float', 'Committed', { readonly: true }),
    f('quantityavailable', 'float', 'Available', { readonly: true })], [LOCATIONS_SUBLIST()]),
  item('kititem', 'Kit/Package', physical(), [sublist('member', [
    f('item', 'select', 'Item', { ref: 'item', mandatory: true }), f('quantity', 'float', 'Quantity', { mandatory: true }),
  ])]),
  item('noninventoryitem', 'Non-inventory Item', [...physical(), f('subtype', 'select', 'Subtype', { options: options({ Sale: 'For Sale', Resale: 'For Resale', Purchase: 'For Purchase' }) })]),
  item('serviceitem', 'Service'),
  item('otherchargeitem', 'Other Charge'),
  item('discountitem', 'Discount', [f('rate', 'text', 'Rate')]),
  item('descriptionitem', 'Description'),
  item('subtotalitem', 'Subtotal'),
  item('downloaditem', 'Download Item'),
  item('shipitem', 'Shipping Item'),
];

// ---- entities and setup records ----
export const setupTypes = (): RecordTypeDef[] => [
  base('location', { family: 'location', cost: 'other', label: 'Location', nameField: 'name' }, [
    f('name', 'text', 'Name', { mandatory: true }), f('isinactive', 'checkbox', 'Inactive'),
    f('subsidiary', 'select', 'Subsidiary', { ref: 'subsidiary' }), f('makeinventoryavailable', 'checkbox', 'Make Inventory Available'),
  ], [], { mainaddress: addressFields() }),
  base('subsidiary', { family: 'subsidiary', cost: 'other', label: 'Subsidiary', nameField: 'name' }, [
    f('name', 'text', 'Name', { mandatory: true }), f('isinactive', 'checkbox', 'Inactive'),
  ]),
  // Lot and serial numbers: created by the transactions that first receive them (never by script).
  base('inventorynumber', { family: 'inventorynumber', cost: 'other', label: 'Inventory Number', nameField: 'inventorynumber', searchType: 'InventoryNumber', creatable: false, lineSublist: 'locations' }, [
    f('inventorynumber', 'text', 'Number', { readonly: true }), f('item', 'select', 'Item', { ref: 'item', readonly: true }),
    f('expirationdate', 'date', 'Expiration Date'), f('memo', 'text', 'Memo'),
  ], [sublist('locations', [
    f('location', 'select', 'Location', { ref: 'location', readonly: true }),
    f('quantityonhand', 'float', 'On Hand', { readonly: true }), f('quantityavailable', 'float', 'Available', { readonly: true }),
  ], { readonly: true })]),
  base('account', { family: 'account', cost: 'other', label: 'Account', nameField: 'acctname' }, [
    f('acctname', 'text', 'Name', { mandatory: true }), f('acctnumber', 'text', 'Number'), f('accttype', 'text', 'Type'),
    f('isinactive', 'checkbox', 'Inactive'),
  ]),
  base('vendor', { family: 'entity', cost: 'other', label: 'Vendor', nameField: 'entityid', searchType: 'Vendor', externalIdScope: 'vendor' }, [
    f('entityid', 'text', 'Vendor ID', { mandatory: true }), f('companyname', 'text', 'Company Name'),
    f('email', 'email', 'Email'), f('isinactive', 'checkbox', 'Inactive'), f('subsidiary', 'select', 'Subsidiary', { ref: 'subsidiary' }),
  ]),
  base('customer', { family: 'entity', cost: 'other', label: 'Customer', nameField: 'entityid', searchType: 'CustJob', externalIdScope: 'customer' }, [
    f('entityid', 'text', 'Customer ID', { mandatory: true }), f('companyname', 'text', 'Company Name'),
    f('firstname', 'text', 'First Name'), f('lastname', 'text', 'Last Name'), f('isperson', 'checkbox', 'Individual'),
    f('email', 'email', 'Email'), f('phone', 'text', 'Phone'), f('isinactive', 'checkbox', 'Inactive'),
    f('subsidiary', 'select', 'Subsidiary', { ref: 'subsidiary' }),
  ], [sublist('addressbook', [
    f('label', 'text', 'Label'), f('defaultshipping', 'checkbox', 'Default Shipping'), f('defaultbilling', 'checkbox', 'Default Billing'),
  ], { subrecords: new Map([['addressbookaddress', addressFields()]]) })]),
];

// ---- transactions ----
const tran = (id: string, label: string, searchType: string, prefix: string, fields: FieldDef[], sublists: SublistDef[], extra: Partial<RecordTypeDef> = {}, subrecords: Record<string, Map<string, FieldDef>> = {}): RecordTypeDef =>
  base(id, { family: 'transaction', cost: 'transaction', label, nameField: 'tranid', searchType, tranPrefix: prefix, lineSublist: 'item', ...extra }, [
    f('tranid', 'text', 'Document Number'), f('trandate', 'date', 'Date'), f('memo', 'text', 'Memo'),
    f('subsidiary', 'select', 'Subsidiary', { ref: 'subsidiary' }), f('status', 'text', 'Status', { readonly: true }),
    f('statusRef', 'text', 'Status Ref', { readonly: true }),
    ...fields,
  ], sublists, subrecords);

/** Body totals (computed; shipping and handling are entered). */
const totals = (): FieldDef[] => [
  f('subtotal', 'currency', 'Subtotal', { readonly: true }),
  f('discountitem', 'select', 'Discount', { ref: 'discountitem' }),
  f('discountrate', 'text', 'Rate'),
  f('discounttotal', 'currency', 'Discount Total', { readonly: true }),
  f('taxtotal', 'currency', 'Tax Total', { readonly: true }),
  f('shippingcost', 'currency', 'Shipping Cost'),
  f('handlingcost', 'currency', 'Handling Cost'),
  f('total', 'currency', 'Total', { readonly: true }),
];

const orderLine = (extra: FieldDef[]): FieldDef[] => [
  f('item', 'select', 'Item', { ref: 'item', mandatory: true }),
  f('quantity', 'float', 'Quantity'),
  f('rate', 'currency', 'Rate'),
  f('amount', 'currency', 'Amount'),
  f('description', 'textarea', 'Description'),
  f('location', 'select', 'Location', { ref: 'location' }),
  f('isclosed', 'checkbox', 'Closed'),
  f('itemtype', 'text', 'Item Type', { readonly: true }),
  f('line', 'integer', 'Line Id', { readonly: true }),
  f('tax1amt', 'currency', 'Tax Amount'),
  ...extra,
];

const fulfilLine = (): FieldDef[] => [
  f('item', 'select', 'Item', { ref: 'item', readonly: true }),
  f('itemreceive', 'checkbox', 'Fulfill'),
  f('quantity', 'float', 'Quantity'),
  f('quantityremaining', 'float', 'Remaining', { readonly: true }),
  f('location', 'select', 'Location', { ref: 'location' }),
  f('orderline', 'integer', 'Order Line', { readonly: true }),
  f('itemtype', 'text', 'Item Type', { readonly: true }),
  f('description', 'textarea', 'Description'),
  f('line', 'integer', 'Line Id', { readonly: true }),
  f('kitmemberof', 'integer', 'Kit Member Of', { readonly: true }),
];

/** Invoice / credit memo lines: what was billed or credited, pointing at the source order line. */
const billLine = (): FieldDef[] => [
  f('item', 'select', 'Item', { ref: 'item', mandatory: true }), f('quantity', 'float', 'Quantity'), f('rate', 'currency', 'Rate'),
  f('amount', 'currency', 'Amount'), f('tax1amt', 'currency', 'Tax Amount'), f('description', 'textarea', 'Description'),
  f('location', 'select', 'Location', { ref: 'location' }), f('orderline', 'integer', 'Order Line', { readonly: true }),
  f('itemtype', 'text', 'Item Type', { readonly: true }), f('line', 'integer', 'Line Id', { readonly: true }),
];

export const transactionTypes = (): RecordTypeDef[] => [
  tran('salesorder', 'Sales Order', 'SalesOrd', 'SO', [
    f('entity', 'select', 'Customer', { ref: 'customer', mandatory: true }),
    f('orderstatus', 'select', 'Status', { options: SALES_ORDER_STATUS }),
    f('location', 'select', 'Location', { ref: 'location' }),
    f('shipmethod', 'select', 'Ship Via', { ref: 'shipitem' }),
    f('shipdate', 'date', 'Ship Date'),
    f('otherrefnum', 'text', 'PO #'),
    ...totals(),
  ], [sublist('item', orderLine([
    f('quantityfulfilled', 'float', 'Fulfilled', { readonly: true }),
    f('quantitypicked', 'float', 'Picked', { readonly: true }),
    f('quantitypacked', 'float', 'Packed', { readonly: true }),
    f('quantitycommitted', 'float', 'Committed', { readonly: true }),
    f('quantitybilled', 'float', 'Invoiced', { readonly: true }),
    // Drop ship / special order: a purchase order supplies the line (its values are NetSuite's).
    f('createpo', 'select', 'Create PO', { options: options({ DropShip: 'Drop Shipment', SpecOrd: 'Special Order' }) }),
    // Units of measure are not modelled: the line's base units per line unit is entered directly.
    f('unitconversionrate', 'float', 'Unit Conversion Rate'),
  ]))], {}, { shippingaddress: addressFields(), billingaddress: addressFields() }),
  tran('itemfulfillment', 'Item Fulfillment', 'ItemShip', 'IF', [
    f('createdfrom', 'select', 'Created From', { ref: 'transaction', readonly: true }),
    f('entity', 'select', 'Customer', { ref: 'customer', readonly: true }),
    f('shipstatus', 'select', 'Status', { options: SHIP_STATUS }),
    f('shipmethod', 'select', 'Ship Via', { ref: 'shipitem' }),
  ], [sublist('item', fulfilLine(), { subrecords: INVENTORY_DETAIL() }), sublist('package', [
    f('packagetrackingnumber', 'text', 'Tracking Number'), f('packageweight', 'float', 'Weight'), f('packagedescr', 'text', 'Description'),
  ])], { creatable: false }, { shippingaddress: addressFields() }),
  tran('purchaseorder', 'Purchase Order', 'PurchOrd', 'PO', [
    f('entity', 'select', 'Vendor', { ref: 'vendor', mandatory: true }),
    f('approvalstatus', 'select', 'Approval Status', { options: options({ 1: 'Pending Approval', 2: 'Approved', 3: 'Rejected' }) }),
    f('orderstatus', 'select', 'Status', { options: PURCHASE_ORDER_STATUS }),
    f('location', 'select', 'Location', { ref: 'location' }),
    ...totals(),
  ], [sublist('item', orderLine([f('quantityreceived', 'float', 'Received', { readonly: true }), f('quantitybilled', 'float', 'Billed', { readonly: true })]))]),
  tran('returnauthorization', 'Return Authorization', 'RtnAuth', 'RMA', [
    f('entity', 'select', 'Customer', { ref: 'customer', mandatory: true }),
    f('orderstatus', 'select', 'Status', { options: RETURN_AUTH_STATUS }),
    f('createdfrom', 'select', 'Created From', { ref: 'transaction' }),
    f('location', 'select', 'Location', { ref: 'location' }),
    ...totals(),
  ], [sublist('item', orderLine([f('quantityreceived', 'float', 'Received', { readonly: true }), f('quantitybilled', 'float', 'Credited', { readonly: true })]))]),
  tran('transferorder', 'Transfer Order', 'TrnfrOrd', 'TO', [
    f('orderstatus', 'select', 'Status', { options: TRANSFER_ORDER_STATUS }),
    f('location', 'select', 'From Location', { ref: 'location', mandatory: true }),
    f('transferlocation', 'select', 'To Location', { ref: 'location', mandatory: true }),
    f('shipmethod', 'select', 'Ship Via', { ref: 'shipitem' }),
  ], [sublist('item', orderLine([f('quantityfulfilled', 'float', 'Fulfilled', { readonly: true }), f('quantityreceived', 'float', 'Received', { readonly: true })]))]),
  tran('invoice', 'Invoice', 'CustInvc', 'INV', [
    f('entity', 'select', 'Customer', { ref: 'customer', mandatory: true }),
    f('createdfrom', 'select', 'Created From', { ref: 'transaction', readonly: true }),
    f('location', 'select', 'Location', { ref: 'location' }),
    ...totals(),
  ], [sublist('item', billLine())]),
  tran('creditmemo', 'Credit Memo', 'CustCred', 'CM', [
    f('entity', 'select', 'Customer', { ref: 'customer', mandatory: true }),
    f('createdfrom', 'select', 'Created From', { ref: 'transaction', readonly: true }),
    f('location', 'select', 'Location', { ref: 'location' }),
    ...totals(),
  ], [sublist('item', billLine())]),
  tran('itemreceipt', 'Item Receipt', 'ItemRcpt', 'IR', [
    f('createdfrom', 'select', 'Created From', { ref: 'transaction', readonly: true }),
    f('entity', 'select', 'Entity', { ref: 'entity', readonly: true }),
  ], [sublist('item', fulfilLine(), { subrecords: INVENTORY_DETAIL() })], { creatable: false }),
  tran('inventoryadjustment', 'Inventory Adjustment', 'InvAdjst', 'ADJ', [
    f('account', 'select', 'Adjustment Account', { ref: 'account', mandatory: true }),
    f('adjlocation', 'select', 'Adjustment Location', { ref: 'location' }),
  ], [sublist('inventory', [
    f('item', 'select', 'Item', { ref: 'item', mandatory: true }), f('location', 'select', 'Location', { ref: 'location' }),
    f('adjustqtyby', 'float', 'Adjust Qty. By', { mandatory: true }), f('description', 'textarea', 'Description'),
    f('line', 'integer', 'Line Id', { readonly: true }),
  ], { subrecords: INVENTORY_DETAIL() })], { lineSublist: 'inventory' }),
];

export const standardTypes = (): RecordTypeDef[] => [...itemTypes(), ...setupTypes(), ...transactionTypes()];
