/**
 * Feeds deliver at least once (shared/scend-api.md, "Transport"; docs/scend-openapi.yaml conventions):
 * items can be redelivered in a later page, a cursor not used for 7 days is 410 CURSOR_EXPIRED and the
 * feed restarts with `since`, and an order event can arrive after items with a later time.
 */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../src/http/server';
import { apiOf, CATALOGUE, orderBody, type Loose } from './support';

const T0 = Date.parse('2025-03-03T09:00:00.000Z');
const DAY = 24 * 3600_000;

const sims: RunningSimulator[] = [];
async function start(options: SimulatorOptions = {}) {
  const sim = await startSimulator({ catalogue: CATALOGUE, rateLimitPerMinute: 0, startAt: T0, frozen: true, ...options });
  sims.push(sim);
  return { sim, api: apiOf(sim) };
}
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

async function orders(api: ReturnType<typeof apiOf>, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await api('POST', '/v1/orders', orderBody({ ClientReference: `SO-${i}`, OrderNumber: `SO${i}` }))).body.OrderId);
  return ids;
}

/** Walk a feed to its end with `limit`, returning every item in delivery order. */
async function walk(api: ReturnType<typeof apiOf>, path: string, limit: number): Promise<Loose[]> {
  const seen: Loose[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = (await api('GET', `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)).body;
    seen.push(...page.Items);
    cursor = page.NextCursor;
    if (!page.HasMore) return seen;
  }
  throw new Error('feed never ended');
}

describe('feeds: at least once', () => {
  it('redelivers items already delivered in a later page (redeliveryRate), never skipping one', async () => {
    const { api } = await start({ feeds: { redeliveryRate: 1 } });
    await orders(api, 20);
    const items = await walk(api, '/v1/order-events', 5);
    const seqs = items.map((e) => e.Seq);
    expect(new Set(seqs)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1))); // nothing lost
    expect(seqs.length).toBeGreaterThan(20); // some twice
  });

  it('delivers each item once per walk with redelivery off (the default)', async () => {
    const { api } = await start();
    await orders(api, 12);
    expect((await walk(api, '/v1/order-events', 5)).map((e) => e.Seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('expires a cursor not used for the retention period: 410 CURSOR_EXPIRED; since= restarts the feed', async () => {
    const { sim, api } = await start();
    await orders(api, 3);
    const first = (await api('GET', '/v1/order-events?limit=2')).body;
    await sim.control.setClock({ advanceMs: 7 * DAY - 1000 });
    expect((await api('GET', `/v1/order-events?cursor=${first.NextCursor}`)).status).toBe(200); // still within 7 days
    await sim.control.setClock({ advanceMs: 2000 });
    const expired = await api('GET', `/v1/order-events?cursor=${first.NextCursor}`);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ Code: 'CURSOR_EXPIRED' });
    await api('POST', '/v1/orders', orderBody({ ClientReference: 'SO-LATER', OrderNumber: 'SOL' }));
    const since = (await api('GET', `/v1/order-events?since=${new Date(T0 + DAY).toISOString()}`)).body;
    expect(since.Items.map((e: Loose) => e.ClientReference)).toEqual(['SO-LATER']);
    expect((await api('GET', `/v1/order-events?since=${new Date(T0).toISOString()}`)).body.Items).toHaveLength(4); // at or after: redelivers
    expect((await api('GET', `/v1/order-events?since=2025-13-45&limit=1`)).status).toBe(400);
    expect((await api('GET', `/v1/order-events?since=${new Date(T0).toISOString()}&cursor=${since.NextCursor}`)).status).toBe(400);
  });

  it('keeps the retention configurable (POST /_sim/feeds cursorRetentionMs) on every feed', async () => {
    const { sim, api } = await start();
    await sim.control.configureFeeds({ cursorRetentionMs: 60_000 });
    for (const feed of ['/v1/despatches', '/v1/receipts', '/v1/returns', '/v1/stock-movements']) {
      const { NextCursor } = (await api('GET', feed)).body;
      await sim.control.setClock({ advanceMs: 61_000 });
      expect([feed, (await api('GET', `${feed}?cursor=${NextCursor}`)).status]).toEqual([feed, 410]);
    }
  });

  it('delivers an order event late: after items with a later At (lateEventRate)', async () => {
    const { sim, api } = await start({ feeds: { lateEventRate: 1, lateEventDelayMs: 10 * 60_000 } });
    const [id] = await orders(api, 1);
    expect((await api('GET', '/v1/order-events')).body.Items).toEqual([]); // held back
    await sim.control.configureFeeds({ lateEventRate: 0 });
    await sim.control.setClock({ advanceMs: 60_000 });
    await sim.control.release(id); // on time, one minute later
    await sim.control.setClock({ advanceMs: 10 * 60_000 });
    const events = (await api('GET', '/v1/order-events')).body.Items;
    expect(events.map((e: Loose) => [e.Status, e.At])).toEqual([
      ['RELEASED', new Date(T0 + 60_000).toISOString()],
      ['RECEIVED', new Date(T0).toISOString()], // arrives after an event it precedes
    ]);
  });

  it('refuses bad feed settings', async () => {
    const { sim } = await start();
    await expect(sim.control.configureFeeds({ redeliveryRate: 1.5 })).rejects.toMatchObject({ status: 400 });
    await expect(sim.control.configureFeeds({ bogus: 1 } as never)).rejects.toMatchObject({ status: 400 });
  });
});
