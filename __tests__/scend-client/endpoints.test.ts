/** Every endpoint's happy path over real HTTP: what the client sends, and the typed value it returns. */
import { ScendClient } from '../../src/ts/scend/client';
import * as fx from './support/fixtures';
import { newTestKey, testClient } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;
let client: ScendClient;
const key = newTestKey();

beforeAll(async () => {
  stub = await startStub();
  client = testClient(stub.baseUrl, { apiKey: key });
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const feedOf = <T>(items: T[], next = 'c-2', more = false) => ({ Items: items, NextCursor: next, HasMore: more });
const listOf = <T>(items: T[], page = 1, pageSize = 50, total = items.length) => ({ Items: items, Page: page, PageSize: pageSize, TotalItems: total });

async function lastRequest() {
  const all = await stub.received();
  return all[all.length - 1];
}

describe('products', () => {
  it('upserts a product with PUT /v1/products/{ExternalId} and reports creation on 201', async () => {
    await stub.script('PUT /v1/products/1001', json(201, fx.product), json(200, { ...fx.product, Name: 'Mug v2' }));
    expect(client.upsertProduct(fx.productUpsert)).toEqual({ product: fx.product, created: true });
    expect(client.upsertProduct({ ...fx.productUpsert, Name: 'Mug v2' })).toEqual({ product: { ...fx.product, Name: 'Mug v2' }, created: false });
    const req = await lastRequest();
    expect(req.method).toBe('PUT');
    expect(JSON.parse(req.body)).toEqual({ ...fx.productUpsert, Name: 'Mug v2' });
    expect(req.headers['x-api-key']).toBe(key);
    expect(req.headers['content-type']).toBe('application/json');
  });

  it('encodes an ExternalId with reserved characters as one path segment', async () => {
    await stub.script('GET /v1/products/a%2Fb%20c', json(200, { ...fx.product, ExternalId: 'a/b c' }));
    expect(client.getProduct('a/b c').ExternalId).toBe('a/b c');
  });

  it('gets a product, normalising null optional fields to absent and dropping unknown fields', async () => {
    await stub.script('GET /v1/products/1001', json(200, { ...fx.product, Barcode: null, LengthCm: null, Extra: 'x' }));
    const { Barcode: _b, ...withoutBarcode } = fx.product;
    expect(client.getProduct('1001')).toEqual(withoutBarcode);
  });

  it('lists products by sku and page', async () => {
    await stub.script('GET /v1/products', json(200, listOf([fx.product], 2, 10, 11)));
    expect(client.listProducts({ sku: 'MUG 01&x', page: 2, pageSize: 10 })).toEqual(listOf([fx.product], 2, 10, 11));
    expect((await lastRequest()).query).toEqual({ sku: 'MUG 01&x', page: '2', pageSize: '10' });
  });

  it('finds the product holding a sku, or undefined', async () => {
    await stub.script('GET /v1/products', json(200, listOf([fx.product])), json(200, listOf([])));
    expect(client.findProductBySku('MUG-01')).toEqual(fx.product);
    expect(client.findProductBySku('GONE')).toBeUndefined();
  });
});

describe('orders', () => {
  it('creates an order with POST /v1/orders', async () => {
    await stub.script('POST /v1/orders', json(201, { OrderId: 'ORD-1', ClientReference: 'SO-1001', Status: 'RECEIVED' }));
    expect(client.createOrder(fx.orderCreate)).toEqual({ OrderId: 'ORD-1', ClientReference: 'SO-1001', Status: 'RECEIVED' });
    expect(JSON.parse((await lastRequest()).body)).toEqual(fx.orderCreate);
  });

  it('gets an order by id', async () => {
    await stub.script('GET /v1/orders/ORD-1', json(200, fx.order));
    expect(client.getOrder('ORD-1')).toEqual(fx.order);
  });

  it('lists orders filtered by status', async () => {
    await stub.script('GET /v1/orders', json(200, listOf([fx.order])));
    expect(client.listOrders({ status: 'RECEIVED', page: 1, pageSize: 20 }).Items).toEqual([fx.order]);
    expect((await lastRequest()).query).toEqual({ status: 'RECEIVED', page: '1', pageSize: '20' });
  });

  it('finds every order holding a ClientReference, across pages', async () => {
    const dup = { ...fx.order, OrderId: 'ORD-2' };
    await stub.script('GET /v1/orders', json(200, listOf([fx.order], 1, 1, 2)), json(200, listOf([dup], 2, 1, 2)));
    expect(client.findOrdersByClientReference('SO-1001').map((o) => o.OrderId)).toEqual(['ORD-1', 'ORD-2']);
    const sent = await stub.received();
    expect(sent.map((r) => r.query)).toEqual([
      { clientReference: 'SO-1001', page: '1', pageSize: '500' },
      { clientReference: 'SO-1001', page: '2', pageSize: '500' },
    ]);
  });

  it('finds no order for an unknown ClientReference', async () => {
    await stub.script('GET /v1/orders', json(200, listOf([], 1, 500, 0)));
    expect(client.findOrdersByClientReference('SO-NONE')).toEqual([]);
  });

  it('cancels an order with POST /v1/orders/{id}/cancel', async () => {
    await stub.script('POST /v1/orders/ORD-1/cancel', json(200, { Status: 'CANCELLED' }));
    expect(client.cancelOrder('ORD-1')).toEqual({ Status: 'CANCELLED' });
    expect((await lastRequest()).method).toBe('POST');
  });

  it('amends an order with PATCH /v1/orders/{id}', async () => {
    const lines = [{ LineRef: '1', Sku: 'MUG-01', Quantity: 5 }];
    await stub.script('PATCH /v1/orders/ORD-1', json(200, { ...fx.order, Lines: lines }));
    expect(client.amendOrder('ORD-1', { Lines: lines }).Lines).toEqual(lines);
    expect(JSON.parse((await lastRequest()).body)).toEqual({ Lines: lines });
  });
});

describe('feeds', () => {
  const cases = [
    ['order-events', () => client.orderEvents({ cursor: 'c-1', limit: 100 }), [fx.orderEvent(1)]],
    ['despatches', () => client.despatches({ cursor: 'c-1', limit: 100 }), [fx.despatch]],
    ['stock-movements', () => client.stockMovements({ cursor: 'c-1', limit: 100 }), [fx.movement]],
    ['receipts', () => client.receipts({ cursor: 'c-1', limit: 100 }), [fx.receipt]],
    ['returns', () => client.returns({ cursor: 'c-1', limit: 100 }), [fx.returned]],
  ] as const;

  it.each(cases)('reads the %s feed from a cursor', async (feed, read, items) => {
    await stub.script(`GET /v1/${feed}`, json(200, feedOf([...items], 'c-9', true)));
    expect(read()).toEqual(feedOf([...items], 'c-9', true));
    expect((await lastRequest()).query).toEqual({ cursor: 'c-1', limit: '100' });
  });

  it('starts a feed from the beginning when no cursor is given', async () => {
    await stub.script('GET /v1/despatches', json(200, feedOf([])));
    client.despatches();
    expect((await lastRequest()).query).toEqual({});
  });
});

describe('stock, inbound and webhooks', () => {
  it('reads a stock snapshot page and continues it by snapshotId', async () => {
    const page = { SnapshotId: 'S-1', AsOf: '2026-11-03T00:00:00Z', ...listOf([fx.stockItem('A')], 2, 1, 3) };
    await stub.script('GET /v1/stock', json(200, page));
    expect(client.stockSnapshot({ warehouse: 'MAIN', snapshotId: 'S-1', page: 2, pageSize: 1 })).toEqual(page);
    expect((await lastRequest()).query).toEqual({ warehouse: 'MAIN', snapshotId: 'S-1', page: '2', pageSize: '1' });
  });

  it('creates an ASN with POST /v1/asns', async () => {
    await stub.script('POST /v1/asns', json(201, { AsnId: 'ASN-1', Status: 'AWAITING_DELIVERY' }));
    expect(client.createAsn(fx.asnCreate)).toEqual({ AsnId: 'ASN-1', Status: 'AWAITING_DELIVERY' });
    expect(JSON.parse((await lastRequest()).body)).toEqual(fx.asnCreate);
  });

  it('registers a webhook with POST /v1/webhooks', async () => {
    const created = { WebhookId: 'WH-1', Url: fx.webhookRegistration.Url, Events: fx.webhookRegistration.Events };
    await stub.script('POST /v1/webhooks', json(201, created));
    expect(client.registerWebhook(fx.webhookRegistration)).toEqual(created);
    expect(JSON.parse((await lastRequest()).body)).toEqual(fx.webhookRegistration);
  });
});

it('counts every HTTP call it sends', async () => {
  const fresh = testClient(stub.baseUrl);
  await stub.script('GET /v1/orders/ORD-1', json(200, fx.order), json(503, { Code: 'UNAVAILABLE', Message: 'busy' }));
  fresh.getOrder('ORD-1');
  expect(() => fresh.getOrder('ORD-1')).toThrow();
  expect(fresh.callsMade).toBe(2);
});
