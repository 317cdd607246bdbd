/**
 * The warehouse moves by itself on the simulator clock (shared/scend-api.md, "Status lifecycle";
 * docs/scend-openapi.yaml cancelOrder/amendOrder): each step runs at its due instant when the
 * clock moves, deterministically for a seed, and the cancel/amend windows close as orders move.
 */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../src/http/server';
import { apiOf, CATALOGUE, orderBody, type Loose } from './support';

const T0 = Date.parse('2025-03-03T09:00:00.000Z');
const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms).toISOString();

const sims: RunningSimulator[] = [];
async function start(options: SimulatorOptions = {}) {
  const sim = await startSimulator({ catalogue: CATALOGUE, rateLimitPerMinute: 0, startAt: T0, frozen: true, ...options, autopilot: { enabled: true, ...options.autopilot } });
  sims.push(sim);
  return { sim, api: apiOf(sim), advance: (ms: number) => sim.control.setClock({ advanceMs: ms }) };
}
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

async function create(api: ReturnType<typeof apiOf>, ref: string, lines = orderBody().Lines) {
  const res = await api('POST', '/v1/orders', orderBody({ ClientReference: ref, OrderNumber: ref, Lines: lines }));
  expect(res.status).toBe(201);
  return res.body.OrderId as string;
}

describe('autopilot: RELEASED → PICKING → PACKING → PACKED → DESPATCHED on the clock', () => {
  it('an order moved by hand is scheduled from its new state (the autopilot hears of each change, it does not rescan)', async () => {
    const { sim, api, advance } = await start({ autopilot: { enabled: true, releaseAfterMs: 60 * MIN } });
    const a = await create(api, 'SO-HAND');
    await advance(MIN);
    await sim.control.release(a); // released by a person at +1 min: picking is due at +31, before the autopilot's own release at +60
    await advance(30 * MIN);
    expect((await api('GET', `/v1/orders/${a}`)).body).toMatchObject({ Status: 'PICKING', StatusChangedAt: at(31 * MIN) });
  });

  it('runs each step at its due instant; the amend window closes at release, the cancel window at packing', async () => {
    const { api, advance } = await start();
    const a = await create(api, 'SO-A');
    const b = await create(api, 'SO-B');
    await advance(4 * MIN);
    expect((await api('GET', `/v1/orders/${a}`)).body.Status).toBe('RECEIVED');
    expect((await api('PATCH', `/v1/orders/${a}`, { Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1 }] })).status).toBe(200);
    await advance(2 * MIN); // release is due at +5 min
    const released = (await api('GET', `/v1/orders/${a}`)).body;
    expect(released).toMatchObject({ Status: 'RELEASED', StatusChangedAt: at(5 * MIN) });
    expect((await api('PATCH', `/v1/orders/${a}`, { Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 3 }] })).body).toMatchObject({ Code: 'AMEND_TOO_LATE', Details: [{ Status: 'RELEASED' }] });
    await advance(30 * MIN); // picking at +35 min: still cancellable
    expect((await api('GET', `/v1/orders/${b}`)).body.Status).toBe('PICKING');
    await advance(30 * MIN); // packing at +65 min
    expect((await api('POST', `/v1/orders/${a}/cancel`)).body).toMatchObject({ Code: 'CANCEL_TOO_LATE', Details: [{ Status: 'PACKING' }] });
    await advance(80 * MIN); // PACKED at +75, despatched at +135
    const order = (await api('GET', `/v1/orders/${a}`)).body;
    expect(order).toMatchObject({ Status: 'DESPATCHED', StatusChangedAt: at(135 * MIN) });
    const events = (await api('GET', '/v1/order-events?limit=500')).body.Items.filter((e: Loose) => e.OrderId === a);
    expect(events.map((e: Loose) => [e.Status, e.At])).toEqual([
      ['RECEIVED', at(0)],
      ['RELEASED', at(5 * MIN)],
      ['PICKING', at(35 * MIN)],
      ['PACKING', at(65 * MIN)],
      ['PACKED', at(75 * MIN)],
      ['DESPATCHED', at(135 * MIN)],
    ]);
    const despatches = (await api('GET', '/v1/despatches')).body.Items;
    expect(despatches.map((d: Loose) => [d.OrderId, d.DespatchedAt])).toEqual([
      [a, at(135 * MIN)],
      [b, at(135 * MIN)],
    ]);
  });

  it('does nothing while disabled, and nothing before it was enabled is rewritten', async () => {
    const { sim, api, advance } = await start({ autopilot: { enabled: false } });
    const id = await create(api, 'SO-OFF');
    await advance(24 * 60 * MIN);
    expect((await api('GET', `/v1/orders/${id}`)).body.Status).toBe('RECEIVED');
    await sim.control.configureAutopilot({ enabled: true });
    await advance(1);
    // overdue since yesterday: it runs now, not back-dated to before the autopilot was on
    expect((await api('GET', `/v1/orders/${id}`)).body).toMatchObject({ Status: 'RELEASED', StatusChangedAt: at(24 * 60 * MIN) });
  });

  it('puts an order it cannot fill ON_HOLD and releases it once stock arrives (holdRetryMs)', async () => {
    const { sim, api, advance } = await start({ autopilot: { holdRetryMs: 60 * MIN } });
    const id = await create(api, 'SO-SHORT', [{ LineRef: '1', Sku: 'GPS', Quantity: 9 }]);
    await advance(10 * MIN);
    expect((await sim.control.order(id))).toMatchObject({ Status: 'ON_HOLD', HoldReason: 'short stock' });
    await sim.control.setStock({ Sku: 'GPS', Warehouse: 'UK1', OnHand: 20 });
    await advance(60 * MIN);
    expect((await api('GET', `/v1/orders/${id}`)).body).toMatchObject({ Status: 'RELEASED', StatusChangedAt: at(65 * MIN) });
  });

  it('despatches partially over several parcels, with lots on lot SKUs and one serial per unit on serial SKUs', async () => {
    const { api, advance } = await start({ autopilot: { partialDespatchRate: 1, parcelsMax: 3 } });
    const id = await create(api, 'SO-PART', [
      { LineRef: '1', Sku: 'GAS', Quantity: 6 },
      { LineRef: '2', Sku: 'GPS', Quantity: 2 },
    ]);
    const more = [await create(api, 'SO-PART-2', [{ LineRef: '1', Sku: 'BAG', Quantity: 4 }]), await create(api, 'SO-PART-3', [{ LineRef: '1', Sku: 'BAG', Quantity: 4 }])];
    await advance(135 * MIN);
    expect((await api('GET', `/v1/orders/${id}`)).body.Status).toBe('PACKED'); // partial: stays PACKED
    await advance(24 * 60 * MIN);
    const order = (await api('GET', `/v1/orders/${id}`)).body;
    expect(order.Status).toBe('DESPATCHED');
    const despatches = (await api('GET', '/v1/despatches')).body.Items;
    expect(despatches.filter((d: Loose) => d.OrderId === id).length).toBeGreaterThan(1);
    expect(despatches.every((d: Loose) => d.Parcels.length >= 1 && d.Parcels.length <= 3)).toBe(true);
    expect(despatches.some((d: Loose) => d.Parcels.length > 1)).toBe(true);
    expect(more.length).toBe(2);
    const lines = despatches.filter((d: Loose) => d.OrderId === id).flatMap((d: Loose) => d.Parcels.flatMap((p: Loose) => p.Lines));
    const shipped = (sku: string) => lines.filter((l: Loose) => l.Sku === sku).reduce((n: number, l: Loose) => n + l.Quantity, 0);
    expect([shipped('GAS'), shipped('GPS')]).toEqual([6, 2]);
    for (const l of lines) {
      if (l.Sku === 'GAS') expect(l.Lot).toEqual(expect.any(String));
      if (l.Sku === 'GPS') expect(l.Serials).toHaveLength(l.Quantity);
    }
    expect(new Set(lines.flatMap((l: Loose) => l.Serials)).size).toBe(2);
  });

  it.each([
    ['short', { shortReceiptRate: 1 }, 5],
    ['over', { overReceiptRate: 1 }, 11],
    ['damaged', { damagedRate: 1 }, 10],
  ])('receives an ASN %s, receiveAfterMs after it was announced', async (_mode, rates, received) => {
    const { api, advance } = await start({ autopilot: { receiveAfterMs: 120 * MIN, ...rates } });
    const asn = (await api('POST', '/v1/asns', { ClientReference: 'PO-1', Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: 10 }] })).body.AsnId;
    await advance(119 * MIN);
    expect((await api('GET', '/v1/receipts')).body.Items).toEqual([]);
    await advance(MIN);
    const [receipt] = (await api('GET', '/v1/receipts')).body.Items;
    expect(receipt).toMatchObject({ AsnId: asn, ReceivedAt: at(120 * MIN), Lines: [{ LineRef: '1', QuantityReceived: received }] });
    if (_mode === 'damaged') expect(receipt.Lines[0].QuantityDamaged).toBeGreaterThan(0);
    else expect(receipt.Lines[0].QuantityDamaged).toBe(0);
  });

  it('books returns for despatched orders, returnAfterMs after despatch', async () => {
    const { api, advance } = await start({ autopilot: { returnRate: 1, returnAfterMs: 2 * 24 * 60 * MIN } });
    const id = await create(api, 'SO-RET');
    await advance(135 * MIN + 2 * 24 * 60 * MIN);
    const [ret] = (await api('GET', '/v1/returns')).body.Items;
    expect(ret).toMatchObject({ OrderId: id, ClientReference: 'SO-RET', ReceivedAt: at(135 * MIN + 2 * 24 * 60 * MIN) });
    expect(['TENT', 'BAG']).toContain(ret.Lines[0].Sku);
  });

  it('books cycle counts and damage as stock movements at their Poisson rates', async () => {
    const { api, advance } = await start({ autopilot: { cycleCountRatePerHour: 6, damageRatePerHour: 6 } });
    await advance(4 * 60 * MIN);
    const moves = (await api('GET', '/v1/stock-movements?limit=500')).body.Items;
    const reasons = new Set(moves.map((m: Loose) => m.Reason));
    expect(reasons).toEqual(new Set(['CYCLE_COUNT', 'DAMAGED']));
    expect(moves.length).toBeGreaterThan(10);
    const times = moves.map((m: Loose) => Date.parse(m.OccurredAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThan(T0);
    expect(Math.max(...times)).toBeLessThanOrEqual(T0 + 4 * 60 * MIN);
  });

  it('repeats exactly for a seed (and differs for another seed)', async () => {
    const busy = { partialDespatchRate: 0.5, parcelsMax: 3, returnRate: 0.5, returnAfterMs: 60 * MIN, shortReceiptRate: 0.3, overReceiptRate: 0.3, damagedRate: 0.2, cycleCountRatePerHour: 2, damageRatePerHour: 1 };
    const run = async (seed: number) => {
      const { api, advance } = await start({ seed, autopilot: busy });
      for (let i = 0; i < 6; i++) await create(api, `SO-${i}`, [{ LineRef: '1', Sku: 'GAS', Quantity: 4 }, { LineRef: '2', Sku: 'TENT', Quantity: 1 }]);
      await api('POST', '/v1/asns', { ClientReference: 'PO-9', Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'BAG', QuantityExpected: 7 }] });
      for (let i = 0; i < 12; i++) await advance(45 * MIN);
      const feeds = await Promise.all(['/v1/despatches', '/v1/receipts', '/v1/returns', '/v1/stock-movements', '/v1/order-events'].map((p) => api('GET', `${p}?limit=500`)));
      return JSON.stringify(feeds.map((f) => f.body.Items));
    };
    const first = await run(7);
    expect(await run(7)).toBe(first);
    expect(await run(8)).not.toBe(first);
  });

  it('is configured through POST /_sim/autopilot and refuses bad settings', async () => {
    const { sim } = await start({ autopilot: { enabled: false } });
    const state = await sim.control.configureAutopilot({ enabled: true, pickAfterMs: 1000 });
    expect(state.settings).toMatchObject({ enabled: true, pickAfterMs: 1000, releaseAfterMs: 5 * MIN });
    await expect(sim.control.configureAutopilot({ returnRate: 2 })).rejects.toMatchObject({ status: 400, code: 'INVALID' });
    await expect(sim.control.configureAutopilot({ nonsense: 1 } as never)).rejects.toMatchObject({ status: 400, code: 'INVALID' });
  });
});
