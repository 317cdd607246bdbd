/**
 * End to end, by the clock alone: the backlog map/reduce deployed SCHEDULED (daily, repeating
 * every 15 minutes, in src/Objects) picks up an order Scend refused while it was down, with no
 * test calling runMapReduce. Build first.
 */
import { approve, createOrder, ledger, startOrderWorld, type OrderWorld } from './support/order-world';
import { SCRIPTS } from '../../src/ts/ids';

let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('the deployed backlog schedule (sandbox clock)', () => {
  it('sends an order that failed while Scend was down once time passes, through the 15-minute schedule alone', async () => {
    const mug = w.item('MUG-SCHED');
    await w.sim.control.upsertProduct({ Sku: 'MUG-SCHED', ExternalId: String(mug), Name: 'Scheduled mug', WeightKg: 0.4 });
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SCHED-1' });
    approve(w, id);
    expect(await w.scendOrders('SCHED-1')).toHaveLength(0);
    expect(ledger(w, id)?.state).not.toBe('Sent');

    await w.sim.control.clearFaults();
    const runs = await w.sb.advance(30 * 60_000);

    const backlogRuns = runs.filter((r) => r.deploymentId === SCRIPTS.orderBacklog.deployments.main);
    expect(backlogRuns).toHaveLength(2);
    expect(backlogRuns.every((r) => r.kind === 'MAPREDUCE')).toBe(true);
    const orders = await w.scendOrders('SCHED-1');
    expect(orders).toHaveLength(1);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent', scendId: orders[0].OrderId });
  });
});
