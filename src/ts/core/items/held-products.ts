/**
 * The backlog's product retry: an order held because Scend does not know one of its items (never
 * created, deleted in Scend, a rename that did not reach it) is not left for the daily catalogue
 * check. When the backlog works the held order (hourly), it first upserts the products the order
 * is waiting for, then re-plans with fresh item facts, so the order leaves within the hour.
 *
 * Bounded: a few products per order, each only while governance leaves room for the order's own
 * push afterwards. Idempotent: the upsert is keyed by ExternalId, and a restarted key re-checks.
 */
import type { LedgerEntry } from '../sync/ledger';
import { isPhysicalType, type ItemCatalogue } from '../orders/items';
import type { OrderSettings } from '../orders/settings';
import { isApprovedStatus, type SalesOrderSnapshot } from '../orders/sales-order';
import { warehouseLinesOf } from '../orders/warehouse-lines';
import { isProduct, type ItemSnapshot } from './item';
import type { ItemMasterPorts } from './ports';
import { confirmProduct } from './sync-item';

/** Products pushed per held order and backlog run. */
export const PRODUCT_RETRIES_PER_ORDER = 3;

/**
 * Units one product push may cost: lookupFields 1, the upsert 10, the item's flags 5, resolving
 * its exceptions (search 10, update 2 each) with room to spare.
 */
export const UNITS_PER_PRODUCT = 40;

/** Units kept for the order's own push after the products (re-read, lookup, claim, POST, ledger, exceptions). */
export const ORDER_PUSH_RESERVE = 200;

/** Scend refused an earlier POST because it did not know an SKU NetSuite thought it had (deleted in Scend). */
const REFUSED_UNKNOWN_SKU = /^UNKNOWN_SKU\b/;

/**
 * Item ids whose products to push before re-planning a held order, at most `limit`:
 * - the items the order is held on (unknown to Scend, or an SKU Scend has not accepted), and
 * - when Scend itself refused the order for an unknown SKU, its physical items (those the error
 *   names first): the item flags said Scend had them, so Scend lost them.
 */
export function productsToRetry(
  entry: Pick<LedgerEntry, 'state' | 'lastError'>,
  order: SalesOrderSnapshot,
  items: ItemCatalogue,
  settings: OrderSettings,
  limit = PRODUCT_RETRIES_PER_ORDER,
): string[] {
  if (entry.state !== 'blocked' || !isApprovedStatus(order.status)) return [];
  const ids: string[] = [];
  const add = (id: string) => {
    if (ids.indexOf(id) < 0) ids.push(id);
  };
  const { lines, held } = warehouseLinesOf(order, items, settings);
  for (const h of held) add(h.itemId);
  const lastError = entry.lastError ?? '';
  if (REFUSED_UNKNOWN_SKU.test(lastError)) {
    const sent: Record<string, true> = {};
    for (const l of lines) sent[l.Sku] = true;
    const physical = Array.from(items.values()).filter((i) => isPhysicalType(i.type) && !!i.scendSku && sent[i.scendSku]);
    const named = (sku: string | undefined) => !!sku && lastError.indexOf(sku) >= 0;
    for (const i of physical) if (named(i.scendSku) || named(i.name)) add(i.id);
    for (const i of physical) add(i.id);
  }
  return ids.slice(0, limit);
}

export interface ProductRetryPorts {
  itemMaster: ItemMasterPorts;
  /** The item as the item master reads it (the same SKU rule as the user event and the catalogue check). */
  readItem(id: string): ItemSnapshot;
  /** Governance units left in this script invocation. */
  remainingUsage(): number;
}

export interface ProductRetryReport {
  /** Item ids whose product Scend accepted. */
  accepted: string[];
  /** Item ids tried and not accepted (Scend down or refused: the refusal is an exception on the item). */
  failed: string[];
  /** Item ids left for the next run: governance ran short. */
  deferred: string[];
}

export function retryProducts(ids: readonly string[], ports: ProductRetryPorts, now: Date): ProductRetryReport {
  const report: ProductRetryReport = { accepted: [], failed: [], deferred: [] };
  for (const id of ids) {
    if (ports.remainingUsage() < UNITS_PER_PRODUCT + ORDER_PUSH_RESERVE) {
      report.deferred.push(id);
      continue;
    }
    const item = ports.readItem(id);
    if (!isProduct(item)) continue;
    const result = confirmProduct(ports.itemMaster, item, now);
    (result.ok ? report.accepted : report.failed).push(id);
  }
  return report;
}
