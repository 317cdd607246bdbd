/**
 * What follows from one attempt to upsert an item's product into Scend, for the item's flags and
 * for exceptions. Shared by the item user event and the catalogue check so both settle alike.
 *
 * The SKU is "at stake" when Scend may not hold the item under its current itemid: it was never
 * synced, or it was renamed since Scend last accepted it. A failure then means orders would be
 * rejected by the warehouse, so the item is flagged (orders held) and operations get an
 * SKU-mismatch exception. A failure that only leaves Scend with an old name/barcode/weight holds
 * nothing: it is catalogue drift, repaired by the next catalogue check.
 */
import type { Product, ProductUpsert } from '../../scend/contract';
import { catalogueDriftKey, detailsText, skuMismatchKey, type ItemIssue } from './issues';
import { isAligned, type ItemSnapshot } from './item';

export type RetryClass = 'retryable' | 'ambiguous' | 'permanent';

export interface UpsertFailure {
  code: string;
  retry: RetryClass;
  message: string;
  /** For SKU_IN_USE: the ExternalId of the Scend product that already holds the SKU. */
  skuHolder?: string;
}

export type UpsertResult = { ok: true; product: Product } | { ok: false; failure: UpsertFailure };

/** The item's custom fields to write; absent members are left as they are. */
export interface ItemFlags {
  scendSku?: string;
  aligned?: boolean;
  lastSyncedAt?: Date;
}

export interface ItemEffects {
  /** null: nothing to write on the item. */
  flags: ItemFlags | null;
  raise: ItemIssue[];
  /** Dedupe keys of exceptions whose cause is now gone. */
  resolve: string[];
}

export const NO_EFFECTS: ItemEffects = { flags: null, raise: [], resolve: [] };

export const skuAtStake = (item: Pick<ItemSnapshot, 'itemId' | 'scendSku'>): boolean => item.scendSku !== item.itemId;

/**
 * Effects of a successful upsert (or of finding Scend already in line with NetSuite).
 * `isNewRecord`: the item was created in this very save, so no exception can name it yet.
 */
export function settleSuccess(item: ItemSnapshot, product: Pick<Product, 'Sku'>, now: Date, stamp: boolean, isNewRecord = false): ItemEffects {
  const wasAligned = isAligned(item) && item.scendSku === product.Sku;
  const flags: ItemFlags | null =
    !wasAligned || stamp ? { scendSku: product.Sku, aligned: true, lastSyncedAt: now } : null;
  // Only a flagged item can have an open exception from an earlier failed rename/create.
  const resolve = wasAligned || isNewRecord ? [] : [skuMismatchKey(item.id), catalogueDriftKey(item.id)];
  return { flags, raise: [], resolve };
}

function heldMessage(item: ItemSnapshot, wanted: ProductUpsert, failure: UpsertFailure): string {
  const what =
    item.scendSku === null
      ? `Item ${item.itemId} could not be created in Scend`
      : item.scendSku === wanted.Sku
        ? `Item ${item.itemId} is not in line in Scend's item master and could not be updated there`
        : `Item ${item.itemId} was renamed from ${item.scendSku} in NetSuite, but Scend could not be updated`;
  if (failure.code === 'SKU_IN_USE') {
    const holder = failure.skuHolder ? ` (ExternalId ${failure.skuHolder})` : '';
    return (
      `${what}: Scend already has another product with SKU ${wanted.Sku}${holder}. ` +
      `Orders for this item are held. Either rename or remove that product in Scend, or give this item a different ` +
      `Item Name/Number in NetSuite; the hold clears at the next successful sync.`
    );
  }
  if (failure.retry === 'permanent') {
    return `${what}: Scend refused it (${failure.code}: ${failure.message}). Orders for this item are held until it is fixed and the item is saved again.`;
  }
  return (
    `${what}: Scend did not answer (${failure.code}). Orders for this item are held; the catalogue check ` +
    `retries it, or save the item again once Scend is back.`
  );
}

/** Effects of a failed upsert. */
export function settleFailure(
  item: ItemSnapshot,
  wanted: ProductUpsert,
  failure: UpsertFailure,
  stale: string[],
  atStake = skuAtStake(item),
): ItemEffects {
  const details = { sku: wanted.Sku, scendSku: item.scendSku, code: failure.code, retry: failure.retry, skuHolder: failure.skuHolder };
  if (atStake || !item.skuAligned) {
    return {
      flags: item.skuAligned ? { aligned: false } : null,
      raise: [
        {
          type: 'skuMismatch',
          owner: 'operations',
          dedupeKey: skuMismatchKey(item.id),
          itemId: item.id,
          scendReference: `ExternalId ${item.id}`,
          message: heldMessage(item, wanted, failure),
          details: detailsText(details),
        },
      ],
      resolve: [],
    };
  }
  return {
    flags: null,
    raise: [
      {
        type: 'catalogueDrift',
        owner: 'operations',
        dedupeKey: catalogueDriftKey(item.id),
        itemId: item.id,
        scendReference: `ExternalId ${item.id}`,
        message:
          `Scend still holds outdated details for ${item.itemId}${stale.length ? ` (${stale.join(', ')})` : ''}: ` +
          `the update failed (${failure.code}). Orders are not held; the catalogue check retries it.`,
        details: detailsText({ ...details, fields: stale }),
      },
    ],
    resolve: [],
  };
}

/** `atStake` overrides the item's own belief when the caller knows better (the catalogue check saw Scend's side). */
export function settleUpsert(
  item: ItemSnapshot,
  wanted: ProductUpsert,
  result: UpsertResult,
  now: Date,
  stale: string[] = [],
  atStake?: boolean,
  isNewRecord = false,
): ItemEffects {
  return result.ok ? settleSuccess(item, result.product, now, true, isNewRecord) : settleFailure(item, wanted, result.failure, stale, atStake);
}
