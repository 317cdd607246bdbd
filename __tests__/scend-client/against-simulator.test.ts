/**
 * The client against the Scend simulator (run in a child process, since the client blocks this
 * thread on every call): every endpoint for real, every error code, and the fault modes.
 */
import { startSimulatorProcess, type SimulatorProcess } from '../../scend-sim/src';
import { ScendClient } from '../../src/ts/scend/client';
import type { OrderCreate, OrderEvent, Despatch, StockItem } from '../../src/ts/scend/contract';
import {
  CancelTooLateError,
  AmendTooLateError,
  DuplicateAsnError,
  DuplicateOrderError,
  InvalidShipToError,
  MalformedResponseError,
  NonPhysicalItemError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SkuInUseError,
  TransportFailedError,
  UnauthorizedError,
  UnknownSkuError,
  ValidationFailedError,
} from '../../src/ts/scend/errors';
import { testClient, thrown } from './support/client';

let sim: SimulatorProcess;
let client: ScendClient;
let seq = 0;

beforeAll(async () => {
  sim = await startSimulatorProcess({ catalogue: 'demo', rateLimitPerMinute: 0 });
  client = testClient(sim.url, { apiKey: sim.apiKey, timeoutMs: 1_000 });
}, 30_000);
afterAll(() => sim?.close());
beforeEach(async () => {
  await sim.control.reset();
  await sim.control.configure({ rateLimitPerMinute: 0, uniqueClientReference: false });
});

const newOrder = (lines: OrderCreate['Lines'] = [{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 1 }]): OrderCreate => {
  seq += 1;
  return {
    ClientReference: `SO-T${seq}`,
    OrderNumber: `SO${seq}`,
    OrderDate: '2026-11-02T10:00:00Z',
    ShipTo: { Name: 'Ada Lovelace', Line1: '1 Analytical St', Town: 'London', PostCode: 'N1 1AA', CountryCode: 'GB' },
    Lines: lines,
  };
};

describe('happy paths', () => {
  it('upserts, renames, gets, lists and walks products', () => {
    const created = client.upsertProduct({ Sku: 'FS-NEW', ExternalId: '2001', Name: 'New thing', WeightKg: 1 });
    expect(created).toMatchObject({ created: true, product: { Sku: 'FS-NEW', Physical: true, LotTracked: false } });
    expect(client.upsertProduct({ Sku: 'FS-NEW-2', ExternalId: '2001', Name: 'New thing', WeightKg: 1 }).created).toBe(false);
    expect(client.getProduct('2001').Sku).toBe('FS-NEW-2');
    expect(client.findProductBySku('FS-NEW')).toBeUndefined();
    expect(client.findProductBySku('FS-NEW-2')?.ExternalId).toBe('2001');
    const ids: string[] = [];
    const walk = client.walkProducts({ pageSize: 5, onPage: (items) => ids.push(...items.map((p) => p.ExternalId)) });
    expect(walk).toMatchObject({ stoppedBy: 'end', pages: 3 });
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(13);
  });

  it('creates, finds, amends, cancels an order, and reads its events', () => {
    const order = newOrder();
    const created = client.createOrder(order);
    expect(created).toMatchObject({ ClientReference: order.ClientReference, Status: 'RECEIVED' });
    expect(client.findOrdersByClientReference(order.ClientReference).map((o) => o.OrderId)).toEqual([created.OrderId]);
    const amended = client.amendOrder(created.OrderId, { Lines: [{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 3 }] });
    expect(amended.Lines[0].Quantity).toBe(3);
    expect(client.getOrder(created.OrderId).Status).toBe('RECEIVED');
    expect(client.cancelOrder(created.OrderId)).toEqual({ Status: 'CANCELLED' });
    expect(client.cancelOrder(created.OrderId)).toEqual({ Status: 'CANCELLED' });
    expect(client.listOrders({ status: 'CANCELLED' }).Items.map((o) => o.OrderId)).toContain(created.OrderId);
    const events: OrderEvent[] = [];
    client.walkFeed('order-events', { limit: 1, onPage: (items) => events.push(...items) });
    expect(events.filter((e) => e.OrderId === created.OrderId).map((e) => e.Status)).toEqual(expect.arrayContaining(['RECEIVED', 'CANCELLED']));
  });

  it('follows an order through the warehouse to a despatch with tracking', async () => {
    const created = client.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-BAG-3S', Quantity: 2 }]));
    await sim.control.release(created.OrderId);
    await sim.control.pick(created.OrderId);
    await sim.control.pack(created.OrderId);
    const cancel = thrown(() => client.cancelOrder(created.OrderId));
    expect(cancel).toBeInstanceOf(CancelTooLateError);
    expect(cancel).toMatchObject({ orderStatus: 'PACKING', retry: 'permanent' });
    expect(thrown(() => client.amendOrder(created.OrderId, { ShipTo: newOrder().ShipTo }))).toBeInstanceOf(AmendTooLateError);
    await sim.control.despatch(created.OrderId, { Parcels: 2 });
    const despatches: Despatch[] = [];
    const walk = client.walkFeed('despatches', { onPage: (items) => despatches.push(...items) });
    expect(walk.stoppedBy).toBe('end');
    const mine = despatches.filter((d) => d.OrderId === created.OrderId);
    expect(mine).toHaveLength(1);
    expect(mine[0].Parcels.length).toBe(2);
    expect(mine[0].Parcels.every((p) => p.TrackingNumber.length > 0)).toBe(true);
    expect(client.getOrder(created.OrderId)).toMatchObject({ Status: 'DESPATCHED', Despatches: [mine[0].DespatchId] });
  });

  it('walks one consistent stock snapshot that matches the warehouse books', async () => {
    const items: StockItem[] = [];
    const walk = client.walkStock({ pageSize: 4, onPage: (page) => items.push(...page) });
    expect(walk.stoppedBy).toBe('end');
    expect(walk.snapshotId).toBeTruthy();
    const books = await sim.control.stock();
    const key = (i: StockItem) => `${i.Sku}@${i.Warehouse}`;
    expect(items.map(key).sort()).toEqual(books.map(key).sort());
    expect(client.stockSnapshot({ warehouse: 'UK2' }).Items.every((i) => i.Warehouse === 'UK2')).toBe(true);
  });

  it('creates an ASN, refuses a duplicate, and reads the receipt', async () => {
    const asn = { ClientReference: `PO-${++seq}`, Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'FS-MAT-SI', QuantityExpected: 10 }] };
    const created = client.createAsn(asn);
    expect(created.Status).toBe('AWAITING_DELIVERY');
    const duplicate = thrown(() => client.createAsn(asn));
    expect(duplicate).toBeInstanceOf(DuplicateAsnError);
    expect((duplicate as DuplicateAsnError).existing).toEqual({ AsnId: created.AsnId });
    await sim.control.receiveAsn(created.AsnId, { Mode: 'damaged' });
    const page = client.receipts();
    expect(page.Items.find((r) => r.AsnId === created.AsnId)?.Lines[0].QuantityDamaged).toBeGreaterThan(0);
  });

  it('reads returns and stock movements', async () => {
    const created = client.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-SOCK-MER', Quantity: 2 }]));
    for (const step of ['release', 'pick', 'pack'] as const) await sim.control[step](created.OrderId);
    await sim.control.despatch(created.OrderId);
    await sim.control.bookReturn({ OrderId: created.OrderId, Lines: [{ Sku: 'FS-SOCK-MER', Quantity: 1, Condition: 'RESTOCK' }] });
    await sim.control.bookMovement({ Sku: 'FS-LAMP-500', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED', Reference: 'CC-1' });
    expect(client.returns().Items.map((r) => r.OrderId)).toContain(created.OrderId);
    expect(client.stockMovements().Items).toEqual(expect.arrayContaining([expect.objectContaining({ Sku: 'FS-LAMP-500', Quantity: -2, Reason: 'DAMAGED' })]));
  });

  it('registers a webhook', () => {
    const hook = client.registerWebhook({ Url: 'http://127.0.0.1:9/hook', Events: ['despatch.created'], Secret: 'whsec-test-0123456789' });
    expect(hook).toMatchObject({ Url: 'http://127.0.0.1:9/hook', Events: ['despatch.created'] });
  });
});

describe('error codes from the simulator', () => {
  it('UNAUTHORIZED for a wrong key, and nothing changes', async () => {
    const intruder = testClient(sim.url, { apiKey: 'not-the-key' });
    expect(thrown(() => intruder.createOrder(newOrder()))).toBeInstanceOf(UnauthorizedError);
    expect(await sim.control.orders()).toEqual([]);
  });

  it('NOT_FOUND, VALIDATION_FAILED, INVALID_SHIP_TO, UNKNOWN_SKU, NON_PHYSICAL_ITEM', () => {
    expect(thrown(() => client.getOrder('NOPE'))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => client.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 0 }])))).toBeInstanceOf(ValidationFailedError);
    expect(thrown(() => client.orderEvents({ limit: 501 }))).toBeInstanceOf(ValidationFailedError);
    expect(thrown(() => client.createOrder({ ...newOrder(), ShipTo: { ...newOrder().ShipTo, PostCode: '' } }))).toBeInstanceOf(InvalidShipToError);
    const unknown = thrown(() => client.createOrder(newOrder([{ LineRef: 'A', Sku: 'NO-SUCH', Quantity: 1 }])));
    expect(unknown).toBeInstanceOf(UnknownSkuError);
    expect((unknown as UnknownSkuError).lines).toEqual([{ LineRef: 'A', Sku: 'NO-SUCH' }]);
    const digital = thrown(() => client.createOrder(newOrder([{ LineRef: 'G', Sku: 'FS-GIFT-25', Quantity: 1 }])));
    expect(digital).toBeInstanceOf(NonPhysicalItemError);
    expect((digital as NonPhysicalItemError).lines).toEqual([{ LineRef: 'G', Sku: 'FS-GIFT-25' }]);
  });

  it('SKU_IN_USE names the holder; a renamed SKU is no longer accepted', async () => {
    const clash = thrown(() => client.upsertProduct({ Sku: 'FS-TENT-2P', ExternalId: '3001', Name: 'x', WeightKg: 1 }));
    expect(clash).toBeInstanceOf(SkuInUseError);
    expect((clash as SkuInUseError).holders).toEqual([{ Sku: 'FS-TENT-2P', ExternalId: '1001' }]);
    await sim.control.renameProduct('1004', 'FS-MAT-SI-V2');
    expect(thrown(() => client.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-MAT-SI', Quantity: 1 }])))).toBeInstanceOf(UnknownSkuError);
  });

  it('DUPLICATE_ORDER only when the uniqueness switch is on; by default a duplicate is created', async () => {
    const order = newOrder();
    client.createOrder(order);
    client.createOrder(order);
    expect(client.findOrdersByClientReference(order.ClientReference)).toHaveLength(2);
    await sim.control.configure({ uniqueClientReference: true });
    const e = thrown(() => client.createOrder(order));
    expect(e).toBeInstanceOf(DuplicateOrderError);
  });

  it('RATE_LIMITED with Retry-After once over the per-key limit', async () => {
    await sim.control.configure({ rateLimitPerMinute: 2 });
    client.getProduct('1001');
    client.getProduct('1001');
    const e = thrown(() => client.getProduct('1001'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('fault modes', () => {
  it('commit-then-timeout on createOrder is ambiguous, and the natural-key lookup finds the order', async () => {
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'commitThenFail', then: 'hang' } });
    const order = newOrder();
    const e = thrown(() => client.createOrder(order));
    expect(e).toMatchObject({ constructor: TransportFailedError, kind: 'timeout', retry: 'ambiguous' });
    expect(client.findOrdersByClientReference(order.ClientReference)).toHaveLength(1);
  });

  it('commit-then-500 on createAsn is ambiguous; the retry meets DUPLICATE_ASN with the committed id', async () => {
    await sim.control.addFault({ method: 'POST', path: '/v1/asns', times: 1, action: { kind: 'commitThenFail', then: 'status', status: 500 } });
    const asn = { ClientReference: `PO-${++seq}`, Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'FS-MAT-SI', QuantityExpected: 1 }] };
    expect(thrown(() => client.createAsn(asn))).toMatchObject({ constructor: ServerError, retry: 'ambiguous' });
    expect(thrown(() => client.createAsn(asn))).toBeInstanceOf(DuplicateAsnError);
  });

  it('a dropped connection on a write is ambiguous; on a read retryable', async () => {
    await sim.control.addFault({ path: '/v1/orders/{OrderId}/cancel', times: 1, action: { kind: 'drop' } });
    await sim.control.addFault({ path: '/v1/despatches', times: 1, action: { kind: 'drop' } });
    expect(thrown(() => client.cancelOrder('ORD-X'))).toMatchObject({ kind: 'reset', retry: 'ambiguous' });
    expect(thrown(() => client.despatches())).toMatchObject({ kind: 'reset', retry: 'retryable' });
  });

  it('503 and 429 injected per endpoint', async () => {
    await sim.control.addFault({ path: '/v1/stock', times: 1, action: { kind: 'status', status: 503 } });
    await sim.control.addFault({ path: '/v1/returns', times: 1, action: { kind: 'status', status: 429, retryAfterSeconds: 30 } });
    expect(thrown(() => client.stockSnapshot())).toMatchObject({ code: 'UNAVAILABLE', retry: 'retryable' });
    expect(thrown(() => client.returns())).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('latency beyond the timeout on a read is a retryable timeout', async () => {
    await sim.control.addFault({ path: '/v1/order-events', times: 1, action: { kind: 'latency', ms: 1_500 } });
    expect(thrown(() => client.orderEvents())).toMatchObject({ code: 'TIMEOUT', retry: 'retryable' });
  });

  it.each([
    ['negativeQuantity', undefined],
    ['wrongType', 'OnHand'],
    ['missingField', 'Sku'],
    ['notJson', undefined],
  ] as const)('a %s bad payload is a MalformedResponseError naming the field', async (mutation, field) => {
    await sim.control.addFault({ path: '/v1/stock', times: 1, action: { kind: 'badPayload', mutation, ...(field ? { field } : {}) } });
    const e = thrown(() => client.stockSnapshot());
    expect(e).toBeInstanceOf(MalformedResponseError);
    if (mutation === 'notJson') expect((e as MalformedResponseError).field).toBe('');
    else expect((e as MalformedResponseError).field).toMatch(/^Items\[0\]\./);
  });
});
