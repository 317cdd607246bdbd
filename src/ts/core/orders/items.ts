/**
 * What the order handoff knows about an item: its type, the SKU Scend last accepted, whether a
 * change is still waiting to reach Scend, and a kit's members.
 */

/** Item types a warehouse picks. Kits are exploded into their members. */
export const PHYSICAL_ITEM_TYPES = ['InvtPart', 'Assembly'] as const;
export const KIT_ITEM_TYPE = 'Kit';

export interface KitMember {
  itemId: string;
  quantity: number;
}

export interface ItemFacts {
  id: string;
  type: string;
  /** NetSuite's item name/number (`itemid`): the SKU NetSuite wants. */
  name: string;
  /** `custitem_scend_sku`: the SKU Scend last accepted; empty when the item never reached Scend. */
  scendSku?: string;
  /** `custitem_scend_sku_aligned`: cleared while a change could not reach Scend. */
  skuAligned: boolean;
  members?: KitMember[];
}

export const isPhysicalType = (type: string): boolean => (PHYSICAL_ITEM_TYPES as readonly string[]).indexOf(type) >= 0;

export type SkuProblem = { kind: 'unmapped' } | { kind: 'mismatch'; netsuiteSku: string; scendSku: string };

/** Why an item cannot go to Scend yet, or undefined when its SKU is the one Scend knows. */
export function skuProblem(item: ItemFacts): SkuProblem | undefined {
  const scendSku = (item.scendSku ?? '').trim();
  if (!scendSku) return { kind: 'unmapped' };
  if (!item.skuAligned || scendSku !== item.name.trim()) return { kind: 'mismatch', netsuiteSku: item.name, scendSku };
  return undefined;
}

export type ItemCatalogue = ReadonlyMap<string, ItemFacts>;
