/** Exceptions the order status sync raises for customer service. */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { StatusChange } from './collapse';

export const onHoldKey = (salesOrderId: string): string => dedupeKey('scendOnHold', 'order', salesOrderId);

export function scendCancelledException(c: StatusChange): ExceptionDraft {
  return {
    type: 'scendCancelled',
    owner: 'customerService',
    dedupeKey: dedupeKey('scendCancelled', 'order', c.salesOrderId),
    transactionId: c.salesOrderId,
    scendReference: c.orderId,
    message:
      `Scend cancelled order ${c.orderId} on its side at ${c.at}; nothing more will ship from the warehouse. ` +
      'Contact the customer, then cancel or close the sales order in NetSuite (or ask Scend why and re-send it), and resolve this exception.',
  };
}

export function scendOnHoldException(c: StatusChange): ExceptionDraft {
  return {
    type: 'scendOnHold',
    owner: 'customerService',
    dedupeKey: onHoldKey(c.salesOrderId),
    transactionId: c.salesOrderId,
    scendReference: c.orderId,
    message:
      `Scend put order ${c.orderId} ON HOLD at ${c.at} (short stock, an unknown SKU or a person at the warehouse). ` +
      'Check with operations why; tell the customer if the delivery date slips. This exception resolves itself when Scend releases the order.',
  };
}

export interface LostOrder {
  ledgerId: string;
  salesOrderId: string;
  scendId: string;
  clientReference: string;
  sentAt?: string;
}

export function lostOrderException(o: LostOrder, why: string): ExceptionDraft {
  return {
    type: 'lostOrder',
    owner: 'customerService',
    dedupeKey: dedupeKey('lostOrder', 'order', o.salesOrderId),
    transactionId: o.salesOrderId,
    scendReference: o.scendId,
    message:
      `Scend does not know order ${o.scendId} (ClientReference ${o.clientReference}) that NetSuite sent${o.sentAt ? ` at ${o.sentAt}` : ''}: ${why}. ` +
      'Nothing will ship for it. Check with the integration admin, then re-send the order (Retry on the ledger row) or cancel it, and resolve this exception.',
  };
}
