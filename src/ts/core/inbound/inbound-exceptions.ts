/**
 * Exceptions of the inbound flows, each for the team that can act:
 * - asnProblem (operations): an ASN could not be sent (items Scend does not know, Scend refused it,
 *   retries exhausted);
 * - receiptVariance (finance): Scend received more than the document allows, or damaged units;
 * - returnWithoutAuthorization (customer service): a return arrived for an order with no open RA.
 */
import type { ExceptionDraft } from '../exceptions/exception';
import type { Receipt, Return } from '../../scend/contract';
import type { InboundDoc } from './inbound-doc';

const typeName = (doc: Pick<InboundDoc, 'type'>): string => (doc.type === 'purchaseorder' ? 'Purchase order' : 'Transfer order');

export function asnProblemException(doc: Pick<InboundDoc, 'id' | 'type' | 'tranId'>, what: string, todo: string, details?: string): ExceptionDraft {
  return {
    type: 'asnProblem',
    owner: 'operations',
    dedupeKey: `asnProblem:transaction:${doc.id}`,
    transactionId: doc.id,
    scendReference: doc.tranId,
    message: `${typeName(doc)} ${doc.tranId} could not be announced to Scend as an ASN: ${what}. ${todo}`.slice(0, 3900),
    ...(details ? { details: details.slice(0, 3900) } : {}),
  };
}

export interface VarianceLine {
  lineRef: string;
  sku: string;
  received: number;
  damaged: number;
  /** Units NetSuite received on this line. */
  booked: number;
  /** Good units beyond what the document allowed (not received). */
  over: number;
  /** Why units were not booked when it is not over/damaged (unknown line, lot missing, serials). */
  note?: string;
}

export function receiptVarianceException(receipt: Receipt, docId: string | undefined, lines: VarianceLine[]): ExceptionDraft {
  const figures = lines
    .map((l) => `${l.sku} (line ${l.lineRef}): received ${l.received}, damaged ${l.damaged}, booked ${l.booked}${l.over ? `, over by ${l.over}` : ''}${l.note ? ` — ${l.note}` : ''}`)
    .join('; ');
  return {
    type: 'receiptVariance',
    owner: 'finance',
    dedupeKey: `receiptVariance:receipt:${receipt.ReceiptId}`,
    ...(docId ? { transactionId: docId } : {}),
    scendReference: receipt.ReceiptId,
    message:
      `Scend receipt ${receipt.ReceiptId} for ${receipt.ClientReference} (ASN ${receipt.AsnId}) differs from what NetSuite could receive: ${figures}. ` +
      'Only good units up to the open quantity were received. Claim damaged units from the supplier or write them off; ' +
      'for over-deliveries amend the purchase order and receive the rest by hand, or arrange the return to the supplier.',
    details: JSON.stringify({ receipt: receipt.ReceiptId, asn: receipt.AsnId, lines }).slice(0, 3900),
  };
}

export function returnWithoutAuthorizationException(ret: Return, orderId: string | undefined, why: string): ExceptionDraft {
  const arrived = ret.Lines.map((l) => `${l.Quantity} × ${l.Sku} ${l.Condition}${l.Reason ? ` (${l.Reason})` : ''}`).join('; ');
  return {
    type: 'returnWithoutAuthorization',
    owner: 'customerService',
    dedupeKey: `returnWithoutAuthorization:return:${ret.ReturnId}`,
    ...(orderId ? { transactionId: orderId } : {}),
    scendReference: ret.ReturnId,
    message:
      `Scend return ${ret.ReturnId} for order ${ret.ClientReference} arrived, but ${why}. What arrived: ${arrived}. ` +
      'Create (or approve) a return authorization for the order and receive these units on it by hand (RESTOCK units at the Scend location); ' +
      'the connector does not receive this return later, so nothing is counted twice.',
    details: JSON.stringify(ret).slice(0, 3900),
  };
}
