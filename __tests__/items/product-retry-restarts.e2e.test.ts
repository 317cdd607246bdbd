/**
 * End to end (issue 9): the backlog's product retry survives a restart at every governed call of
 * its map key. NetSuite Help: "System Restarts and Map/Reduce Scripts" — a map invocation can be
 * cut off at any point and runs again with isRestarted. Whatever the cut, the held order ends with
 * one product in Scend, one Scend order, and a sent ledger entry.
 */
import { SCRIPTS } from '../../src/ts/ids';
import { createOrder, ledger, makeDue, startOrderWorld, type OrderWorld } from '../orders/support/order-world';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld({ seed: 19 });
});

afterAll(async () => {
  await w?.close();
});

it('a restart at each governed call of the key never duplicates the order and always ends sent', async () => {
  let swept = 0;
  for (let n = 0; n < 60; n++) {
    // Keep under Scend's 120 requests/minute: time passes between rounds (both sides' clock).
    w.sb.clock.advance(61_000);
    const item = w.item(`SWEEP-${n}`, { inScend: false });
    const ref = `SWEEP-${n}`;
    const id = createOrder(w, { lines: [{ item, quantity: 1 }], externalid: ref, status: 'B' });
    makeDue(w, id);
    const run = await w.sb.runMapReduce(BACKLOG, { restart: { stage: 'map', key: id, afterGovernedCalls: n } });
    // The cut lands after `n` governed calls; past the key's last call it lands just after that one.
    const cutAfter = run.restarts.length ? run.restarts[0].governedCallsBefore : -1;
    expect((await w.scendOrders(ref)).length).toBeLessThanOrEqual(1);
    if (String(ledger(w, id)?.state).toLowerCase() !== 'sent') {
      makeDue(w, id);
      await w.sb.runMapReduce(BACKLOG);
    }
    expect((await w.scendProducts()).filter((p) => p.ExternalId === String(item)).map((p) => p.Sku)).toEqual([`SWEEP-${n}`]);
    expect(await w.scendOrders(ref)).toHaveLength(1);
    expect(String(ledger(w, id)?.state)).toMatch(/^sent$/i);
    if (cutAfter < n) break; // past the key's last governed call: every point was swept
    swept += 1;
  }
  console.log(`product retry: restarts swept over ${swept} governed calls of the map key`);
  // The key makes ~20 governed calls: order read, item facts, product PUT and flags, ledger claim, POST, exceptions.
  expect(swept).toBeGreaterThanOrEqual(15);
});
