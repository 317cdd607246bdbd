/**
 * Two actors racing to send the same held order, swept over every governed call: a user fixing the
 * order (the user event resumes it) and a backlog map key for the same order. Whichever acts at
 * whichever call of the other, Scend gets the order once and the ledger links that one order.
 * NetSuite decides who wins: the ledger claim is a versioned save (RCRD_HAS_BEEN_CHANGED).
 */
import { createOrder, GOOD_ADDRESS, ledger, makeDue, startOrderWorld, type OrderWorld } from './support/order-world';
import { SCRIPTS } from '../../src/ts/ids';
import type { Database } from '../../sandbox/src/data/database';
import type { Order } from '../../src/ts/scend/contract';
import { reproducible } from '../../harness/concurrent-user';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
const UE = SCRIPTS.orderUserEvent.deployments.main;

let w: OrderWorld;
let mug: number;
let n = 0;
beforeAll(async () => {
  w = await startOrderWorld();
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
});
afterAll(async () => {
  await w?.close();
});

const refs = new Map<string, string>();

/** An approved order held for its address (ledger blocked, due for the backlog). */
function heldOrder(): string {
  n += 1;
  const ref = `RACE-${n}`;
  const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: ref, status: 'B', address: { addressee: 'Ada' } });
  refs.set(id, ref);
  expect(ledger(w, id)?.state).toBe('Blocked');
  makeDue(w, id);
  return id;
}

/** The user fixes the address in the UI: the user event sends the order. */
const userFixes = (id: string) => () => {
  const rec = w.sb.record.load({ type: 'salesorder', id });
  const sub = rec.getSubrecord({ fieldId: 'shippingaddress' });
  for (const [fieldId, value] of Object.entries(GOOD_ADDRESS)) sub.setValue({ fieldId, value });
  rec.save();
};

/** The address fixed by someone with scripts off (no user event), so only the backlog would send it. */
function fixQuietly(id: string): void {
  const db = w.sb.data.db as Database;
  const data = db.peek('salesorder', Number(id));
  Object.assign(data.subrecords.shippingaddress ?? (data.subrecords.shippingaddress = {}), GOOD_ADDRESS);
  db.persist('salesorder', Number(id), data, { quiet: true });
}

/** A user saving the order (an edit): the user event resumes the held entry. */
const userEdits = (id: string) => () => {
  const rec = w.sb.record.load({ type: 'salesorder', id });
  rec.setValue({ fieldId: 'memo', value: 'leave with neighbour' });
  rec.save();
};

const backlogKey = (id: string) => () => {
  w.sb.concurrency.runMapKeyNow(BACKLOG, id, JSON.stringify({ orderId: id, reason: 'retry', stalled: false }));
};

async function expectSentOnce(id: string): Promise<void> {
  const live = (await w.scendOrders(refs.get(id))).filter((o: Order) => o.Status !== 'CANCELLED');
  expect(live).toHaveLength(1);
  expect(ledger(w, id)).toMatchObject({ state: 'Sent', scendId: live[0].OrderId });
}

function callsOf(match: { script: string; entryPoint?: string }, fn: () => void): number {
  const before = w.sb.usage.entries.length;
  fn();
  return w.sb.usage.entries.slice(before).filter((e) => (e.deploymentId === match.script) && (!match.entryPoint || e.entryPoint === match.entryPoint)).reduce((m, e) => Math.max(m, e.charges.length), 0);
}

describe('a user and the backlog racing to send one held order', () => {
  it('the backlog key runs at every governed call of the user event: one Scend order each time', async () => {
    const probe = heldOrder();
    const calls = callsOf({ script: UE, entryPoint: 'afterSubmit' }, userFixes(probe));
    expect(calls).toBeGreaterThan(3);
    for (let i = 0; i < calls; i++) {
      const id = heldOrder();
      w.sb.concurrency.at({ script: UE, entryPoint: 'afterSubmit' }, { call: i }, backlogKey(id), `backlog key at UE call ${i}`);
      userFixes(id)();
      await reproducible(w.sb, () => expectSentOnce(id));
    }
    expect(w.sb.concurrency.unfired()).toEqual([]);
  });

  it('the user saves at every governed call of the backlog key: one Scend order each time', async () => {
    const probe = heldOrder();
    fixQuietly(probe);
    const calls = callsOf({ script: BACKLOG, entryPoint: 'map' }, backlogKey(probe));
    expect(calls).toBeGreaterThan(3);
    for (let i = 0; i < calls; i++) {
      const id = heldOrder();
      fixQuietly(id);
      w.sb.concurrency.at({ script: BACKLOG, entryPoint: 'map' }, { call: i }, userEdits(id), `user edit at backlog call ${i}`);
      backlogKey(id)();
      await reproducible(w.sb, () => expectSentOnce(id));
    }
    expect(w.sb.concurrency.unfired()).toEqual([]);
  });
});
