import { validateResponse } from '../src/contract/openapi-validator';
import { startSimulator } from '../src/http/server';
import { apiOf, CATALOGUE, type Loose, orderBody, useSimulator } from './support';

describe('authentication, rate limit and fault injection over HTTP', () => {
  const ctx = useSimulator();
  const ordersFor = async (ref = 'SO-1001') => (await ctx.sim.control.orders(ref)).length;
  const rawPost = (path: string, body: unknown, timeoutMs?: number) =>
    fetch(ctx.sim.url + path, {
      method: 'POST',
      headers: { 'X-Api-Key': ctx.sim.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    });

  it('answers 401 UNAUTHORIZED to a missing or wrong key and changes nothing', async () => {
    for (const key of [null, 'wrong-key', `${ctx.sim.apiKey}x`]) {
      const res = await ctx.api('POST', '/v1/orders', orderBody(), { key });
      expect(res.status).toBe(401);
      expect(res.body.Code).toBe('UNAUTHORIZED');
      expect((await ctx.api('PUT', '/v1/products/999', { Sku: 'NEW', ExternalId: '999', Name: 'n', WeightKg: 1 }, { key })).status).toBe(401);
    }
    expect(await ordersFor()).toBe(0);
    expect((await ctx.api('GET', '/v1/products/999')).status).toBe(404);
    expect((await ctx.api('GET', '/v1/order-events')).body.Items).toEqual([]);
  });

  it('generates a random key per start unless one is given', async () => {
    const a = await startSimulator();
    const b = await startSimulator({ apiKey: 'given-key-123' });
    try {
      expect(a.apiKey).toMatch(/^[0-9a-f]{32}$/);
      expect(a.apiKey).not.toBe(ctx.sim.apiKey);
      expect(b.apiKey).toBe('given-key-123');
      expect((await apiOf(b)('GET', '/v1/products')).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('answers 404 NOT_FOUND to a path outside the contract', async () => {
    const res = await fetch(`${ctx.sim.url}/v1/nothing-here`, { headers: { 'X-Api-Key': ctx.sim.apiKey } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Loose).Code).toBe('NOT_FOUND');
  });

  it('limits requests per key per minute with 429 RATE_LIMITED and Retry-After, on the simulator clock', async () => {
    await ctx.sim.control.configure({ rateLimitPerMinute: 3 });
    await ctx.sim.control.setClock({ at: '2025-01-01T00:00:00Z', frozen: true });
    for (let i = 0; i < 3; i++) expect((await ctx.api('GET', '/v1/products')).status).toBe(200);
    const limited = await ctx.api('POST', '/v1/orders', orderBody());
    expect(limited.status).toBe(429);
    expect(limited.body.Code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('60');
    expect(await ordersFor()).toBe(0);
    await ctx.sim.control.setClock({ advanceMs: 45_000 });
    expect((await ctx.api('GET', '/v1/products')).headers['retry-after']).toBe('15');
    await ctx.sim.control.setClock({ advanceMs: 15_001 });
    expect((await ctx.api('POST', '/v1/orders', orderBody())).status).toBe(201);
    await ctx.sim.control.setClock({ resume: true });
  });

  it.each([500, 502, 503])('injects %i on one endpoint without applying the write, for `times` requests only', async (status) => {
    await ctx.sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 2, action: { kind: 'status', status } });
    for (let i = 0; i < 2; i++) {
      const res = await ctx.api('POST', '/v1/orders', orderBody());
      expect(res.status).toBe(status);
      expect(res.body.Code).toBe(status === 500 ? 'INTERNAL' : 'UNAVAILABLE');
    }
    expect(await ordersFor()).toBe(0);
    expect((await ctx.api('POST', '/v1/orders', orderBody())).status).toBe(201);
    expect((await ctx.sim.control.faults())[0].fired).toBe(2);
  });

  it('injects 429 with Retry-After and leaves other endpoints alone', async () => {
    await ctx.sim.control.addFault({ method: 'GET', path: '/v1/orders/{OrderId}', action: { kind: 'status', status: 429, retryAfterSeconds: 7 } });
    const res = await ctx.api('GET', '/v1/orders/ORD-000001');
    expect(res).toMatchObject({ status: 429, body: { Code: 'RATE_LIMITED' } });
    expect(res.headers['retry-after']).toBe('7');
    expect((await ctx.api('GET', '/v1/orders')).status).toBe(200);
  });

  it('delays with latency: a client that gives up first still finds the write applied later', async () => {
    await ctx.sim.control.addFault({ path: '/v1/orders', method: 'POST', times: 1, action: { kind: 'latency', ms: 300 } });
    await expect(rawPost('/v1/orders', orderBody(), 100)).rejects.toThrow();
    expect(await ordersFor()).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await ordersFor()).toBe(1);
    const started = Date.now();
    await ctx.sim.control.addFault({ path: '/v1/products', action: { kind: 'latency', ms: 150 } });
    expect((await ctx.api('GET', '/v1/products')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection without applying the write', async () => {
    await ctx.sim.control.addFault({ path: '/v1/orders', method: 'POST', times: 1, action: { kind: 'drop' } });
    await expect(rawPost('/v1/orders', orderBody())).rejects.toThrow();
    expect(await ordersFor()).toBe(0);
    expect((await ctx.sim.control.requests()).at(-1)).toMatchObject({ outcome: 'dropped', template: '/v1/orders' });
  });

  it('hangs without answering or applying (a plain timeout)', async () => {
    await ctx.sim.control.addFault({ path: '/v1/orders', method: 'POST', times: 1, action: { kind: 'hang' } });
    await expect(rawPost('/v1/orders', orderBody(), 200)).rejects.toThrow();
    expect(await ordersFor()).toBe(0);
  });

  it.each([
    ['a 5xx', { then: 'status', status: 503 } as const],
    ['a dropped connection', { then: 'drop' } as const],
    ['no answer at all', { then: 'hang' } as const],
    ['an answer too late', { then: 'delay', delayMs: 400 } as const],
  ])('commit-then-fail with %s really commits the order', async (_name, then) => {
    await ctx.sim.control.addFault({ path: '/v1/orders', method: 'POST', times: 1, action: { kind: 'commitThenFail', ...then } });
    const outcome = await rawPost('/v1/orders', orderBody(), 200).then(
      (res) => res.status,
      () => 'no response',
    );
    expect(outcome).toBe(then.then === 'status' ? 503 : 'no response');
    expect(await ordersFor()).toBe(1);
    expect((await ctx.sim.control.requests()).at(-1)).toMatchObject({ committed: true, template: '/v1/orders' });
    // The retry that skips the natural-key check creates the duplicate the integration must prevent.
    expect((await ctx.api('POST', '/v1/orders', orderBody())).status).toBe(201);
    expect(await ordersFor()).toBe(2);
  });

  it('commit-then-fail on cancel really cancels and returns the stock', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.release(body.OrderId);
    await ctx.sim.control.addFault({ path: '/v1/orders/{OrderId}/cancel', times: 1, action: { kind: 'commitThenFail' } });
    expect((await ctx.api('POST', `/v1/orders/${body.OrderId}/cancel`)).status).toBe(500);
    expect((await ctx.api('GET', `/v1/orders/${body.OrderId}`)).body.Status).toBe('CANCELLED');
  });

  it.each([
    ['missingField', '/v1/order-events', (b: Loose) => expect(b.Items[0].Seq).toBeUndefined()],
    ['wrongType', '/v1/order-events', (b: Loose) => expect(b.Items[0].Seq).toBe('1')],
    ['negativeQuantity', '/v1/despatches', (b: Loose) => expect(b.Items[0].Parcels[0].Lines[0].Quantity).toBeLessThan(0)],
    ['negativeQuantity', '/v1/stock', (b: Loose) => expect(b.Items[0].OnHand).toBeLessThan(0)],
    ['unknownOrderReference', '/v1/despatches', (b: Loose) => expect(b.Items[0]).toMatchObject({ OrderId: 'ORD-UNKNOWN-999999', ClientReference: 'UNKNOWN-REF-999999' })],
  ] as const)('serves a bad payload on demand (%s on %s) that the contract check catches', async (mutation, path, check) => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.despatch(body.OrderId);
    await ctx.sim.control.addFault({ method: 'GET', path, times: 1, action: { kind: 'badPayload', mutation } });
    const bad = await ctx.api('GET', path, undefined, { allowViolation: true });
    expect(bad.status).toBe(200);
    check(bad.body);
    if (mutation !== 'unknownOrderReference') expect(validateResponse('GET', path, 200, bad.body)).not.toEqual([]);
    expect((await ctx.api('GET', path)).status).toBe(200); // times: 1 — the next answer is clean
  });

  it('serves a body that is not JSON on demand', async () => {
    await ctx.sim.control.addFault({ method: 'GET', path: '/v1/products', times: 1, action: { kind: 'badPayload', mutation: 'notJson' } });
    const res = await fetch(`${ctx.sim.url}/v1/products`, { headers: { 'X-Api-Key': ctx.sim.apiKey } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('draws probabilistic faults from the seeded RNG: the same seed fails the same requests', async () => {
    const pattern = async () => {
      const sim = await startSimulator({ seed: 7, catalogue: CATALOGUE, faults: [{ path: '/v1/products', probability: 0.5, action: { kind: 'status', status: 503 } }] });
      try {
        const api = apiOf(sim);
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++) statuses.push((await api('GET', '/v1/products')).status);
        return statuses;
      } finally {
        await sim.close();
      }
    };
    const first = await pattern();
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(await pattern()).toEqual(first);
  });

  it('rejects malformed fault rules on the control surface', async () => {
    await expect(ctx.sim.control.addFault({ action: { kind: 'status', status: 200 } })).rejects.toMatchObject({ status: 400 });
    await expect(ctx.sim.control.addFault({ probability: 2, action: { kind: 'drop' } })).rejects.toMatchObject({ status: 400 });
    expect(await ctx.sim.control.faults()).toEqual([]);
  });
});
