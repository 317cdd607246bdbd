/**
 * The Scend client as it runs in NetSuite: `ScendClient` over the real `NetSuiteHttpsTransport`
 * over the NetSuite sandbox's N/https (API secret substituted on the wire, 10 units a call,
 * NetSuite's error names, a 1 s request timeout), against the simulator in a child process.
 * Every endpoint, every error code, every fault mode, governance, and no key in any log.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import { Sandbox } from '../../sandbox/src';
import { MeteredGovernor } from '../../sandbox/src/kernel/governor';
import { uiExecution } from '../../sandbox/src/runners/execution';
import { closeSyncHttp } from '../../sandbox/src/sync-http';
import { startSimulatorProcess, type SimulatorProcess } from '../../scend-sim/src';
import { NetSuiteHttpsTransport, apiKeyFromSecret } from '../../src/ts/netsuite/https-transport';
import { ScendClient } from '../../src/ts/scend/client';
import type { OrderCreate } from '../../src/ts/scend/contract';
import {
  AmendTooLateError,
  BudgetExhaustedError,
  CancelTooLateError,
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
  type ScendError,
} from '../../src/ts/scend/errors';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface HttpsModule {
  request(options: unknown): unknown;
  createSecureString(options: { input: string }): unknown;
}

// The adapter imports N/https; here it is the sandbox's module (whichever sandbox `use` points at).
jest.mock(
  'N/https',
  () => {
    const holder: { target?: HttpsModule } = {};
    const target = (): HttpsModule => {
      if (!holder.target) throw new Error('no sandbox N/https in use');
      return holder.target;
    };
    return {
      holder,
      request: (options: unknown) => target().request(options),
      createSecureString: (options: { input: string }) => target().createSecureString(options),
    };
  },
  { virtual: true },
);
const httpsHolder = jest.requireMock<{ holder: { target?: HttpsModule } }>('N/https').holder;

const SECRET_ID = 'custsecret_scend_api_key';
const FIXTURE_PROJECT = path.join(__dirname, '..', '..', 'sandbox', '__tests__', 'fixtures', 'project');
/** Shortened NetSuite limits (5 s / 45 s in production) so timeouts cost a second. */
const HTTPS_LIMITS = { connectTimeoutMs: 500, timeoutMs: 1_000 };
/** Scend over HTTPS (N/https speaks nothing else), trusted through the simulator's own certificate. */
const scendUrl = (): string => sim.secureUrl as string;

/** One NetSuite account (sandbox) with the API secret registered, and a client built as a script would. */
interface Rig {
  sb: Sandbox;
  client: ScendClient;
}

function rig(baseUrl: string, secretValue: string, options: { reserveUnits?: number; connectTimeoutMs?: number } = {}): Rig {
  const sb = Sandbox.load({ projectDir: FIXTURE_PROJECT, https: { ...HTTPS_LIMITS, ca: [sim.caPem as string], ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}) } });
  sb.secrets.register(SECRET_ID, secretValue, { allowedDomains: [new URL(baseUrl).hostname] });
  const runtime = sb.module<any>('N/runtime');
  // apiKeyFromSecret calls this sandbox's https.createSecureString.
  httpsHolder.target = sb.module<HttpsModule>('N/https');
  const client = new ScendClient({
    baseUrl,
    // The client only ever holds a SecureString naming the secret, never the key.
    apiKeyHeader: apiKeyFromSecret(SECRET_ID),
    transport: new NetSuiteHttpsTransport(),
    budget: { remainingUsage: () => runtime.getCurrentScript().getRemainingUsage() },
    reserveUnits: options.reserveUnits,
  });
  return { sb, client };
}

/**
 * Runs `fn` as a scheduled script invocation with a metered governor (the sandbox's execution
 * stack), and checks that every https call the client made cost exactly 10 units.
 */
function inScript<T>(r: Rig, fn: () => T, limit = 10_000): { value?: T; error?: unknown; governor: MeteredGovernor } {
  httpsHolder.target = r.sb.module<HttpsModule>('N/https');
  const governor = new MeteredGovernor(limit);
  const execution = {
    ...uiExecution('SCHEDULED'),
    scriptId: 'customscript_scend_probe',
    deploymentId: 'customdeploy_scend_probe',
    scriptType: 'SCHEDULED' as const,
    entryPoint: 'execute',
    governor,
  };
  const callsBefore = r.client.callsMade;
  let outcome: { value?: T; error?: unknown };
  try {
    outcome = { value: r.sb.host.stack.run(execution, fn) };
  } catch (error) {
    // What a script does with a failure: log it (the leak check below reads these logs).
    r.sb.host.stack.run(execution, () => r.sb.module<any>('N/log').error({ title: (error as Error).name, details: JSON.stringify(error) }));
    outcome = { error };
  }
  expect(governor.charges).toEqual(Array.from({ length: r.client.callsMade - callsBefore }, () => ({ units: 10, what: expect.stringMatching(/^https\./) })));
  return { ...outcome, governor };
}

const allErrors: unknown[] = [];
/** The ScendError `fn` threw inside a script (fails the test if it returned). */
function failure(r: Rig, fn: () => unknown): ScendError {
  const { error } = inScript(r, fn);
  if (error === undefined) throw new Error('expected the call to fail');
  allErrors.push(error);
  return error as ScendError;
}
const ok = <T>(r: Rig, fn: () => T): T => {
  const { value, error } = inScript(r, fn);
  if (error !== undefined) throw error;
  return value as T;
};

let sim: SimulatorProcess;
let main: Rig;
let seq = 0;

beforeAll(async () => {
  sim = await startSimulatorProcess({ catalogue: 'demo', rateLimitPerMinute: 0, tls: true });
  main = rig(scendUrl(), sim.apiKey);
}, 30_000);
afterAll(async () => {
  await sim?.close();
  await closeSyncHttp();
});
beforeEach(async () => {
  await sim.control.reset();
  await sim.control.configure({ rateLimitPerMinute: 0, uniqueClientReference: false });
});

const newOrder = (lines: OrderCreate['Lines'] = [{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 1 }]): OrderCreate => {
  seq += 1;
  return {
    ClientReference: `SO-NS${seq}`,
    OrderNumber: `SO${seq}`,
    OrderDate: '2026-11-02T10:00:00Z',
    ShipTo: { Name: 'Ada Lovelace', Line1: '1 Analytical St', Town: 'London', PostCode: 'N1 1AA', CountryCode: 'GB' },
    Lines: lines,
  };
};
const newAsn = () => ({ ClientReference: `PO-NS${++seq}`, Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'FS-MAT-SI', QuantityExpected: 10 }] });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('every endpoint through N/https', () => {
  it('products: upsert (PUT), get, list, find by SKU', () => {
    const c = main.client;
    expect(ok(main, () => c.upsertProduct({ Sku: 'FS-NS', ExternalId: '2101', Name: 'Through NetSuite', WeightKg: 1 }))).toMatchObject({ created: true, product: { Sku: 'FS-NS' } });
    expect(ok(main, () => c.getProduct('2101')).Name).toBe('Through NetSuite');
    expect(ok(main, () => c.listProducts({ pageSize: 5 })).Items).toHaveLength(5);
    expect(ok(main, () => c.findProductBySku('FS-NS'))?.ExternalId).toBe('2101');
  });

  it('orders: create, get, list by ClientReference, amend (PATCH), cancel, order events', () => {
    const c = main.client;
    const order = newOrder();
    const created = ok(main, () => c.createOrder(order));
    expect(created).toMatchObject({ ClientReference: order.ClientReference, Status: 'RECEIVED' });
    expect(ok(main, () => c.getOrder(created.OrderId)).ClientReference).toBe(order.ClientReference);
    expect(ok(main, () => c.findOrdersByClientReference(order.ClientReference)).map((o) => o.OrderId)).toEqual([created.OrderId]);
    expect(ok(main, () => c.amendOrder(created.OrderId, { Lines: [{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 4 }] })).Lines[0].Quantity).toBe(4);
    expect(ok(main, () => c.cancelOrder(created.OrderId))).toEqual({ Status: 'CANCELLED' });
    expect(ok(main, () => c.listOrders({ status: 'CANCELLED' })).Items.map((o) => o.OrderId)).toContain(created.OrderId);
    expect(ok(main, () => c.orderEvents()).Items.filter((e) => e.OrderId === created.OrderId).map((e) => e.Status)).toEqual(['RECEIVED', 'CANCELLED']);
  });

  it('feeds and stock: despatches, returns, movements, receipts, stock snapshot; ASN and webhook', async () => {
    const c = main.client;
    const created = ok(main, () => c.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-SOCK-MER', Quantity: 2 }])));
    await sim.control.despatch(created.OrderId, { Parcels: 2 });
    await sim.control.bookReturn({ OrderId: created.OrderId, Lines: [{ Sku: 'FS-SOCK-MER', Quantity: 1, Condition: 'RESTOCK' }] });
    await sim.control.bookMovement({ Sku: 'FS-LAMP-500', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED', Reference: 'CC-NS' });
    const asn = ok(main, () => c.createAsn(newAsn()));
    expect(asn.Status).toBe('AWAITING_DELIVERY');
    await sim.control.receiveAsn(asn.AsnId, { Mode: 'full' });

    const despatch = ok(main, () => c.despatches()).Items.find((d) => d.OrderId === created.OrderId);
    expect(despatch?.Parcels).toHaveLength(2);
    expect(ok(main, () => c.returns()).Items.map((r) => r.OrderId)).toContain(created.OrderId);
    expect(ok(main, () => c.stockMovements()).Items).toEqual(expect.arrayContaining([expect.objectContaining({ Sku: 'FS-LAMP-500', Quantity: -2, Reason: 'DAMAGED' })]));
    expect(ok(main, () => c.receipts()).Items.find((r) => r.AsnId === asn.AsnId)?.Lines[0].QuantityReceived).toBe(10);
    const stock = ok(main, () => c.stockSnapshot({ warehouse: 'UK2' }));
    expect(stock.Items.length).toBeGreaterThan(0);
    expect(stock.Items.every((i) => i.Warehouse === 'UK2')).toBe(true);
    const hook = ok(main, () => c.registerWebhook({ Url: 'http://127.0.0.1:9/hook', Events: ['despatch.created'], Secret: 'whsec-test-0123456789' }));
    expect(hook).toMatchObject({ Events: ['despatch.created'] });
  });
});

describe('every error code the simulator returns', () => {
  it('401 UNAUTHORIZED when the registered secret holds a wrong key; nothing is applied', async () => {
    const intruder = rig(scendUrl(), 'not-the-scend-key');
    expect(failure(intruder, () => intruder.client.createOrder(newOrder()))).toMatchObject({ constructor: UnauthorizedError, status: 401, retry: 'permanent' });
    expect(await sim.control.orders()).toEqual([]);
    expect(intruder.sb.secrets.leaks()).toEqual([]);
  });

  it('400 VALIDATION_FAILED and 404 NOT_FOUND', () => {
    const c = main.client;
    expect(failure(main, () => c.createOrder(newOrder([{ LineRef: '1', Sku: 'FS-TENT-2P', Quantity: 0 }])))).toMatchObject({ constructor: ValidationFailedError, status: 400 });
    expect(failure(main, () => c.orderEvents({ limit: 501 }))).toMatchObject({ constructor: ValidationFailedError, status: 400 });
    expect(failure(main, () => c.getOrder('NOPE'))).toMatchObject({ constructor: NotFoundError, status: 404, retry: 'permanent' });
  });

  it('409 SKU_IN_USE, CANCEL_TOO_LATE, AMEND_TOO_LATE, DUPLICATE_ASN, DUPLICATE_ORDER', async () => {
    const c = main.client;
    const clash = failure(main, () => c.upsertProduct({ Sku: 'FS-TENT-2P', ExternalId: '3001', Name: 'x', WeightKg: 1 }));
    expect(clash).toMatchObject({ constructor: SkuInUseError, status: 409, holders: [{ Sku: 'FS-TENT-2P', ExternalId: '1001' }] });

    const created = ok(main, () => c.createOrder(newOrder()));
    for (const step of ['release', 'pick', 'pack'] as const) await sim.control[step](created.OrderId);
    expect(failure(main, () => c.cancelOrder(created.OrderId))).toMatchObject({ constructor: CancelTooLateError, status: 409, orderStatus: 'PACKING' });
    expect(failure(main, () => c.amendOrder(created.OrderId, { ShipTo: newOrder().ShipTo }))).toMatchObject({ constructor: AmendTooLateError, status: 409 });

    const asn = newAsn();
    const first = ok(main, () => c.createAsn(asn));
    expect(failure(main, () => c.createAsn(asn))).toMatchObject({ constructor: DuplicateAsnError, status: 409, existing: { AsnId: first.AsnId } });

    await sim.control.configure({ uniqueClientReference: true });
    const order = newOrder();
    const placed = ok(main, () => c.createOrder(order));
    expect(failure(main, () => c.createOrder(order))).toMatchObject({ constructor: DuplicateOrderError, status: 409, existing: { OrderId: placed.OrderId } });
  });

  it('422 INVALID_SHIP_TO, UNKNOWN_SKU, NON_PHYSICAL_ITEM', () => {
    const c = main.client;
    const noPostCode = { ...newOrder(), ShipTo: { ...newOrder().ShipTo, PostCode: '' } };
    expect(failure(main, () => c.createOrder(noPostCode))).toMatchObject({ constructor: InvalidShipToError, status: 422 });
    expect(failure(main, () => c.createOrder(newOrder([{ LineRef: 'A', Sku: 'NO-SUCH', Quantity: 1 }])))).toMatchObject({ constructor: UnknownSkuError, status: 422, lines: [{ LineRef: 'A', Sku: 'NO-SUCH' }] });
    expect(failure(main, () => c.createOrder(newOrder([{ LineRef: 'G', Sku: 'FS-GIFT-25', Quantity: 1 }])))).toMatchObject({ constructor: NonPhysicalItemError, status: 422, lines: [{ LineRef: 'G', Sku: 'FS-GIFT-25' }] });
  });

  it('429 RATE_LIMITED with Retry-After, from the per-key limit and injected: retryable with retryAfterSeconds', async () => {
    await sim.control.configure({ rateLimitPerMinute: 2 });
    ok(main, () => main.client.getProduct('1001'));
    ok(main, () => main.client.getProduct('1001'));
    const limited = failure(main, () => main.client.getProduct('1001'));
    expect(limited).toMatchObject({ constructor: RateLimitedError, retry: 'retryable' });
    expect((limited as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);

    await sim.control.configure({ rateLimitPerMinute: 0 });
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'status', status: 429, retryAfterSeconds: 30 } });
    expect(failure(main, () => main.client.createOrder(newOrder()))).toMatchObject({ constructor: RateLimitedError, retry: 'retryable', retryAfterSeconds: 30 });
  });
});

describe('fault modes and how they are classified', () => {
  it('5xx on a GET is retryable; on a POST ambiguous (and here nothing was applied)', async () => {
    await sim.control.addFault({ method: 'GET', path: '/v1/stock', times: 1, action: { kind: 'status', status: 503 } });
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'status', status: 500 } });
    expect(failure(main, () => main.client.stockSnapshot())).toMatchObject({ constructor: ServerError, status: 503, code: 'UNAVAILABLE', retry: 'retryable' });
    const order = newOrder();
    expect(failure(main, () => main.client.createOrder(order))).toMatchObject({ constructor: ServerError, status: 500, code: 'INTERNAL', retry: 'ambiguous' });
    expect(await sim.control.orders(order.ClientReference)).toEqual([]);
  });

  it('a dropped connection is SSS_CONNECTION_CLOSED: ambiguous on a POST, retryable on a GET', async () => {
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'drop' } });
    await sim.control.addFault({ method: 'GET', path: '/v1/despatches', times: 1, action: { kind: 'drop' } });
    const write = failure(main, () => main.client.createOrder(newOrder()));
    expect(write).toMatchObject({ constructor: TransportFailedError, kind: 'reset', retry: 'ambiguous' });
    expect(write.message).toContain('SSS_CONNECTION_CLOSED');
    expect(failure(main, () => main.client.despatches())).toMatchObject({ constructor: TransportFailedError, kind: 'reset', retry: 'retryable' });
  });

  it('a hang beyond the https timeout is SSS_REQUEST_TIME_EXCEEDED: an ambiguous timeout on a POST', async () => {
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'hang' } });
    const started = Date.now();
    const e = failure(main, () => main.client.createOrder(newOrder()));
    const elapsed = Date.now() - started;
    expect(e).toMatchObject({ constructor: TransportFailedError, kind: 'timeout', code: 'TIMEOUT', retry: 'ambiguous' });
    expect(e.message).toContain('N/https SSS_REQUEST_TIME_EXCEEDED');
    expect(elapsed).toBeGreaterThanOrEqual(HTTPS_LIMITS.timeoutMs - 50);
    expect(elapsed).toBeLessThan(HTTPS_LIMITS.timeoutMs + 2_000);
  });

  it('latency beyond the timeout: a GET is a retryable timeout; a POST is ambiguous and was in fact applied', async () => {
    await sim.control.addFault({ method: 'GET', path: '/v1/order-events', times: 1, action: { kind: 'latency', ms: 1_500 } });
    expect(failure(main, () => main.client.orderEvents())).toMatchObject({ kind: 'timeout', retry: 'retryable' });
    await sim.control.addFault({ method: 'POST', path: '/v1/asns', times: 1, action: { kind: 'latency', ms: 1_500 } });
    const asn = newAsn();
    expect(failure(main, () => main.client.createAsn(asn))).toMatchObject({ kind: 'timeout', retry: 'ambiguous' });
    await new Promise((resolve) => setTimeout(resolve, 700)); // the simulator finishes handling it
    expect(failure(main, () => main.client.createAsn(asn))).toBeInstanceOf(DuplicateAsnError);
  });

  it.each([
    ['status', { kind: 'commitThenFail', then: 'status', status: 500 }, ServerError],
    ['drop', { kind: 'commitThenFail', then: 'drop' }, TransportFailedError],
    ['hang', { kind: 'commitThenFail', then: 'hang' }, TransportFailedError],
  ] as const)('commit-then-fail (%s) on POST /v1/orders is ambiguous, and the lookup finds exactly one order', async (_then, action, errorClass) => {
    await sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action });
    const order = newOrder();
    expect(failure(main, () => main.client.createOrder(order))).toMatchObject({ constructor: errorClass, retry: 'ambiguous' });
    expect(ok(main, () => main.client.findOrdersByClientReference(order.ClientReference))).toHaveLength(1);
  });

  it('a refused connection: the sandbox says SSS_CONNECTION_TIME_OUT, classified cautiously (timeout: a POST is ambiguous)', async () => {
    const refused = rig(`https://127.0.0.1:${await closedPort()}`, sim.apiKey);
    const write = failure(refused, () => refused.client.createOrder(newOrder()));
    expect(write).toMatchObject({ constructor: TransportFailedError, kind: 'timeout', retry: 'ambiguous' });
    expect(write.message).toContain('N/https SSS_CONNECTION_TIME_OUT');
    expect(failure(refused, () => refused.client.getOrder('ORD-1'))).toMatchObject({ kind: 'timeout', retry: 'retryable' });
  });

  it('a host name that does not resolve is SSS_UNKNOWN_HOST: nothing was sent, so even a POST is retryable', () => {
    // The sandbox answers unknown names itself (no DNS query ever leaves the machine).
    const nowhere = rig('https://no-such-host.invalid', sim.apiKey);
    const write = failure(nowhere, () => nowhere.client.createOrder(newOrder()));
    expect(write).toMatchObject({ constructor: TransportFailedError, kind: 'connect', code: 'CONNECT_FAILED', retry: 'retryable' });
    expect(write.message).toContain('N/https SSS_UNKNOWN_HOST');
  });

  it('the secret is bound to its domain: another host name gets INVALID_SECRET_DOMAIN (a secretHost transport failure: configuration, nothing sent)', async () => {
    await sim.control.clearRequests();
    const elsewhere = new ScendClient({ baseUrl: scendUrl().replace('127.0.0.1', 'localhost'), apiKeyHeader: apiKeyFromSecret(SECRET_ID), transport: new NetSuiteHttpsTransport(), budget: { remainingUsage: () => 1_000 } });
    const refused = failure({ sb: main.sb, client: elsewhere }, () => elsewhere.createOrder(newOrder()));
    expect(refused).toMatchObject({ constructor: TransportFailedError, kind: 'secretHost', code: 'SECRET_HOST_NOT_ALLOWED', retry: 'retryable' });
    expect(refused.message).toContain('N/https INVALID_SECRET_DOMAIN');
    expect(await sim.control.requests()).toEqual([]);
  });

  it.each([
    ['missingField', 'Sku', 'Items[0].Sku'],
    ['wrongType', 'OnHand', 'Items[0].OnHand'],
    ['negativeQuantity', undefined, /^Items\[0\]\.\w+$/],
    ['notJson', undefined, ''],
  ] as const)('a %s payload is a MalformedResponseError naming the field', async (mutation, field, expected) => {
    await sim.control.addFault({ method: 'GET', path: '/v1/stock', times: 1, action: { kind: 'badPayload', mutation, ...(field ? { field } : {}) } });
    const e = failure(main, () => main.client.stockSnapshot());
    expect(e).toBeInstanceOf(MalformedResponseError);
    if (typeof expected === 'string') expect((e as MalformedResponseError).field).toBe(expected);
    else expect((e as MalformedResponseError).field).toMatch(expected);
  });
});

describe('governance in the sandbox', () => {
  it('each call charges 10 units of the script; the client stops before the call it cannot pay for', async () => {
    await sim.control.clearRequests();
    const { error, governor } = inScript(main, () => {
      for (let i = 0; i < 3; i += 1) main.client.getProduct('1001');
      const e = (() => {
        try {
          main.client.getProduct('1001');
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e).toMatchObject({ constructor: BudgetExhaustedError, remainingUnits: 0, requiredUnits: 10 });
    }, 30);
    expect(error).toBeUndefined();
    expect(governor.used()).toBe(30);
    expect((await sim.control.requests()).map((r) => r.path)).toEqual(['/v1/products/1001', '/v1/products/1001', '/v1/products/1001']);
  });

  it('a walk within a script stops on the budget (and its reserve) without SSS_USAGE_LIMIT_EXCEEDED', () => {
    const reserved = rig(scendUrl(), sim.apiKey, { reserveUnits: 25 });
    const seen: string[] = [];
    const { value, error, governor } = inScript(reserved, () => reserved.client.walkProducts({ pageSize: 2, onPage: (items) => seen.push(...items.map((p) => p.Sku)) }), 65);
    expect(error).toBeUndefined();
    // 65 units, 25 reserved: calls at 65, 55, 45, 35 remaining; at 25 the walk stops.
    expect(value).toMatchObject({ stoppedBy: 'budget', pages: 4, nextPage: 5 });
    expect(new Set(seen).size).toBe(8);
    expect(governor.used()).toBe(40);
  });
});

describe('secrets', () => {
  it('after all of the above, no log holds the key and the sandbox reports no leak', () => {
    const logged = main.sb.logs.entries;
    expect(logged.length).toBeGreaterThan(20);
    expect(main.sb.secrets.leaks()).toEqual([]);
    expect(logged.filter((e) => `${e.title} ${e.details}`.includes(sim.apiKey))).toEqual([]);
    expect(allErrors.length).toBeGreaterThan(20);
    expect(allErrors.filter((e) => `${String(e)} ${JSON.stringify(e)}`.includes(sim.apiKey))).toEqual([]);
    expect(JSON.stringify(main.client)).not.toContain(sim.apiKey);
  });
});
