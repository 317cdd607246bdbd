/**
 * Exceptions for data entered on the order that Scend cannot take: routed to the team that can
 * correct it (customer service for the order's values, operations for an order too big for one
 * Scend order), never to the admin as "a connector problem". The order is held and sent once fixed.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { OrderLimitProblems } from './order-limits';
import type { OrderRef } from './order-exceptions';

const label = (o: OrderRef): string => `Sales order ${o.tranId}`;
const base = (o: OrderRef) => ({ transactionId: o.id, ...(o.clientReference ? { scendReference: o.clientReference.slice(0, 100) } : {}) });

export function orderLimitExceptions(order: OrderRef, problems: OrderLimitProblems): ExceptionDraft[] {
  const out: ExceptionDraft[] = [];
  if (problems.tooLong.length || problems.fractional.length) {
    const parts = [
      ...problems.tooLong.map((t) => `the ${t.label} is ${t.length} characters (Scend takes at most ${t.max})`),
      ...problems.fractional.map((f) => `line ${f.line} is ${f.baseQuantity} in the item's base units (the warehouse picks whole units)`),
    ];
    out.push({
      ...base(order),
      type: 'orderData',
      owner: 'customerService',
      dedupeKey: dedupeKey('orderData', 'order', order.id),
      message:
        `${label(order)} was not sent to the warehouse: ${parts.join('; ')}. ` +
        'Shorten the value (or correct the quantity/units) on the order and save it; it is sent automatically once saved.',
      details: JSON.stringify({ tooLong: problems.tooLong, fractional: problems.fractional }),
    });
  }
  if (problems.lineCount) {
    out.push({
      ...base(order),
      type: 'tooManyLines',
      owner: 'operations',
      dedupeKey: dedupeKey('tooManyLines', 'order', order.id),
      message:
        `${label(order)} was not sent to the warehouse: it has ${problems.lineCount.count} warehouse lines and Scend takes at most ${problems.lineCount.max} per order. ` +
        'Split it into smaller orders (or close lines); it is sent automatically once it fits.',
      details: JSON.stringify(problems.lineCount),
    });
  }
  return out;
}

/** Another NetSuite order already holds this ClientReference (two orders on one customer PO). */
export function duplicateReferenceException(order: OrderRef, other: { id: string; label: string }): ExceptionDraft {
  return {
    ...base(order),
    type: 'duplicateReference',
    owner: 'customerService',
    dedupeKey: dedupeKey('duplicateReference', 'order', order.id),
    message:
      `${label(order)} was not sent to the warehouse: its reference ${order.clientReference ?? ''} (the customer's PO number) is already used by ${other.label}, ` +
      'and Scend would treat the two as one order. If it is a second order on the same PO, give it a distinct PO number (e.g. a suffix); ' +
      'if it is a duplicate, close it. It is sent automatically once saved with a distinct reference, or once the other order is cancelled.',
    details: JSON.stringify({ otherTransactionId: other.id, otherOrder: other.label }),
  };
}
