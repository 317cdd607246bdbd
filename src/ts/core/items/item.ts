/**
 * A NetSuite item as the item-master rules see it: plain data read by an adapter (record,
 * lookupFields or search row), never an N/record object. `id` is the internal id, which is the
 * product's ExternalId in Scend; `itemId` (NetSuite's "Item Name/Number") is the SKU.
 */

/** NetSuite's item type codes (the `type` search column / `itemtype` on transaction lines). */
export type ItemTypeCode =
  | 'InvtPart'
  | 'Assembly'
  | 'Kit'
  | 'NonInvtPart'
  | 'Service'
  | 'OthCharge'
  | 'Discount'
  | 'Description'
  | 'Subtotal'
  | 'Payment'
  | 'GiftCert'
  | 'DwnLdItem'
  | 'Group'
  | 'Markup';

/** Items a warehouse stocks and ships: each is one Scend product. */
export const PHYSICAL_ITEM_TYPES: readonly ItemTypeCode[] = ['InvtPart', 'Assembly'];

/** Kits are not products: Scend ships their members, which are physical items in their own right. */
export const KIT_ITEM_TYPE: ItemTypeCode = 'Kit';

export interface ItemSnapshot {
  id: string;
  type: ItemTypeCode;
  /** N/record type id (inventoryitem, lotnumberedinventoryitem, assemblyitem, ...): what submitFields needs. */
  recordType: string;
  itemId: string;
  displayName: string | null;
  upcCode: string | null;
  /** As entered, in `weightUnit`. */
  weight: number | null;
  /** `lb`, `oz`, `kg` or `g` (or NetSuite's select ids 1..4); null when no weight is set. */
  weightUnit: string | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  lotTracked: boolean;
  serialTracked: boolean;
  inactive: boolean;
  /** custitem_scend_sku: the SKU Scend last accepted (null: never synced). */
  scendSku: string | null;
  /** custitem_scend_sku_aligned: false while a change could not reach Scend. */
  skuAligned: boolean;
  /** A matrix parent: a template for its children (the items sold and stocked), never itself on an order. */
  matrixParent?: boolean;
}

export const isPhysical = (type: ItemTypeCode): boolean => PHYSICAL_ITEM_TYPES.indexOf(type) >= 0;

/** Whether the item is one Scend product: physical, and not a matrix parent (its children are the products). */
export const isProduct = (item: Pick<ItemSnapshot, 'type' | 'matrixParent'>): boolean => isPhysical(item.type) && item.matrixParent !== true;

export const isKit = (type: ItemTypeCode): boolean => type === KIT_ITEM_TYPE;

/** Whether orders for the item may go to Scend under its current SKU. */
export const isAligned = (item: Pick<ItemSnapshot, 'itemId' | 'scendSku' | 'skuAligned'>): boolean =>
  item.skuAligned && item.scendSku === item.itemId;
