/**
 * Scend's live orders, read as a few list pages instead of one GET per order. Drift detection
 * compares every open NetSuite order with its Scend state; one GET each costs 10 units and one of
 * Scend's 120 requests a minute, so 10,000 open orders would need 83 minutes of Scend's rate limit
 * every hour. Listing the live statuses (500 orders a page) reads the same state in ~20 calls.
 * An order missing from the lists is despatched, cancelled, unknown to Scend, or moved between two
 * pages while they were read: drift detection then reads it by id, so missing never means aligned.
 */
import type { Order, OrderStatus } from '../../scend/contract';
import { MAX_PAGE_SIZE } from '../../scend/contract';
import { RateLimitedError } from '../../scend/errors';
import type { ListWalkResult, ListWalkOptions } from '../../scend/walk';

/** Statuses in which Scend still holds work on an order (every status but DESPATCHED and CANCELLED). */
export const LIVE_STATUSES: readonly OrderStatus[] = ['RECEIVED', 'RELEASED', 'PICKING', 'PACKING', 'PACKED', 'ON_HOLD'];

export type ScendOrderState = Pick<Order, 'OrderId' | 'Status' | 'StatusChangedAt'>;

export interface LiveOrderLister {
  walkOrders(query: { status?: OrderStatus }, options: ListWalkOptions<Order>): ListWalkResult;
}

export interface LiveOrders {
  byId: Map<string, ScendOrderState>;
  /** Statuses whose list was not read to its end (their orders are read one by one instead). */
  incomplete: Array<{ status: OrderStatus; stoppedBy: string; error?: string }>;
  /** Scend answered 429: the remaining lists were not asked for (Retry-After, if Scend gave one). */
  rateLimited?: { retryAfterSeconds: number | undefined };
}

export function readLiveOrders(scend: LiveOrderLister): LiveOrders {
  const byId = new Map<string, ScendOrderState>();
  const incomplete: LiveOrders['incomplete'] = [];
  for (const status of LIVE_STATUSES) {
    const walked = scend.walkOrders(
      { status },
      {
        pageSize: MAX_PAGE_SIZE,
        onPage: (items) => {
          // Trust each order's own Status, not the filter: a list page is a view, the order is the state.
          for (const o of items) if (o.Status === status) byId.set(o.OrderId, { OrderId: o.OrderId, Status: o.Status, StatusChangedAt: o.StatusChangedAt });
        },
      },
    );
    if (walked.stoppedBy !== 'end') incomplete.push({ status, stoppedBy: walked.stoppedBy, error: walked.error?.message });
    if (walked.error instanceof RateLimitedError) {
      // Asking again now only meets another 429 and spends the limit the order hand-over shares.
      for (const rest of LIVE_STATUSES.slice(LIVE_STATUSES.indexOf(status) + 1)) incomplete.push({ status: rest, stoppedBy: 'rateLimited' });
      return { byId, incomplete, rateLimited: { retryAfterSeconds: walked.error.retryAfterSeconds } };
    }
  }
  return { byId, incomplete };
}
