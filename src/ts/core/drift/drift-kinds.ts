/**
 * The kinds of drift the drift check finds, each an exception type with its owner. A new area adds
 * a kind here and a small check function beside the others (order-drift.ts, item-drift.ts, ...).
 */
import { dedupeKey, type ExceptionType, type OwnerTeam } from '../exceptions/exception';

export interface DriftKind {
  type: ExceptionType;
  owner: OwnerTeam;
  subject: 'order' | 'item' | 'connector';
}

export const DRIFT_KINDS = {
  despatchedNotFulfilled: { type: 'driftDespatchedNotFulfilled', owner: 'operations', subject: 'order' },
  cancelledInScendOnly: { type: 'driftCancelledOneSide', owner: 'customerService', subject: 'order' },
  cancelledInNetSuiteOnly: { type: 'driftCancelledOneSide', owner: 'customerService', subject: 'order' },
  unknownToScend: { type: 'driftUnknownToScend', owner: 'admin', subject: 'order' },
  stuckInStatus: { type: 'driftStuck', owner: 'operations', subject: 'order' },
  neverSent: { type: 'driftNotSent', owner: 'admin', subject: 'order' },
  itemMaster: { type: 'driftItem', owner: 'operations', subject: 'item' },
  stock: { type: 'driftStock', owner: 'finance', subject: 'item' },
} as const satisfies Record<string, DriftKind>;

export type DriftKindName = keyof typeof DRIFT_KINDS;

/** Every exception type drift raises: the summarize step resolves open ones it did not see again. */
export const DRIFT_EXCEPTION_TYPES: readonly ExceptionType[] = [...new Set(Object.values(DRIFT_KINDS).map((k) => k.type))];

export const driftKey = (kind: DriftKindName, id: string): string => dedupeKey(DRIFT_KINDS[kind].type, DRIFT_KINDS[kind].subject, id);

/** What one check found about one subject: a drift to raise, or a clean bill. */
export interface DriftFinding {
  kind: DriftKindName;
  subjectId: string;
  message: string;
  details?: string;
  transactionId?: string;
  itemId?: string;
  scendReference?: string;
}
