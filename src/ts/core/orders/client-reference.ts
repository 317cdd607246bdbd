/** Scend's ClientReference for an order: its External ID, else its document number (configurable). */
import type { ReferenceSource } from '../config';
import type { SalesOrderSnapshot } from './sales-order';

export function clientReferenceOf(order: Pick<SalesOrderSnapshot, 'externalId' | 'tranId'>, source: ReferenceSource): string {
  switch (source) {
    case 'externalIdElseTranId':
      return (order.externalId ?? '').trim() || order.tranId;
    case 'tranId':
      return order.tranId;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}
