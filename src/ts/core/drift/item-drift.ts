/**
 * Item master drift, reusing the catalogue comparison: an item whose SKU change has not reached
 * Scend (custitem_scend_sku_aligned false), compared with the product Scend holds for it.
 */
import type { Product } from '../../scend/contract';
import { planCatalogueEntry } from '../items/catalogue';
import type { ItemSnapshot } from '../items/item';
import type { DriftFinding } from './drift-kinds';

/** null: Scend holds what NetSuite wants (the flag merely lags; the next item save or catalogue run sets it). */
export function decideItemDrift(item: ItemSnapshot, product: Product | null): DriftFinding | null {
  const action = planCatalogueEntry(item, product ? [product] : []);
  if (action === null || action.kind === 'inSync' || action.kind === 'unknownProduct') return null;
  const what =
    action.kind === 'create'
      ? 'Scend has no product for it'
      : action.kind === 'rename'
        ? `Scend still has it as SKU ${action.fromSku}`
        : `Scend holds other ${action.fields.join(', ')}`;
  return {
    kind: 'itemMaster',
    subjectId: item.id,
    itemId: item.id,
    message: `Item ${item.itemId} differs from Scend: ${what}. Orders for it may be held. Save the item to send it again; if that fails, its SKU-mismatch exception says why.`,
    details: action.kind === 'create' ? 'missing in Scend' : `fields: ${action.fields.join(', ')}`,
  };
}
