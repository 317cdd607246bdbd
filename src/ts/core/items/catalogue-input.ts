/** The catalogue check's map/reduce payloads: what getInputData emits and what map writes per ExternalId. */
import type { Product } from '../../scend/contract';
import type { ItemSnapshot } from './item';

/** One physical NetSuite item, or a range of Scend product pages for one map call to read. */
export type CatalogueInput = { k: 'item'; item: ItemSnapshot } | { k: 'scend'; firstPage: number; pages: number | null; pageSize: number };

/** Values grouped under one ExternalId for reduce. */
export type CatalogueValue = { k: 'item'; item: ItemSnapshot } | { k: 'product'; product: Product };

/**
 * A map call has 1,000 units and a page costs 10: 50 pages (25,000 products at 500) per marker
 * leaves ample room. One marker even when Scend reports no products, so a list that grew since
 * the count is still read.
 */
export const PAGES_PER_MARKER = 50;

/** `pages: null` reads to the end: the last range picks up whatever was added since the count. */
export function planScendRanges(totalProducts: number, pageSize: number, pagesPerMarker = PAGES_PER_MARKER): CatalogueInput[] {
  const pages = Math.max(1, Math.ceil(totalProducts / pageSize));
  const ranges: CatalogueInput[] = [];
  for (let first = 1; first <= pages; first += pagesPerMarker) {
    const isLast = first + pagesPerMarker > pages;
    ranges.push({ k: 'scend', firstPage: first, pages: isLast ? null : pagesPerMarker, pageSize });
  }
  return ranges;
}
