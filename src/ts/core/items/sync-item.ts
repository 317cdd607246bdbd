/**
 * Use cases: push one item to Scend (user event), and check one catalogue entry (map/reduce).
 * Both execute a pure decision with the ports they are given and apply the resulting effects.
 */
import type { ProductUpsert } from '../../scend/contract';
import type { EntryOutcome } from './catalogue-report';
import { needsUpsert, type CatalogueAction } from './catalogue';
import type { ProductField } from './compare';
import type { ItemSnapshot } from './item';
import { toProductUpsert } from './product';
import { decideItemSync, type ItemSyncDecision } from './item-sync';
import type { ItemMasterPorts } from './ports';
import { toUpsertFailure } from './upsert-failure';
import { settleSuccess, settleUpsert, type ItemEffects, type UpsertResult } from './upsert-outcome';

export function applyEffects(ports: Pick<ItemMasterPorts, 'flags' | 'exceptions'>, item: ItemSnapshot, effects: ItemEffects): void {
  if (effects.flags) ports.flags.write(item, effects.flags);
  for (const draft of effects.raise) ports.exceptions.raise(draft);
  for (const key of effects.resolve) ports.exceptions.resolve(key);
}

function upsert(ports: ItemMasterPorts, wanted: ProductUpsert): UpsertResult {
  try {
    return { ok: true, product: ports.scend.upsertProduct(wanted).product };
  } catch (e) {
    return { ok: false, failure: toUpsertFailure(e) };
  }
}

/** Upsert, then settle flags and exceptions. Returns whether Scend accepted it. */
export function pushItem(
  ports: ItemMasterPorts,
  item: ItemSnapshot,
  wanted: ProductUpsert,
  stale: ProductField[],
  now: Date,
  isNewRecord = false,
): UpsertResult {
  const result = upsert(ports, wanted);
  applyEffects(ports, item, settleUpsert(item, wanted, result, now, stale, undefined, isNewRecord));
  return result;
}

/**
 * Upserts an item whose product Scend may have lost, with no change known to be pending (an item
 * saved again, an order held on the item). Scend not answering proves nothing, so it changes
 * nothing (the caller or the catalogue check tries again); a refusal means Scend cannot hold the
 * product as NetSuite has it, so the item is held with an SKU-mismatch exception.
 */
export function confirmProduct(ports: ItemMasterPorts, item: ItemSnapshot, now: Date): UpsertResult {
  const wanted = toProductUpsert(item);
  const result = upsert(ports, wanted);
  if (result.ok || result.failure.retry === 'permanent') applyEffects(ports, item, settleUpsert(item, wanted, result, now, [], true));
  return result;
}

export interface ItemSyncReport {
  decision: ItemSyncDecision;
  result: UpsertResult | null;
}

/** The item user event: `before` is null on create. */
export function syncItem(ports: ItemMasterPorts, before: ItemSnapshot | null, after: ItemSnapshot, now: Date): ItemSyncReport {
  const decision = decideItemSync(before, after);
  if (decision.kind === 'skip') return { decision, result: null };
  if (decision.reason === 'resave') return { decision, result: confirmProduct(ports, after, now) };
  return { decision, result: pushItem(ports, after, decision.wanted, decision.fields, now, before === null) };
}

/** One ExternalId of the catalogue check. Idempotent: a repeat finds Scend in line and writes nothing new. */
export function checkCatalogueEntry(ports: ItemMasterPorts, action: CatalogueAction, now: Date): EntryOutcome {
  if (action.kind === 'unknownProduct') {
    ports.exceptions.raise(action.issue);
    return { externalId: action.product.ExternalId, action: action.kind, result: 'raised' };
  }
  if (action.kind === 'inSync') {
    // Scend already matches: only the item's own flags may lag (e.g. an earlier timeout that Scend had committed).
    applyEffects(ports, action.item, settleSuccess(action.item, action.product, now, false));
    return { externalId: action.item.id, action: action.kind, result: 'clean' };
  }
  if (!needsUpsert(action)) {
    const unreachable: never = action;
    return unreachable;
  }
  const result = upsert(ports, action.wanted);
  const externalId = action.item.id;
  // Scend down during a whole run must not raise one exception per item: the summary reports it once.
  if (!result.ok && result.failure.retry !== 'permanent') return { externalId, action: action.kind, result: 'deferred' };
  const stale = action.kind === 'create' ? [] : action.fields;
  const atStake = action.kind === 'create' || action.kind === 'rename';
  applyEffects(ports, action.item, settleUpsert(action.item, action.wanted, result, now, stale, atStake));
  return { externalId, action: action.kind, result: result.ok ? 'clean' : 'failed' };
}

