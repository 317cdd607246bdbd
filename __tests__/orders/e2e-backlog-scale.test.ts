/**
 * End to end: the backlog map/reduce reads only what can need work. Orders already in Scend never
 * reach getInputData, so its rows and units stay the same however many orders were sent.
 */
import { approve, createOrder, ledger, makeDue, startOrderWorld, type OrderWorld, seedUnqueuedOrder } from './support/order-world';

const BACKLOG = 'customdeploy_scend_mr_order_backlog';
const BACKLOG_TYPES = new Set(['customrecord_scend_sync', 'salesorder']);

interface PagedSearch { searchType: string; runPaged(o?: unknown): { count: number } }
interface SearchModule { create(o: unknown): PagedSearch }

/**
 * Counts the rows the backlog's paged searches (ledger, sales orders) find while `fn` runs, by
 * observing the N/search module scripts receive; nothing about the searches is changed.
 */
async function rowsFound<T>(world: OrderWorld, fn: () => Promise<T>): Promise<{ result: T; rows: number }> {
  const mod = world.sb.module<SearchModule>('N/search');
  const create = mod.create;
  let rows = 0;
  mod.create = Object.assign((o: unknown) => {
    const s = create(o);
    const runPaged = s.runPaged.bind(s);
    s.runPaged = (opts?: unknown) => {
      const paged = runPaged(opts);
      if (BACKLOG_TYPES.has(s.searchType)) rows += paged.count;
      return paged;
    };
    return s;
  }, create);
  try {
    return { result: await fn(), rows };
  } finally {
    mod.create = create;
  }
}


interface Scenario { keys: string[]; expected: string[]; rows: number; inputUnits: number; sentAfter: Array<string | undefined> }

/** N orders sent at approval; then one queued while Scend is down (due), one queued but not due, one never queued. */
async function scenario(sent: number): Promise<Scenario> {
  const world = await startOrderWorld();
  try {
    const item = world.item('SCALE-MUG');
    await world.sim.control.upsertProduct({ Sku: 'SCALE-MUG', ExternalId: String(item), Name: 'Scale mug', WeightKg: 0.4 });
    const sentIds: string[] = [];
    for (let i = 0; i < sent; i++) sentIds.push(createOrder(world, { lines: [{ item, quantity: 1 }], externalid: `SENT-${i}` }));
    sentIds.forEach((id) => approve(world, id));
    expect(new Set(sentIds.map((id) => ledger(world, id)?.state))).toEqual(new Set(['Sent']));
    await world.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const queued = createOrder(world, { lines: [{ item, quantity: 1 }], externalid: 'QUEUED' });
    approve(world, queued);
    const notDue = createOrder(world, { lines: [{ item, quantity: 1 }], externalid: 'NOT-DUE' });
    approve(world, notDue);
    await world.sim.control.clearFaults();
    makeDue(world, queued);
    const unqueued = seedUnqueuedOrder(world, item, 'CSV-1');
    expect([ledger(world, queued)?.state, ledger(world, notDue)?.state, ledger(world, unqueued)]).toEqual(['Sending', 'Sending', undefined]); // a 503 is ambiguous: the POST may have landed;

    const { result: run, rows } = await rowsFound(world, () => world.sb.runMapReduce(BACKLOG));
    expect(run.status).toBe('COMPLETE');
    expect(run.map.errors).toEqual([]);
    const inputUnits = run.usage.filter((u) => u.entryPoint === 'getInputData').reduce((n, u) => n + u.units, 0);
    return {
      keys: [...run.map.keys].sort(), expected: [queued, unqueued].sort(), rows, inputUnits,
      sentAfter: [queued, unqueued, notDue].map((id) => ledger(world, id)?.state as string | undefined),
    };
  } finally {
    await world.close();
  }
}

describe('the backlog at scale', () => {
  let small: Scenario;
  let large: Scenario;
  beforeAll(async () => {
    small = await scenario(5);
    large = await scenario(50);
  }, 60_000);

  it('works exactly the queued-and-due and the never-queued orders, and sends them', () => {
    for (const s of [small, large]) {
      expect(s.keys).toEqual(s.expected);
      expect(s.sentAfter).toEqual(['Sent', 'Sent', 'Sending']);
    }
  });

  it('finds only those orders in getInputData: sent orders and entries not yet due are filtered by the searches', () => {
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(2);
  });

  it('spends the same getInputData units with 50 sent orders as with 5', () => {
    expect(small.inputUnits).toBeGreaterThan(0);
    expect(large.inputUnits).toBe(small.inputUnits);
  });
});
