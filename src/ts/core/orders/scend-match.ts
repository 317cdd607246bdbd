/**
 * Which of Scend's orders for a ClientReference are this sales order. A lookup must not adopt
 * blindly: a cancelled order is history, an order with another OrderNumber or lines the sales
 * order never had is someone else's (a reused PO number), and two live matches mean the warehouse
 * may ship twice — a person decides, nothing is adopted.
 */
import type { Order } from '../../scend/contract';
import type { SalesOrderSnapshot } from './sales-order';

export type ScendMatch =
  | { kind: 'none' }
  | { kind: 'one'; order: Order }
  | { kind: 'many'; orders: Order[] }
  /** Live orders hold the reference, none of them this sales order. */
  | { kind: 'foreign'; orders: Order[] };

function isThisOrder(o: Order, order: Pick<SalesOrderSnapshot, 'tranId' | 'lines'>): boolean {
  if (o.OrderNumber && o.OrderNumber !== order.tranId) return false;
  const lineIds = order.lines.map((l) => l.line);
  // A kit line is sent as its members, LineRef `<line>.<member item>`: the line id is before the dot.
  return (o.Lines ?? []).every((l) => lineIds.indexOf(l.LineRef.split('.')[0]) >= 0);
}

export function matchScendOrders(found: readonly Order[], order: Pick<SalesOrderSnapshot, 'tranId' | 'lines'>): ScendMatch {
  const live = found.filter((o) => o.Status !== 'CANCELLED');
  const mine = live.filter((o) => isThisOrder(o, order));
  if (mine.length === 1) return { kind: 'one', order: mine[0] };
  if (mine.length > 1) return { kind: 'many', orders: mine };
  return live.length ? { kind: 'foreign', orders: live } : { kind: 'none' };
}
