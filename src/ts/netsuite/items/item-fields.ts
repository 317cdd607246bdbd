/**
 * NetSuite's item record types and the standard item fields the item master reads, written once.
 * (Custom item fields live in ids.ts.) NetSuite has no standard dimension fields: the bundle adds
 * custitem_scend_length_cm / width / height for the packed dimensions Scend receives.
 */
import type { ItemTypeCode } from '../../core/items/item';

export const ITEM_FIELD = {
  itemId: 'itemid',
  /** A subitem's (e.g. a matrix child's) parent item; empty for a top-level item. */
  parent: 'parent',
  displayName: 'displayname',
  upcCode: 'upccode',
  weight: 'weight',
  weightUnit: 'weightunit',
  lotTracked: 'islotitem',
  serialTracked: 'isserialitem',
  inactive: 'isinactive',
  /** Record field: PARENT or CHILD for matrix items (Matrix Items feature), empty otherwise. */
  matrixType: 'matrixtype',
  /** Search columns: Matrix Item (parent or child), Matrix Child Item. */
  matrix: 'matrix',
  matrixChild: 'matrixchild',
  /** Search column holding the type code (InvtPart, Assembly, Kit, ...). */
  type: 'type',
  internalId: 'internalid',
} as const;

/** Kit members: sublist `member`, field `item`. */
export const KIT_MEMBER = { sublistId: 'member', item: 'item' } as const;

/** Search type that covers every item type. */
export const ITEM_SEARCH_TYPE = 'item';

/** N/record type id -> item type code. Lot-numbered and serialized variants are separate record types. */
export const TYPE_CODE_BY_RECORD_TYPE: Readonly<Record<string, ItemTypeCode>> = {
  inventoryitem: 'InvtPart',
  lotnumberedinventoryitem: 'InvtPart',
  serializedinventoryitem: 'InvtPart',
  assemblyitem: 'Assembly',
  lotnumberedassemblyitem: 'Assembly',
  serializedassemblyitem: 'Assembly',
  kititem: 'Kit',
  noninventoryitem: 'NonInvtPart',
  serviceitem: 'Service',
  otherchargeitem: 'OthCharge',
  discountitem: 'Discount',
  descriptionitem: 'Description',
  subtotalitem: 'Subtotal',
  downloaditem: 'DwnLdItem',
};

/** Record types that are lot-numbered or serialized by what they are (their records carry only their own flag). */
export const NUMBERING_BY_RECORD_TYPE: Readonly<Record<string, 'lot' | 'serial'>> = {
  lotnumberedinventoryitem: 'lot',
  lotnumberedassemblyitem: 'lot',
  serializedinventoryitem: 'serial',
  serializedassemblyitem: 'serial',
};
