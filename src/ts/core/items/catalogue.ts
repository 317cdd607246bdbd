/**
 * The catalogue check: every physical NetSuite item against Scend's full product list, matched
 * by ExternalId (= the item's internal id). NetSuite is master of everything a product holds, so
 * every difference is repaired by an upsert; only products NetSuite does not know are left for a
 * person. Pure: the map/reduce executes the plan per ExternalId.
 */
import type { Product, ProductUpsert } from '../../scend/contract';
import { productDifferences, type ProductField } from './compare';
import { detailsText, unknownProductKey, type ItemIssue } from './issues';
import { isProduct, type ItemSnapshot } from './item';
import { toProductUpsert } from './product';

export type CatalogueAction =
  /** Not in Scend at all (also the first bulk load). */
  | { kind: 'create'; item: ItemSnapshot; wanted: ProductUpsert }
  /** Scend holds the product under another SKU: the upsert renames it there. */
  | { kind: 'rename'; item: ItemSnapshot; wanted: ProductUpsert; fromSku: string; fields: ProductField[] }
  /** Same SKU, other details differ (barcode, weight, name, flags, dimensions). */
  | { kind: 'update'; item: ItemSnapshot; wanted: ProductUpsert; fields: ProductField[] }
  /** Scend matches NetSuite; the item's own flags may still need to catch up. */
  | { kind: 'inSync'; item: ItemSnapshot; product: Product }
  /** A Scend product whose ExternalId is no physical NetSuite item. */
  | { kind: 'unknownProduct'; product: Product; issue: ItemIssue };

export type CatalogueActionKind = CatalogueAction['kind'];
export const CATALOGUE_ACTION_KINDS: readonly CatalogueActionKind[] = ['create', 'rename', 'update', 'inSync', 'unknownProduct'];

export function unknownProductIssue(product: Product): ItemIssue {
  return {
    type: 'unknownProduct',
    owner: 'operations',
    dedupeKey: unknownProductKey(product.ExternalId),
    scendReference: `${product.ExternalId} (SKU ${product.Sku})`,
    message:
      `Scend has a product ${product.Sku} (ExternalId ${product.ExternalId}) that matches no inventory or assembly item in NetSuite. ` +
      `If it is obsolete, remove it in Scend; if NetSuite should sell it, correct its ExternalId in Scend to the item's internal id. ` +
      `Nothing is changed automatically: Scend may hold stock of it.`,
    details: detailsText({ sku: product.Sku, externalId: product.ExternalId, name: product.Name }),
  };
}

/**
 * The action for one ExternalId, given the NetSuite item (if it is one) and what Scend returned
 * for it. `products` may repeat (a restarted page walk delivers pages again); ExternalId is unique
 * in Scend, so repeats are the same product.
 */
export function planCatalogueEntry(item: ItemSnapshot | null, products: readonly Product[]): CatalogueAction | null {
  const product = products.length > 0 ? products[0] : null;
  if (item === null || !isProduct(item)) {
    return product === null ? null : { kind: 'unknownProduct', product, issue: unknownProductIssue(product) };
  }
  const wanted = toProductUpsert(item);
  if (product === null) return { kind: 'create', item, wanted };
  const fields = productDifferences(wanted, product);
  if (fields.indexOf('Sku') >= 0) return { kind: 'rename', item, wanted, fromSku: product.Sku, fields };
  if (fields.length > 0) return { kind: 'update', item, wanted, fields };
  return { kind: 'inSync', item, product };
}

/** The whole plan at once (tests, small catalogues); the map/reduce builds it key by key. */
export function planCatalogue(items: readonly ItemSnapshot[], products: readonly Product[]): CatalogueAction[] {
  const keys: string[] = [];
  const byId = new Map<string, { item: ItemSnapshot | null; products: Product[] }>();
  const entry = (id: string) => {
    let e = byId.get(id);
    if (!e) {
      e = { item: null, products: [] };
      byId.set(id, e);
      keys.push(id);
    }
    return e;
  };
  for (const item of items) entry(item.id).item = item;
  for (const product of products) entry(product.ExternalId).products.push(product);
  const plan: CatalogueAction[] = [];
  for (const id of keys) {
    const e = byId.get(id);
    const action = e ? planCatalogueEntry(e.item, e.products) : null;
    if (action) plan.push(action);
  }
  return plan;
}

/** Whether the action needs a call to Scend. */
export const needsUpsert = (a: CatalogueAction): a is Extract<CatalogueAction, { wanted: ProductUpsert }> =>
  a.kind === 'create' || a.kind === 'rename' || a.kind === 'update';
