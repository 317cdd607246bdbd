/**
 * The registry of exception types: who owns each by default (today's owners, docs/operations.md)
 * and how urgent it is. A new area (despatches, stock, receipts, returns) adds its types to the
 * list in ids.ts and a row here; the compiler refuses a type without one.
 * The owner a use case puts on its draft stays the default (one type can go to two teams, e.g. a
 * duplicate shipment risk); a routing record overrides it per type (routing.ts).
 */
import type { LISTS } from '../../ids';
import type { ExceptionType, OwnerTeam } from './exception';

export type Severity = keyof typeof LISTS.severity.values;

export interface ExceptionTypeDefaults {
  owner: OwnerTeam;
  severity: Severity;
}

export const EXCEPTION_TYPES: Readonly<Record<ExceptionType, ExceptionTypeDefaults>> = {
  skuMismatch: { owner: 'operations', severity: 'medium' },
  unmappedSku: { owner: 'operations', severity: 'medium' },
  missingAddress: { owner: 'customerService', severity: 'medium' },
  orderRejected: { owner: 'operations', severity: 'medium' },
  // Nothing reaches Scend while these are open: every order waits.
  connection: { owner: 'admin', severity: 'high' },
  configuration: { owner: 'admin', severity: 'high' },
  stalled: { owner: 'admin', severity: 'medium' },
  // A parcel may go out that should not (or be refunded while it ships).
  cancelConflict: { owner: 'customerService', severity: 'high' },
  duplicateRisk: { owner: 'operations', severity: 'high' },
  amendConflict: { owner: 'operations', severity: 'medium' },
  catalogueDrift: { owner: 'operations', severity: 'low' },
  unknownProduct: { owner: 'operations', severity: 'low' },
  invalidPayload: { owner: 'admin', severity: 'medium' },
  failedWork: { owner: 'admin', severity: 'medium' },
  orderData: { owner: 'customerService', severity: 'medium' },
  tooManyLines: { owner: 'operations', severity: 'medium' },
  duplicateReference: { owner: 'customerService', severity: 'medium' },
  // Stock and the ledger: finance approves what moves the books.
  stockDrift: { owner: 'finance', severity: 'medium' },
  stockMovement: { owner: 'operations', severity: 'medium' },
  // Despatches and order status: stock may have left twice, or a customer is waiting.
  duplicateShipment: { owner: 'operations', severity: 'high' },
  despatchMismatch: { owner: 'operations', severity: 'medium' },
  despatchUnmatched: { owner: 'operations', severity: 'medium' },
  despatchClosedOrder: { owner: 'customerService', severity: 'high' },
  despatchMalformed: { owner: 'admin', severity: 'medium' },
  scendCancelled: { owner: 'customerService', severity: 'high' },
  scendOnHold: { owner: 'customerService', severity: 'medium' },
  lostOrder: { owner: 'operations', severity: 'high' },
  // Inbound.
  receiptVariance: { owner: 'finance', severity: 'medium' },
  returnWithoutAuthorization: { owner: 'customerService', severity: 'medium' },
  asnProblem: { owner: 'operations', severity: 'medium' },
  // Drift: the two systems' states disagree (core/drift/drift-kinds.ts).
  driftDespatchedNotFulfilled: { owner: 'operations', severity: 'high' },
  driftCancelledOneSide: { owner: 'customerService', severity: 'high' },
  driftUnknownToScend: { owner: 'admin', severity: 'high' },
  driftStuck: { owner: 'operations', severity: 'medium' },
  driftNotSent: { owner: 'admin', severity: 'medium' },
  driftItem: { owner: 'operations', severity: 'low' },
  driftStock: { owner: 'finance', severity: 'medium' },
};

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
