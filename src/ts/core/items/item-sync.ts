/**
 * The item user event's decision: does this save have to reach Scend, and why. NetSuite is the
 * master, so any change to what Scend holds is pushed at once. A save that changes nothing Scend
 * holds still upserts (Scend may have lost the product); only the connector's own flag writes cost
 * no call (the user event filters those out before deciding).
 */
import type { ProductUpsert } from '../../scend/contract';
import { upsertDifferences, type ProductField } from './compare';
import { isAligned, isProduct, type ItemSnapshot } from './item';
import { toProductUpsert } from './product';

export type SyncReason =
  /** Never accepted by Scend yet. */
  | 'create'
  /** itemid differs from the SKU Scend last accepted. */
  | 'rename'
  /** Flagged after an earlier failure: try again. */
  | 'retry'
  /** Same SKU, other details changed. */
  | 'update'
  /**
   * Saved again with nothing Scend holds changed. The item's flags cannot tell whether Scend still
   * has the product (deleted there, or lost): the upsert by ExternalId recreates it if not, and is
   * a no-op otherwise. One call, and the way operations are told to repair a product.
   */
  | 'resave';

export type ItemSyncDecision =
  | { kind: 'upsert'; reason: SyncReason; wanted: ProductUpsert; fields: ProductField[] }
  | { kind: 'skip'; reason: 'notAProduct' };

export function decideItemSync(before: ItemSnapshot | null, after: ItemSnapshot): ItemSyncDecision {
  if (!isProduct(after)) return { kind: 'skip', reason: 'notAProduct' };
  const wanted = toProductUpsert(after);
  if (after.scendSku === null) return { kind: 'upsert', reason: 'create', wanted, fields: [] };
  if (after.scendSku !== after.itemId) return { kind: 'upsert', reason: 'rename', wanted, fields: ['Sku'] };
  if (!isAligned(after)) return { kind: 'upsert', reason: 'retry', wanted, fields: [] };
  const fields = before === null || !isProduct(before) ? [] : upsertDifferences(toProductUpsert(before), wanted);
  if (before !== null && fields.length === 0) return { kind: 'upsert', reason: 'resave', wanted, fields };
  return { kind: 'upsert', reason: 'update', wanted, fields };
}

/**
 * A kit is not a Scend product; what matters is that each physical member is one. Members that
 * Scend already holds under their current SKU are left to their own user event.
 */
export function kitMembersToSync(members: readonly ItemSnapshot[]): ItemSnapshot[] {
  return members.filter((m) => isProduct(m) && !isAligned(m));
}
