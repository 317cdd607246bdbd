/** Every call is paid for before it is sent; walks stop when the budget runs low and say where to resume. */
import { ScendClient } from '../../src/ts/scend/client';
import { BudgetExhaustedError } from '../../src/ts/scend/errors';
import type { OrderEvent, StockItem } from '../../src/ts/scend/contract';
import * as fx from './support/fixtures';
import { meteredBudget, testClient, thrown } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;

beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const eventsPage = (from: number, count: number, next: string, more: boolean) =>
  json(200, { Items: Array.from({ length: count }, (_, i) => fx.orderEvent(from + i)), NextCursor: next, HasMore: more });

describe('budget', () => {
  it('refuses a call it cannot afford without sending anything', async () => {
    const client = testClient(stub.baseUrl, { budget: { remainingUsage: () => 19 }, reserveUnits: 10 });
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(BudgetExhaustedError);
    expect(e).toMatchObject({ code: 'BUDGET_EXHAUSTED', retry: 'retryable', remainingUnits: 19, requiredUnits: 20 });
    expect(await stub.received()).toHaveLength(0);
    expect(client.callsMade).toBe(0);
  });

  it('spends the budget down to the reserve and no further', async () => {
    await stub.script('GET /v1/orders/ORD-1', json(200, fx.order));
    const client: ScendClient = testClient(stub.baseUrl, { budget: meteredBudget(55, () => client), reserveUnits: 20 });
    client.getOrder('ORD-1'); // 55 -> 45
    client.getOrder('ORD-1'); // 45 -> 35
    client.getOrder('ORD-1'); // 35 -> 25
    expect(client.canAfford()).toBe(false);
    expect(() => client.getOrder('ORD-1')).toThrow(BudgetExhaustedError);
    expect(await stub.received()).toHaveLength(3);
  });
});

describe('feed walking', () => {
  it('reads a feed to its end from a cursor and returns the cursor to poll from next time', async () => {
    await stub.script('GET /v1/order-events', eventsPage(1, 2, 'c-2', true), eventsPage(3, 2, 'c-4', true), eventsPage(5, 1, 'c-5', false));
    const client = testClient(stub.baseUrl);
    const seen: number[] = [];
    const result = client.walkFeed('order-events', { cursor: 'c-0', limit: 2, onPage: (items: OrderEvent[]) => seen.push(...items.map((e) => e.Seq)) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(result).toEqual({ stoppedBy: 'end', cursor: 'c-5', pages: 3, items: 5, error: undefined });
    expect((await stub.received()).map((r) => r.query.cursor)).toEqual(['c-0', 'c-2', 'c-4']);
  });

  it('stops before a page it cannot afford and resumes from the returned cursor', async () => {
    await stub.script('GET /v1/order-events', eventsPage(1, 2, 'c-2', true), eventsPage(3, 2, 'c-4', true), eventsPage(5, 2, 'c-6', false));
    const client: ScendClient = testClient(stub.baseUrl, { budget: meteredBudget(25, () => client) });
    const first = client.walkFeed('order-events', { onPage: () => undefined });
    expect(first).toMatchObject({ stoppedBy: 'budget', cursor: 'c-4', pages: 2 });

    const nextRun = testClient(stub.baseUrl);
    const seen: number[] = [];
    const second = nextRun.walkFeed('order-events', { cursor: first.cursor, onPage: (items) => seen.push(...items.map((e) => e.Seq)) });
    expect(second).toMatchObject({ stoppedBy: 'end', cursor: 'c-6' });
    expect(seen).toEqual([5, 6]);
  });

  it('on a failed page returns the error and the cursor before it (nothing skipped)', async () => {
    await stub.script('GET /v1/despatches', json(200, { Items: [fx.despatch], NextCursor: 'c-1', HasMore: true }), json(503, { Code: 'UNAVAILABLE', Message: 'x' }));
    const result = testClient(stub.baseUrl).walkFeed('despatches', { onPage: () => undefined });
    expect(result).toMatchObject({ stoppedBy: 'error', cursor: 'c-1', pages: 1, items: 1 });
    expect(result.error).toMatchObject({ code: 'UNAVAILABLE', retry: 'retryable' });
  });

  it('does not advance past a page whose handler threw', async () => {
    await stub.script('GET /v1/order-events', eventsPage(1, 1, 'c-1', true), eventsPage(2, 1, 'c-2', false));
    const client = testClient(stub.baseUrl);
    let pages = 0;
    expect(() =>
      client.walkFeed('order-events', {
        cursor: 'c-0',
        onPage: () => {
          pages += 1;
          if (pages === 2) throw new Error('record.save failed');
        },
      }),
    ).toThrow('record.save failed');
    expect((await stub.received()).map((r) => r.query.cursor)).toEqual(['c-0', 'c-1']);
  });

  it('stops after maxPages', async () => {
    await stub.script('GET /v1/returns', json(200, { Items: [fx.returned], NextCursor: 'c-n', HasMore: true }));
    expect(testClient(stub.baseUrl).walkFeed('returns', { maxPages: 3, onPage: () => undefined })).toMatchObject({ stoppedBy: 'maxPages', pages: 3, cursor: 'c-n' });
  });
});

describe('list walking', () => {
  const productPage = (page: number, total: number) =>
    json(200, { Items: [{ ...fx.product, ExternalId: `P${page}` }], Page: page, PageSize: 1, TotalItems: total });

  it('walks every page of a list', async () => {
    await stub.script('GET /v1/products', productPage(1, 3), productPage(2, 3), productPage(3, 3));
    const ids: string[] = [];
    const result = testClient(stub.baseUrl).walkProducts({ pageSize: 1, onPage: (items) => ids.push(...items.map((p) => p.ExternalId)) });
    expect(ids).toEqual(['P1', 'P2', 'P3']);
    expect(result).toMatchObject({ stoppedBy: 'end', nextPage: undefined, pages: 3, items: 3 });
  });

  it('returns the next page to read when the budget runs low', async () => {
    await stub.script('GET /v1/orders', json(200, { Items: [fx.order], Page: 1, PageSize: 1, TotalItems: 5 }), json(200, { Items: [fx.order], Page: 2, PageSize: 1, TotalItems: 5 }));
    const client: ScendClient = testClient(stub.baseUrl, { budget: meteredBudget(20, () => client) });
    expect(client.walkOrders({ status: 'RECEIVED' }, { pageSize: 1, onPage: () => undefined })).toMatchObject({ stoppedBy: 'budget', nextPage: 3, pages: 2 });
    expect((await stub.received()).map((r) => r.query)).toEqual([
      { status: 'RECEIVED', page: '1', pageSize: '1' },
      { status: 'RECEIVED', page: '2', pageSize: '1' },
    ]);
  });

  it('walks one stock snapshot, pinning the SnapshotId from the first page', async () => {
    const page = (n: number) => json(200, { SnapshotId: 'S-42', AsOf: '2026-11-03T00:00:00Z', Items: [fx.stockItem(`K${n}`)], Page: n, PageSize: 1, TotalItems: 2 });
    await stub.script('GET /v1/stock', page(1), page(2));
    const skus: string[] = [];
    const result = testClient(stub.baseUrl).walkStock({ warehouse: 'MAIN', pageSize: 1, onPage: (items: StockItem[]) => skus.push(...items.map((i) => i.Sku)) });
    expect(skus).toEqual(['K1', 'K2']);
    expect(result).toMatchObject({ stoppedBy: 'end', snapshotId: 'S-42' });
    expect((await stub.received()).map((r) => r.query.snapshotId)).toEqual([undefined, 'S-42']);
  });

  it('refuses to mix two snapshots in one walk', async () => {
    await stub.script('GET /v1/stock', json(200, { SnapshotId: 'S-2', AsOf: '2026-11-03T00:00:00Z', Items: [], Page: 2, PageSize: 1, TotalItems: 2 }));
    const result = testClient(stub.baseUrl).walkStock({ snapshotId: 'S-1', page: 2, onPage: () => undefined });
    expect(result).toMatchObject({ stoppedBy: 'error', nextPage: 2 });
    expect(result.error).toMatchObject({ code: 'MALFORMED_RESPONSE', field: 'SnapshotId' });
  });
});
