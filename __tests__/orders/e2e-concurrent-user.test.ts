/**
 * End to end with a concurrent user: while the backlog map/reduce sends approved orders, someone
 * edits, approves and cancels the same orders in the UI at seeded random governed calls (the
 * harness's concurrent user on the sandbox's interleaving). Whatever the interleaving, no order
 * reaches Scend twice, and every approved order is in Scend or visible as an exception.
 */
import { approveButton, createOrder, ledger, openExceptions, seedUnqueuedOrder, startOrderWorld, type OrderWorld } from './support/order-world';
import { SCRIPTS } from '../../src/ts/ids';
import type { Order } from '../../src/ts/scend/contract';
import { reproducible } from '../../harness/concurrent-user';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;


describe.each([3, 8])('a user working the same orders while the backlog runs (seed %i)', (seed) => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await startOrderWorld({ seed });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('acts inside the backlog\'s keys, and no order is sent twice or lost', async () => {
    const mug = w.item('MUG-RED');
    await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
    const unqueued = Array.from({ length: 12 }, (_, i) => seedUnqueuedOrder(w, mug, `CSV-${seed}-${i}`));
    const pending = Array.from({ length: 6 }, (_, i) => createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: `WEB-${seed}-${i}` }));
    const user = w.concurrentUser({ orders: () => [...unqueued, ...pending], probability: 0.25 });

    const run = await w.sb.runMapReduce(BACKLOG);
    user.stop();
    for (const id of pending) if (String(w.db.peek('salesorder', Number(id)).fields.orderstatus) === 'A') approveButton(w, id);
    await w.sb.runMapReduce(BACKLOG);

    await reproducible(w.sb, async () => {
      expect(run.status).toBe('COMPLETE');
      expect(user.actions.some((a) => a.during.includes(BACKLOG) && a.outcome === 'ok')).toBe(true);
      const inScend = (await w.scendOrders()).filter((o: Order) => o.Status !== 'CANCELLED');
      const refs = inScend.map((o) => o.ClientReference);
      expect(refs.filter((r, i) => refs.indexOf(r) !== i)).toEqual([]);
      for (const id of [...unqueued, ...pending]) {
        const status = String(w.db.peek('salesorder', Number(id)).fields.orderstatus);
        if (status !== 'B') continue;
        const row = ledger(w, id);
        const visible = row?.state === 'Sent' || openExceptions(w).some((e) => e.dedupeKey.includes(id));
        expect({ id, visible, ledger: row }).toMatchObject({ visible: true });
      }
    });
  });
});
