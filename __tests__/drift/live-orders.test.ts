import { LIVE_STATUSES, readLiveOrders, type LiveOrderLister } from '../../src/ts/core/drift/live-orders';
import { RateLimitedError } from '../../src/ts/scend/errors';
import type { Order, OrderStatus } from '../../src/ts/scend/contract';

const order = (OrderId: string, Status: OrderStatus): Order => ({ OrderId, Status, StatusChangedAt: '2026-11-30T10:00:00Z' }) as Order;

function lister(pages: Partial<Record<OrderStatus, Order[]>>, failing: OrderStatus[] = []): LiveOrderLister & { asked: Array<{ status?: OrderStatus; pageSize?: number }> } {
  const asked: Array<{ status?: OrderStatus; pageSize?: number }> = [];
  return {
    asked,
    walkOrders(query, options) {
      asked.push({ status: query.status, pageSize: options.pageSize });
      if (query.status && failing.includes(query.status)) {
        return { stoppedBy: 'error', pages: 0, items: 0, nextPage: 1 };
      }
      const items = pages[query.status as OrderStatus] ?? [];
      options.onPage(items, { Items: items, Page: 1, PageSize: 500, TotalItems: items.length });
      return { stoppedBy: 'end', pages: 1, items: items.length, nextPage: undefined };
    },
  };
}

describe("Scend's live orders for drift detection", () => {
  it('lists every live status at the largest page size and keys orders by OrderId', () => {
    const l = lister({ RECEIVED: [order('O1', 'RECEIVED')], ON_HOLD: [order('O2', 'ON_HOLD')] });
    const live = readLiveOrders(l);
    expect(l.asked).toEqual(LIVE_STATUSES.map((status) => ({ status, pageSize: 500 })));
    expect([...live.byId.keys()].sort()).toEqual(['O1', 'O2']);
    expect(live.byId.get('O2')?.Status).toBe('ON_HOLD');
    expect(live.incomplete).toEqual([]);
    expect(LIVE_STATUSES).not.toContain('DESPATCHED');
    expect(LIVE_STATUSES).not.toContain('CANCELLED');
  });

  it("trusts each order's own status, not the list's filter", () => {
    const live = readLiveOrders(lister({ PICKING: [order('O3', 'DESPATCHED')] }));
    expect(live.byId.has('O3')).toBe(false); // read by id later, never taken as PICKING
  });

  it('names the statuses whose list failed, so their orders are read one by one', () => {
    const live = readLiveOrders(lister({ RECEIVED: [order('O1', 'RECEIVED')] }, ['PACKED']));
    expect(live.byId.has('O1')).toBe(true);
    expect(live.incomplete.map((i) => [i.status, i.stoppedBy])).toEqual([['PACKED', 'error']]);
  });
});

describe("Scend's live orders under Scend's rate limit", () => {
  it('stops at a 429: the remaining lists are not asked for, and the Retry-After is passed on', () => {
    const asked: Array<string | undefined> = [];
    const limited: LiveOrderLister = {
      walkOrders(query) {
        asked.push(query.status);
        if (query.status === 'RELEASED') {
          return { stoppedBy: 'error', pages: 0, items: 0, nextPage: 1, error: new RateLimitedError({ operation: 'listOrders', method: 'GET', path: '/orders' } as never, 30) };
        }
        return { stoppedBy: 'end', pages: 1, items: 0, nextPage: undefined };
      },
    };
    const live = readLiveOrders(limited);
    expect(asked).toEqual(['RECEIVED', 'RELEASED']);
    expect(live.rateLimited).toEqual({ retryAfterSeconds: 30 });
    expect(live.incomplete.map((i) => i.status)).toEqual(['RELEASED', 'PICKING', 'PACKING', 'PACKED', 'ON_HOLD']);
  });
});
