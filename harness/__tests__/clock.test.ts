/**
 * One clock for the NetSuite sandbox and the Scend simulator in the end-to-end world, so Retry-After,
 * schedules and "despatched N minutes ago" mean the same on both sides; and the contract's rate limit
 * (shared/scend-api.md, "Transport": 120 requests/minute per key, 429 RATE_LIMITED with Retry-After) on by default.
 * Build first (`npm run build`).
 */
import { CONTRACT_RATE_LIMIT_PER_MINUTE, startConnectorWorld, type ConnectorWorld } from '../connector-world';
import { SCRIPTS } from '../../src/ts/ids';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const MIN = 60_000;

const ORDER = {
  ClientReference: 'CLOCK-1',
  OrderNumber: 'CLOCK1',
  OrderDate: '2025-03-03T08:00:00Z',
  ShipTo: { Name: 'Ada', Line1: '1 High St', Town: 'Keswick', PostCode: 'CA12 5AB', CountryCode: 'GB' },
  Lines: [{ LineRef: '1', Sku: 'CLOCK-MUG', Quantity: 1 }],
};

async function post(w: ConnectorWorld, path: string, body: unknown) {
  const res = await fetch(`${w.sim.url}/v1${path}`, { method: 'POST', headers: { 'X-Api-Key': w.sim.apiKey, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { OrderId: string } };
}

describe('the harness: one clock for sandbox and simulator', () => {
  let w: ConnectorWorld;
  beforeAll(async () => {
    w = await startConnectorWorld({ now: T0 });
    await w.sim.control.upsertProduct({ Sku: 'CLOCK-MUG', ExternalId: '9001', Name: 'Clock mug', WeightKg: 0.3 });
    await w.sim.control.setStock({ Sku: 'CLOCK-MUG', Warehouse: 'UK1', OnHand: 100 });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('starts both at the same instant and keeps the simulator frozen while the sandbox clock stands still', async () => {
    expect(w.sb.clock.now().toISOString()).toBe(T0.toISOString());
    expect((await w.sim.control.now()).now).toBe(T0.toISOString());
    await new Promise((r) => setTimeout(r, 20));
    expect((await w.sim.control.now()).now).toBe(T0.toISOString());
  });

  it('moves the simulator with sb.clock.advance, sb.clock.set and sb.advance', async () => {
    w.sb.clock.advance(90_000);
    expect((await w.sim.control.now()).now).toBe(new Date(T0.getTime() + 90_000).toISOString());
    await w.sb.advance(60_000);
    expect((await w.sim.control.now()).now).toBe(new Date(T0.getTime() + 150_000).toISOString());
    w.sb.clock.set(new Date(T0.getTime() + 10 * MIN));
    expect((await w.sim.control.now()).now).toBe(new Date(T0.getTime() + 10 * MIN).toISOString());
  });

  it('world.advance interleaves the warehouse autopilot and the sandbox schedules in time order', async () => {
    const start = w.sb.clock.now().getTime();
    await w.sim.control.configureAutopilot({ enabled: true });
    const { OrderId } = (await post(w, '/orders', ORDER)).body;
    const runs = await w.advance(3 * 60 * MIN);
    expect(w.sb.clock.now().getTime()).toBe(start + 3 * 60 * MIN);
    expect((await w.sim.control.now()).now).toBe(new Date(start + 3 * 60 * MIN).toISOString());
    // the warehouse's steps at their own instants, not at the end of the advance
    const order = await w.scend<{ Status: string; StatusChangedAt: string }>(`/orders/${OrderId}`);
    expect(order).toMatchObject({ Status: 'DESPATCHED', StatusChangedAt: new Date(start + 135 * MIN).toISOString() });
    // the sandbox's 15-minute backlog schedule ran at its own instants too, in order
    const backlog = runs.filter((r) => r.deploymentId === SCRIPTS.orderBacklog.deployments.main).map((r) => r.at.getTime());
    expect(backlog.length).toBe(12);
    expect(backlog).toEqual([...backlog].sort((a, b) => a - b));
    expect(backlog.every((t) => t > start && t <= start + 3 * 60 * MIN)).toBe(true);
    await w.sim.control.configureAutopilot({ enabled: false });
  });
});

describe('the harness: the contract rate limit is on by default', () => {
  it('answers 429 with Retry-After on the shared clock; waiting that long on the sandbox clock lets requests through', async () => {
    const w = await startConnectorWorld({ now: T0 });
    try {
      expect((await w.sim.control.config()).rateLimitPerMinute).toBe(CONTRACT_RATE_LIMIT_PER_MINUTE);
      for (let i = 0; i < CONTRACT_RATE_LIMIT_PER_MINUTE; i++) await w.scend('/products?pageSize=1');
      const res = await fetch(`${w.sim.url}/v1/products`, { headers: { 'X-Api-Key': w.sim.apiKey } });
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBe(60); // the frozen clock: the whole window is still ahead
      w.sb.clock.advance(retryAfter * 1000);
      expect((await fetch(`${w.sim.url}/v1/products`, { headers: { 'X-Api-Key': w.sim.apiKey } })).status).toBe(200);
    } finally {
      await w.close();
    }
  });

  it('is off only when a test says so explicitly', async () => {
    const w = await startConnectorWorld({ now: T0, rateLimitPerMinute: 0 });
    try {
      expect((await w.sim.control.config()).rateLimitPerMinute).toBe(0);
    } finally {
      await w.close();
    }
  });
});
