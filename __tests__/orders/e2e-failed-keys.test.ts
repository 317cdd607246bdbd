/**
 * Every failed backlog key ends as a visible exception: an order that throws before its ledger row
 * exists (here: deleted while the backlog was working) is not retried forever in silence.
 */
import { seedUnqueuedOrder, startOrderWorld, type OrderWorld } from './support/order-world';
import { SCRIPTS } from '../../src/ts/ids';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
let w: OrderWorld;
beforeAll(async () => {
  w = await startOrderWorld();
});
afterAll(async () => {
  await w?.close();
});


it('raises one failedWork exception for the admin for an order whose key failed, with the error', async () => {
  const mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  const doomed = seedUnqueuedOrder(w, mug, 'GONE-1');
  seedUnqueuedOrder(w, mug, 'FINE-1');
  // The order is deleted after getInputData found it, before its key reads it.
  w.sb.concurrency.at({ script: BACKLOG, entryPoint: 'map', key: doomed }, { call: 1 }, () => w.sb.record.delete({ type: 'salesorder', id: doomed }));
  const run = await w.sb.runMapReduce(BACKLOG);
  expect(run.map.errors.map((e) => e.key)).toContain(doomed);
  expect(run.summarizeError).toBeNull();
  const failed = w.exceptions({ open: true }).filter((e) => e.dedupeKey === `failedWork:order:${doomed}`);
  expect(failed).toEqual([expect.objectContaining({ owner: expect.stringMatching(/admin/i), type: expect.stringMatching(/work failed/i) })]);
  expect(failed[0].message).toMatch(/RCRD_DSNT_EXIST/);
  expect(await w.scendOrders('FINE-1')).toHaveLength(1);
  expect(w.exceptions().filter((e) => e.dedupeKey === `failedWork:order:${doomed}`)).toHaveLength(1);
});
