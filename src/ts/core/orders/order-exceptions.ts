/**
 * Exceptions the order handoff raises, each written for the team that owns it: what happened,
 * then what to do. One per problem per order (dedupe key), so repeats update it.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { HeldItem } from './warehouse-lines';

export interface OrderRef {
  id: string;
  tranId: string;
  clientReference?: string;
}

const label = (o: OrderRef): string => `Sales order ${o.tranId}`;
const base = (o: OrderRef) => ({ transactionId: o.id, ...(o.clientReference ? { scendReference: o.clientReference } : {}) });

export function missingAddressException(order: OrderRef, missing: string[]): ExceptionDraft {
  return {
    ...base(order),
    type: 'missingAddress',
    owner: 'customerService',
    dedupeKey: dedupeKey('missingAddress', 'order', order.id),
    message:
      `${label(order)} was not sent to the warehouse: its shipping address has no ${missing.join(', ')}. ` +
      'Complete the shipping address on the order; it is sent automatically once saved.',
    details: JSON.stringify({ missing }),
  };
}

export function heldItemExceptions(order: OrderRef, held: HeldItem[]): ExceptionDraft[] {
  const unmapped = held.filter((h) => h.problem.kind === 'unmapped');
  const mismatched = held.filter((h) => h.problem.kind === 'mismatch');
  const out: ExceptionDraft[] = [];
  if (unmapped.length) {
    out.push({
      ...base(order),
      type: 'unmappedSku',
      owner: 'operations',
      ...(unmapped.length === 1 ? { itemId: unmapped[0].itemId } : {}),
      dedupeKey: dedupeKey('unmappedSku', 'order', order.id),
      message:
        `${label(order)} is on hold: Scend does not know ${unmapped.map((h) => h.name).join(', ')}. ` +
        "Sync the item to Scend (save the item, or run the catalogue check); the order is sent automatically once Scend has it.",
      details: JSON.stringify({ items: unmapped.map((h) => h.itemId) }),
    });
  }
  if (mismatched.length) {
    const pairs = mismatched.map((h) => (h.problem.kind === 'mismatch' ? `${h.problem.netsuiteSku} (Scend: ${h.problem.scendSku})` : h.name));
    out.push({
      ...base(order),
      type: 'skuMismatch',
      owner: 'operations',
      ...(mismatched.length === 1 ? { itemId: mismatched[0].itemId } : {}),
      dedupeKey: dedupeKey('skuMismatch', 'order', order.id),
      message:
        `${label(order)} is on hold: the SKU of ${pairs.join(', ')} differs between NetSuite and Scend. ` +
        'Align the SKU (re-save the item so Scend is updated); the order is sent automatically once it matches.',
      details: JSON.stringify({ items: mismatched.map((h) => h.itemId) }),
    });
  }
  return out;
}

export function orderRejectedException(order: OrderRef, code: string, scendMessage: string, details: unknown): ExceptionDraft {
  return {
    ...base(order),
    type: 'orderRejected',
    owner: 'operations',
    dedupeKey: dedupeKey('orderRejected', 'order', order.id),
    message:
      `${label(order)} was rejected by Scend (${code}: ${scendMessage}). ` +
      'Correct the order or the items named in the details; the connector tries again on its next run.',
    details: JSON.stringify({ code, details }),
  };
}

export function invalidPayloadException(order: OrderRef, code: string, scendMessage: string, details: unknown): ExceptionDraft {
  return {
    ...base(order),
    type: 'invalidPayload',
    owner: 'admin',
    dedupeKey: dedupeKey('invalidPayload', 'order', order.id),
    message:
      `${label(order)} could not be sent: Scend refused the request as malformed (${code}: ${scendMessage}). ` +
      'This is a connector problem, not a data entry one: send the details to the connector administrator.',
    details: JSON.stringify({ code, details }),
  };
}

export function stalledException(order: OrderRef, hours: number, lastError: string): ExceptionDraft {
  return {
    ...base(order),
    type: 'stalled',
    owner: 'admin',
    dedupeKey: dedupeKey('stalled', 'order', order.id),
    message:
      `${label(order)} has been approved for more than ${hours} hours but has not reached Scend` +
      `${lastError ? ` (last error: ${lastError})` : ''}. ` +
      'Check the Scend connection and configuration; the connector keeps retrying and closes this when the order is sent.',
    details: JSON.stringify({ lastError }),
  };
}

export function retriesExhaustedException(order: OrderRef, attempts: number, lastError: string): ExceptionDraft {
  return {
    ...base(order),
    type: 'connection',
    owner: 'admin',
    dedupeKey: dedupeKey('connection', 'order', order.id),
    message:
      `${label(order)} could not be sent to Scend after ${attempts} attempts (last error: ${lastError}). ` +
      'Fix the connection, then set its Scend sync ledger entry back to "Waiting to retry".',
    details: JSON.stringify({ attempts, lastError }),
  };
}

export function cancelConflictException(order: OrderRef, scendStatus: string, scendOrderId: string): ExceptionDraft {
  return {
    ...base(order),
    scendReference: scendOrderId,
    type: 'cancelConflict',
    owner: 'customerService',
    dedupeKey: dedupeKey('cancelConflict', 'order', order.id),
    message:
      `Someone tried to cancel or close ${label(order)}, but the warehouse is already packing it (Scend status ${scendStatus}). ` +
      'The change was refused. Do not refund the customer; the order will ship — raise a return instead.',
    details: JSON.stringify({ scendStatus, scendOrderId }),
  };
}

export function cancelUnverifiedException(order: OrderRef, reason: string): ExceptionDraft {
  return {
    ...base(order),
    type: 'cancelConflict',
    owner: 'customerService',
    dedupeKey: dedupeKey('cancelConflict', 'order', order.id),
    message:
      `${label(order)} was cancelled or closed in NetSuite while Scend could not be reached (${reason}), so the warehouse may still ship it. ` +
      'Check the order in Scend and cancel it there; do not refund until the warehouse confirms.',
    details: JSON.stringify({ reason }),
  };
}

export function amendConflictException(order: OrderRef, scendStatus: string, differences: string[]): ExceptionDraft {
  return {
    ...base(order),
    type: 'amendConflict',
    owner: 'operations',
    dedupeKey: dedupeKey('amendConflict', 'order', order.id),
    message:
      `${label(order)} was changed in NetSuite after the warehouse started on it (Scend status ${scendStatus}), so Scend was not updated. ` +
      `What differs: ${differences.join('; ')}. Agree with the warehouse what ships, then align the order.`,
    details: JSON.stringify({ scendStatus, differences }),
  };
}

/** More than one live Scend order looks like this sales order: the warehouse may ship it twice. */
export function duplicateRiskException(order: OrderRef, scendOrderIds: string[]): ExceptionDraft {
  return {
    ...base(order),
    type: 'duplicateRisk',
    owner: 'operations',
    dedupeKey: dedupeKey('duplicateRisk', 'order', order.id),
    message:
      `${label(order)} is in Scend ${scendOrderIds.length} times (${scendOrderIds.join(', ')}), so it may be shipped twice. ` +
      'Cancel the extra orders in Scend before they are packed (keep one), then resolve this exception; the connector links the one left.',
    details: JSON.stringify({ scendOrderIds }),
  };
}

/** Scend holds the ClientReference for an order that is not this one (e.g. a reused PO number). */
export function referenceTakenException(order: OrderRef, scendOrderIds: string[]): ExceptionDraft {
  return {
    ...base(order),
    type: 'duplicateRisk',
    owner: 'customerService',
    dedupeKey: dedupeKey('duplicateRisk', 'order', order.id),
    message:
      `${label(order)} was not sent: Scend already has a different order with its reference ${order.clientReference ?? ''} (${scendOrderIds.join(', ')}). ` +
      'Check whether this is a second order on the same customer PO; correct the reference on the order (or merge the orders), then save it.',
    details: JSON.stringify({ scendOrderIds }),
  };
}

/** A backlog key for this order failed with an unexpected error (after its retries): nothing silent. */
export function backlogFailedException(orderId: string, error: string): ExceptionDraft {
  let what = error;
  try {
    const parsed = JSON.parse(error) as { name?: string; message?: string };
    what = `${parsed.name ?? 'Error'}: ${parsed.message ?? ''}`;
  } catch {
    // not JSON: the text as it came
  }
  return {
    type: 'failedWork',
    owner: 'admin',
    // No transaction link: the failure may be that the order no longer exists.
    dedupeKey: dedupeKey('failedWork', 'order', orderId),
    message:
      `The order backlog could not work sales order internal id ${orderId} (${what.slice(0, 300)}). ` +
      'It is tried again on every backlog run; this exception resolves itself once a run gets through. ' +
      'If it keeps failing, check the order and the error details, or contact support with them.',
    details: error.slice(0, 3900),
  };
}

/** Cancelled in NetSuite (the save committed), but Scend had moved on to packing in between. */
export function cancelLostRaceException(order: OrderRef, scendStatus: string, scendOrderId: string): ExceptionDraft {
  return {
    ...base(order),
    scendReference: scendOrderId,
    type: 'cancelConflict',
    owner: 'customerService',
    dedupeKey: dedupeKey('cancelConflict', 'order', order.id),
    message:
      `${label(order)} was cancelled in NetSuite, but the warehouse started packing it in the same moment (Scend status ${scendStatus}), so it will ship. ` +
      'Do not refund the customer yet: ask the warehouse to stop the parcel, or raise a return once it is delivered; then resolve this exception.',
    details: JSON.stringify({ scendStatus, scendOrderId }),
  };
}
