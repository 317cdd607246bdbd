/** Every failure comes back as a named error saying whether (and how) a retry can help. */
import * as net from 'node:net';
import { ScendClient } from '../../src/ts/scend/client';
import {
  AmendTooLateError,
  CancelTooLateError,
  DuplicateAsnError,
  DuplicateOrderError,
  InvalidShipToError,
  NonPhysicalItemError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SkuInUseError,
  TransportFailedError,
  UnauthorizedError,
  UnexpectedResponseError,
  UnknownSkuError,
  ValidationFailedError,
  type ScendError,
} from '../../src/ts/scend/errors';
import * as fx from './support/fixtures';
import { testClient, thrown } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;
let client: ScendClient;

beforeAll(async () => {
  stub = await startStub();
  client = testClient(stub.baseUrl, { timeoutMs: 300 });
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const err = (Code: string, Message: string, Details?: unknown[]) => ({ Code, Message, ...(Details ? { Details } : {}) });

describe('contract errors (4xx) are permanent and typed', () => {
  it('401 UNAUTHORIZED is a configuration problem', async () => {
    await stub.script('GET /v1/orders/ORD-1', json(401, err('UNAUTHORIZED', 'bad key')));
    const e = thrown(() => client.getOrder('ORD-1'));
    expect(e).toBeInstanceOf(UnauthorizedError);
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', retry: 'permanent', status: 401, operation: 'getOrder' });
  });

  it('400 VALIDATION_FAILED names the fields Scend complained about', async () => {
    await stub.script('POST /v1/orders', json(400, err('VALIDATION_FAILED', 'bad body', [{ Field: 'Lines[0].Quantity', Message: 'must be > 0' }])));
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(ValidationFailedError);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', retry: 'permanent', fields: [{ Field: 'Lines[0].Quantity', Message: 'must be > 0' }] });
  });

  it('404 NOT_FOUND', async () => {
    await stub.script('GET /v1/orders/NOPE', json(404, err('NOT_FOUND', 'no such order')));
    expect(thrown(() => client.getOrder('NOPE'))).toMatchObject({ constructor: NotFoundError, code: 'NOT_FOUND', retry: 'permanent' });
  });

  it('409 SKU_IN_USE names the product holding the sku', async () => {
    await stub.script('PUT /v1/products/1001', json(409, err('SKU_IN_USE', 'taken', [{ Sku: 'MUG-01', ExternalId: '999' }])));
    const e = thrown(() => client.upsertProduct(fx.productUpsert));
    expect(e).toBeInstanceOf(SkuInUseError);
    expect(e).toMatchObject({ code: 'SKU_IN_USE', retry: 'permanent', holders: [{ Sku: 'MUG-01', ExternalId: '999' }] });
  });

  it('422 INVALID_SHIP_TO', async () => {
    await stub.script('POST /v1/orders', json(422, err('INVALID_SHIP_TO', 'no PostCode')));
    expect(thrown(() => client.createOrder(fx.orderCreate))).toMatchObject({ constructor: InvalidShipToError, code: 'INVALID_SHIP_TO', retry: 'permanent' });
  });

  it('422 UNKNOWN_SKU lists the offending lines', async () => {
    await stub.script('POST /v1/orders', json(422, err('UNKNOWN_SKU', 'unknown', [{ LineRef: '2', Sku: 'OLD-SKU' }, { junk: true }])));
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(UnknownSkuError);
    expect((e as UnknownSkuError).lines).toEqual([{ LineRef: '2', Sku: 'OLD-SKU' }]);
    expect((e as UnknownSkuError).retry).toBe('permanent');
  });

  it('422 NON_PHYSICAL_ITEM lists the offending lines', async () => {
    await stub.script('POST /v1/orders', json(422, err('NON_PHYSICAL_ITEM', 'service item', [{ LineRef: '3', Sku: 'GIFT-WRAP' }])));
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(NonPhysicalItemError);
    expect((e as NonPhysicalItemError).lines).toEqual([{ LineRef: '3', Sku: 'GIFT-WRAP' }]);
  });

  it('409 CANCEL_TOO_LATE carries the order status', async () => {
    await stub.script('POST /v1/orders/ORD-1/cancel', json(409, err('CANCEL_TOO_LATE', 'packing', [{ Status: 'PACKING' }])));
    const e = thrown(() => client.cancelOrder('ORD-1'));
    expect(e).toBeInstanceOf(CancelTooLateError);
    expect(e).toMatchObject({ code: 'CANCEL_TOO_LATE', retry: 'permanent', orderStatus: 'PACKING' });
  });

  it('409 AMEND_TOO_LATE carries the order status', async () => {
    await stub.script('PATCH /v1/orders/ORD-1', json(409, err('AMEND_TOO_LATE', 'released', [{ Status: 'RELEASED' }])));
    const e = thrown(() => client.amendOrder('ORD-1', { ShipTo: fx.orderCreate.ShipTo }));
    expect(e).toBeInstanceOf(AmendTooLateError);
    expect(e).toMatchObject({ code: 'AMEND_TOO_LATE', orderStatus: 'RELEASED' });
  });

  it('409 DUPLICATE_ASN carries the existing AsnId', async () => {
    await stub.script('POST /v1/asns', json(409, err('DUPLICATE_ASN', 'exists', [{ AsnId: 'ASN-7' }])));
    const e = thrown(() => client.createAsn(fx.asnCreate));
    expect(e).toBeInstanceOf(DuplicateAsnError);
    expect((e as DuplicateAsnError).existing).toEqual({ AsnId: 'ASN-7' });
  });

  it('409 DUPLICATE_ORDER (simulator with uniqueness on) names the order that already exists', async () => {
    await stub.script('POST /v1/orders', json(409, err('DUPLICATE_ORDER', 'exists', [{ OrderId: 'ORD-9' }])));
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(DuplicateOrderError);
    expect(e).toMatchObject({ code: 'DUPLICATE_ORDER', retry: 'permanent', existing: { OrderId: 'ORD-9' } });
  });

  it('a 4xx without a contract Code is an unexpected, permanent response', async () => {
    await stub.script('GET /v1/orders/ORD-1', { status: 418, body: 'teapot' });
    expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ constructor: UnexpectedResponseError, status: 418, retry: 'permanent' });
  });
});

describe('rate limiting', () => {
  it('429 is retryable and carries Retry-After seconds (the client does not wait)', async () => {
    await stub.script('POST /v1/orders', json(429, err('RATE_LIMITED', 'slow down'), { 'Retry-After': '17' }));
    const started = Date.now();
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retry: 'retryable', retryAfterSeconds: 17 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await stub.received()).toHaveLength(1);
  });

  it('429 without a usable Retry-After leaves retryAfterSeconds undefined', async () => {
    await stub.script('GET /v1/despatches', json(429, err('RATE_LIMITED', 'slow down'), { 'Retry-After': 'soon' }));
    expect(thrown(() => client.despatches())).toMatchObject({ retry: 'retryable', retryAfterSeconds: undefined });
  });
});

describe('server faults: retryable on reads, ambiguous on writes', () => {
  it.each([
    [500, 'INTERNAL'],
    [502, 'UNAVAILABLE'],
    [503, 'UNAVAILABLE'],
  ])('%i on a read is retryable', async (status, code) => {
    await stub.script('GET /v1/orders/ORD-1', json(status, err(code, 'oops')));
    expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ constructor: ServerError, code, status, retry: 'retryable' });
  });

  it.each([
    ['createOrder', 'POST /v1/orders', () => client.createOrder(fx.orderCreate)],
    ['upsertProduct', 'PUT /v1/products/1001', () => client.upsertProduct(fx.productUpsert)],
    ['amendOrder', 'PATCH /v1/orders/ORD-1', () => client.amendOrder('ORD-1', {})],
    ['createAsn', 'POST /v1/asns', () => client.createAsn(fx.asnCreate)],
  ] as const)('a 5xx on %s (a write) is ambiguous', async (_op, route, call) => {
    await stub.script(route, json(502, err('UNAVAILABLE', 'gateway')));
    expect(thrown(call)).toMatchObject({ constructor: ServerError, retry: 'ambiguous' });
  });

  it('a 5xx with a non-JSON body is still classified by its status', async () => {
    await stub.script('GET /v1/orders/ORD-1', { status: 503, body: '<html>down</html>' });
    expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ code: 'UNAVAILABLE', retry: 'retryable' });
  });
});

describe('transport failures', () => {
  it('a timeout on a write is ambiguous: the order may exist', async () => {
    await stub.script('POST /v1/orders', { hang: true });
    const e = thrown(() => client.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(TransportFailedError);
    expect(e).toMatchObject({ code: 'TIMEOUT', kind: 'timeout', retry: 'ambiguous' });
    expect(await stub.received()).toHaveLength(1);
  });

  it('a timeout on a read is retryable', async () => {
    await stub.script('GET /v1/orders/ORD-1', { hang: true });
    expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ code: 'TIMEOUT', retry: 'retryable' });
  });

  it('a connection dropped after the request on a write is ambiguous', async () => {
    await stub.script('POST /v1/orders/ORD-1/cancel', { destroy: true });
    expect(thrown(() => client.cancelOrder('ORD-1'))).toMatchObject({ code: 'CONNECTION_RESET', kind: 'reset', retry: 'ambiguous' });
  });

  it('a refused connection is retryable even for a write: nothing was sent', async () => {
    const port = await closedPort();
    const offline = testClient(`http://127.0.0.1:${port}`);
    const e = thrown(() => offline.createOrder(fx.orderCreate));
    expect(e).toBeInstanceOf(TransportFailedError);
    expect(e).toMatchObject({ code: 'CONNECT_FAILED', kind: 'connect', retry: 'retryable' });
  });
});

/** A port that nothing listens on: bind one, note it, close it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it('every error is a ScendError with a code and a retry class', async () => {
  await stub.script('GET /v1/orders/ORD-1', json(404, err('NOT_FOUND', 'x')));
  const e = thrown(() => client.getOrder('ORD-1')) as ScendError;
  expect(e.toJSON()).toMatchObject({ name: 'NotFoundError', code: 'NOT_FOUND', retry: 'permanent', path: '/v1/orders/ORD-1', method: 'GET' });
});
