/**
 * The exception model: a problem between NetSuite and Scend that a person must act on.
 * One open exception per problem (its dedupe key); seeing the problem again updates it (last seen,
 * occurrences, latest message), and it resolves itself when the cause clears.
 */
import type { LISTS } from '../../ids';
import type { Severity } from './exception-types';
import { DEFAULT_ROUTING, respondBy, routeOf, type ExceptionRouting } from './routing';

export type ExceptionType = keyof typeof LISTS.exceptionType.values;
export type OwnerTeam = keyof typeof LISTS.ownerTeam.values;
export type ExceptionStatus = keyof typeof LISTS.exceptionStatus.values;

/** What a use case wants recorded. `message` is for the owner: what happened, then what to do. */
export interface ExceptionDraft {
  type: ExceptionType;
  /** The use case's default owner; a routing record for the type overrides it. */
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
  severity: Severity;
  /** First seen plus the severity's response window: overdue once past and still open. */
  respondBy: Date;
  /** High severity: the alert script emails the owner team once, then clears this. */
  alertPending: boolean;
}

export type ExceptionWrite =
  | { kind: 'create'; values: ExceptionValues }
  | { kind: 'update'; id: string; values: Pick<ExceptionValues, 'message' | 'details' | 'lastSeen' | 'occurrences'> & { scendReference?: string } };

/**
 * Create a new open exception, or bump the open one with the same dedupe key. Owner, severity,
 * respond-by and the alert are decided once, when the problem opens: seeing it again never
 * alerts again or moves its deadline.
 */
export function planRaise(existing: OpenException | undefined, draft: ExceptionDraft, now: Date, routing: ExceptionRouting = DEFAULT_ROUTING): ExceptionWrite {
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
  const routed = routeOf(draft.type, draft.owner, routing);
  return {
    kind: 'create',
    values: {
      type: draft.type,
      owner: routed.owner,
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
      severity: routed.severity,
      respondBy: respondBy(routed.severity, now, routing.windows),
      alertPending: routed.severity === 'high',
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
