/**
 * The exception model: a problem between NetSuite and Scend that a person must act on.
 * One open exception per problem (its dedupe key); seeing the problem again updates it (last seen,
 * occurrences, latest message), and it resolves itself when the cause clears.
 */
import type { LISTS } from '../../ids';

export type ExceptionType = keyof typeof LISTS.exceptionType.values;
export type OwnerTeam = keyof typeof LISTS.ownerTeam.values;
export type ExceptionStatus = keyof typeof LISTS.exceptionStatus.values;

/** What a use case wants recorded. `message` is for the owner: what happened, then what to do. */
export interface ExceptionDraft {
  type: ExceptionType;
  owner: OwnerTeam;
  dedupeKey: string;
  message: string;
  /** Technical detail for an admin (error codes, payload excerpts); never secrets. */
  details?: string;
  transactionId?: string;
  itemId?: string;
  scendReference?: string;
}

/** An open exception as stored. */
export interface OpenException {
  id: string;
  dedupeKey: string;
  occurrences: number;
  firstSeen: Date;
}

export interface ExceptionValues {
  type: ExceptionType;
  owner: OwnerTeam;
  status: ExceptionStatus;
  dedupeKey: string;
  message: string;
  details: string;
  transactionId?: string;
  itemId?: string;
  scendReference?: string;
  firstSeen: Date;
  lastSeen: Date;
  occurrences: number;
}

export type ExceptionWrite =
  | { kind: 'create'; values: ExceptionValues }
  | { kind: 'update'; id: string; values: Pick<ExceptionValues, 'message' | 'details' | 'lastSeen' | 'occurrences'> & { scendReference?: string } };

/** Create a new open exception, or bump the open one with the same dedupe key. */
export function planRaise(existing: OpenException | undefined, draft: ExceptionDraft, now: Date): ExceptionWrite {
  if (existing) {
    return {
      kind: 'update',
      id: existing.id,
      values: {
        message: draft.message,
        details: draft.details ?? '',
        lastSeen: now,
        occurrences: existing.occurrences + 1,
        ...(draft.scendReference ? { scendReference: draft.scendReference } : {}),
      },
    };
  }
  return {
    kind: 'create',
    values: {
      type: draft.type,
      owner: draft.owner,
      status: 'open',
      dedupeKey: draft.dedupeKey,
      message: draft.message,
      details: draft.details ?? '',
      transactionId: draft.transactionId,
      itemId: draft.itemId,
      scendReference: draft.scendReference,
      firstSeen: now,
      lastSeen: now,
      occurrences: 1,
    },
  };
}

/** Dedupe keys: one problem type per subject (`<type>:order:<id>`, `<type>:item:<id>`, ...). */
export const dedupeKey = (type: ExceptionType, subject: 'order' | 'item' | 'connector', id: string): string =>
  `${type}:${subject}:${id}`;

/** The exception types an order can be blocked by; sending it clears them all. */
export const ORDER_BLOCKING_TYPES: readonly ExceptionType[] = [
  'missingAddress',
  'unmappedSku',
  'skuMismatch',
  'orderRejected',
  'invalidPayload',
  'stalled',
  'connection',
  'orderData',
  'tooManyLines',
  'duplicateReference',
];
