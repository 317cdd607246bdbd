/**
 * The exceptions a despatch can raise, each with its owner and what to do. Keyed by DespatchId, so
 * a redelivered despatch bumps the same open exception instead of opening another.
 */
import type { Despatch } from '../../scend/contract';
import { dedupeKey, type ExceptionDraft, type ExceptionType, type OwnerTeam } from '../exceptions/exception';
import { CLOSED_ORDER_STATUSES, type DespatchOrder } from './despatch-order';
import type { DespatchProblem } from './plan-fulfilment';

const key = (type: ExceptionType, despatchId: string): string => dedupeKey(type, 'connector', `despatch:${despatchId}`);

function draft(type: ExceptionType, owner: OwnerTeam, despatchId: string, message: string, extra: Partial<ExceptionDraft> = {}): ExceptionDraft {
  return { type, owner, dedupeKey: key(type, despatchId), scendReference: despatchId, message: message.slice(0, 3900), ...extra };
}

const parcelsText = (d: Despatch): string =>
  d.Parcels.map((p) => `${p.TrackingNumber}: ${p.Lines.map((l) => `${l.LineRef} ${l.Sku} x${l.Quantity}`).join(', ')}`).join('; ');

export function malformedDespatchException(despatchId: string, problem: string, raw: string): ExceptionDraft {
  return draft(
    'despatchMalformed',
    'admin',
    despatchId,
    `Scend despatch ${despatchId} does not match the Scend contract (${problem}), so no item fulfilment was made. ` +
      'Ask Scend to correct and re-send the despatch; until then the goods have left the warehouse without a fulfilment in NetSuite. ' +
      'If Scend cannot, fulfil the order by hand from the details below and resolve this exception.',
    { details: raw.slice(0, 3900) },
  );
}

export function unmatchedDespatchException(d: Despatch): ExceptionDraft {
  return draft(
    'despatchUnmatched',
    'operations',
    d.DespatchId,
    `Scend despatched ${d.DespatchId} for ClientReference ${d.ClientReference} (Scend order ${d.OrderId}), but no sales order was sent to Scend under that reference. ` +
      'Find the order the goods belong to (it may have been keyed in Scend by hand), fulfil it with these tracking numbers, and resolve this exception.',
    { details: parcelsText(d) },
  );
}

export function closedOrderDespatchException(d: Despatch, order: DespatchOrder): ExceptionDraft {
  const state = CLOSED_ORDER_STATUSES[order.status] ?? order.status;
  return draft(
    'despatchClosedOrder',
    'customerService',
    d.DespatchId,
    `Scend despatched ${d.DespatchId} for sales order ${order.tranId}, which is ${state} in NetSuite, so no item fulfilment was made. ` +
      'The goods have left the warehouse: contact the customer (recall or bill them), then re-open and fulfil the order or book the stock out, and resolve this exception.',
    { transactionId: order.salesOrderId, details: parcelsText(d) },
  );
}

export function duplicateShipmentException(d: Despatch, order: DespatchOrder, earlier: string[]): ExceptionDraft {
  const before = earlier.length ? earlier.join(', ') : 'an earlier fulfilment';
  return draft(
    'duplicateShipment',
    'operations',
    d.DespatchId,
    `Scend despatched ${d.DespatchId} for sales order ${order.tranId}, whose despatched lines were already fully shipped by ${before}. ` +
      `Stock may have left the warehouse twice. Check with Scend whether both despatches ${[d.DespatchId, ...earlier].join(' and ')} really shipped; ` +
      'if so recover the goods or bill them, and correct stock with an adjustment; then resolve this exception.',
    { transactionId: order.salesOrderId, details: parcelsText(d) },
  );
}

function problemText(p: DespatchProblem): string {
  switch (p.kind) {
    case 'unknownLineRef':
      return `line(s) ${p.lineRefs.join(', ')} are not on the order`;
    case 'skuMismatch':
      return p.lines.map((l) => `line ${l.lineRef} shipped ${l.despatched} but the order has ${l.ordered}`).join('; ');
    case 'partialKit':
      return `kit line ${p.lineRef} shipped members that do not make whole kits (${p.detail})`;
    case 'unknownNumber':
      return `line ${p.lineRef} shipped lot/serial numbers NetSuite does not have: ${p.numbers.join(', ')}`;
    case 'numbersMissing':
      return `line ${p.lineRef}: ${p.detail}`;
    case 'overShipment':
      return p.lines.map((l) => `line ${l.lineRef} shipped ${l.quantity} with only ${l.remaining} left to fulfil`).join('; ');
    case 'alreadyShipped':
      return `line(s) ${p.lines.join(', ')} were already fully shipped`;
  }
}

export function mismatchException(d: Despatch, order: DespatchOrder, problem: DespatchProblem): ExceptionDraft {
  return draft(
    'despatchMismatch',
    'operations',
    d.DespatchId,
    `Scend despatch ${d.DespatchId} does not match sales order ${order.tranId}: ${problemText(problem)}. No item fulfilment was made. ` +
      'Check with the warehouse what actually shipped; fulfil the order by hand for what left (or correct the order), adjust stock for the difference, and resolve this exception.',
    { transactionId: order.salesOrderId, details: parcelsText(d) },
  );
}
