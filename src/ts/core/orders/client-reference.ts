/**
 * Scend's ClientReference for an order (configurable): its External ID, its document number, or
 * the customer's PO number; the sources that may be empty fall back to the document number.
 */
import type { ReferenceSource } from '../config';
import type { SalesOrderSnapshot } from './sales-order';

export function clientReferenceOf(order: Pick<SalesOrderSnapshot, 'externalId' | 'tranId' | 'poNumber'>, source: ReferenceSource): string {
  switch (source) {
    case 'externalIdElseTranId':
      return (order.externalId ?? '').trim() || order.tranId;
    case 'tranId':
      return order.tranId;
    case 'poNumberElseTranId':
      return (order.poNumber ?? '').trim() || order.tranId;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}

/** Whether two NetSuite orders can share a ClientReference (NetSuite keeps External IDs and document numbers unique, not PO numbers). */
export const referenceMayRepeat = (source: ReferenceSource): boolean => source === 'poNumberElseTranId';
