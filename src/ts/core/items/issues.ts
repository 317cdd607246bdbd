/**
 * Item-master problems a person must act on. Each becomes (or resolves) one
 * customrecord_scend_exception through the exception repository, deduplicated by key. All go to
 * operations: they own the item master on both sides.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';

export type ItemIssueType = 'skuMismatch' | 'catalogueDrift' | 'unknownProduct';
export type ItemIssue = ExceptionDraft & { type: ItemIssueType; owner: 'operations' };

export const skuMismatchKey = (itemInternalId: string): string => dedupeKey('skuMismatch', 'item', itemInternalId);
export const catalogueDriftKey = (itemInternalId: string): string => dedupeKey('catalogueDrift', 'item', itemInternalId);
/** A Scend product is not a NetSuite subject: keyed by its ExternalId in Scend. */
export const unknownProductKey = (externalId: string): string => `unknownProduct:scendProduct:${externalId}`;

/** The item-master exception types: the catalogue check sweeps open ones of these. */
export const ITEM_ISSUE_TYPES: readonly ItemIssueType[] = ['skuMismatch', 'catalogueDrift', 'unknownProduct'];

/** The subject an item-master dedupe key is about, so a later run can tell whether the cause cleared. */
export function issueSubject(key: string): { kind: 'item' | 'scendProduct'; id: string } | null {
  const m = /^(skuMismatch|catalogueDrift):item:(.+)$/.exec(key);
  if (m) return { kind: 'item', id: m[2] };
  const p = /^unknownProduct:scendProduct:(.+)$/.exec(key);
  return p ? { kind: 'scendProduct', id: p[1] } : null;
}

export const detailsText = (details: Record<string, unknown>): string => JSON.stringify(details);
