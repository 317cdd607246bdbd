/**
 * End to end (built bundle in the sandbox → Scend simulator): exceptions from real causes carry an
 * owner, a severity and a respond-by; routing records move a type to another team; high-severity
 * ones alert their team once; people retry and ignore them from the work page; the ledger stays
 * read-only to people.
 */
import { approve, createOrder, ledger, makeDue, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { listValueId } from '../../harness/connector-world';
import { RECORDS, ROLES, SCRIPTS } from '../../src/ts/ids';

const X = RECORDS.exception.fields;
const C = RECORDS.config.fields;
const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
const WORK = SCRIPTS.exceptionWork.deployments.main;
const ALERTS = SCRIPTS.alerts.deployments.alerts;
const DIGEST = SCRIPTS.alerts.deployments.digest;
const HOUR = 3_600_000;
const OPS_USER = { id: 77, role: ROLES.operations };
const CS_USER = { id: 78, role: ROLES.customerService };
const NO_ADDRESS = { addressee: 'Ada', country: 'GB' };

let w: OrderWorld;
let mug: number;

beforeAll(async () => {
  w = await startOrderWorld({
    config: {
      [C.maxAttempts]: 1,
      [C.respondHighHours]: 2,
      [C.alertOperations]: 'ops-team@example.com',
      [C.alertCustomerService]: '42',
      [C.alertAdmin]: 'integration-admin@example.com',
    },
  });
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
});
afterAll(async () => {
  await w?.close();
});
afterEach(async () => {
  await w.sim.control.clearFaults();
});

interface Exc {
  id: string;
  type: string;
  owner: string;
  status: string;
  severity: string;
  respondBy: string;
  firstSeen: string;
  alertPending: boolean;
  occurrences: number;
  resolvedBy: string;
  note: string;
}

function exceptionsFor(dedupeKey: string): Exc[] {
  const cols = [X.type, X.ownerTeam, X.status, X.severity, X.respondBy, X.firstSeen, X.alertPending, X.occurrences, X.resolvedBy, X.resolutionNote];
  return (w.sb.search.create({ type: RECORDS.exception.id, filters: [[X.dedupeKey, 'is', dedupeKey]], columns: cols }).run().getRange({ start: 0, end: 10 }) as Array<{ id: string; getValue(n: string): unknown; getText(n: string): string }>).map((r) => ({
    id: r.id,
    type: r.getText(X.type),
    owner: r.getText(X.ownerTeam),
    status: r.getText(X.status),
    severity: r.getText(X.severity),
    respondBy: String(r.getValue(X.respondBy)),
    firstSeen: String(r.getValue(X.firstSeen)),
    alertPending: r.getValue(X.alertPending) === true,
    occurrences: Number(r.getValue(X.occurrences)),
    resolvedBy: String(r.getValue(X.resolvedBy) ?? ''),
    note: String(r.getValue(X.resolutionNote) ?? ''),
  }));
}

const minutes = (mdy: string): number => Date.parse(`${mdy.replace(/(\d+)\/(\d+)\/(\d+) (\d+):(\d+) (am|pm)/, (_m, mo, d, y, h, mi, ap) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${String((Number(h) % 12) + (ap === 'pm' ? 12 : 0)).padStart(2, '0')}:${mi}:00Z`)}`) / 60_000;

function failedOrder(ref: string): string {
  const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: ref });
  return id;
}

describe('owner, severity and respond-by', () => {
  it('gives an exception from a real cause its owner team, its severity and a respond-by from the response window', () => {
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-1', status: 'B', address: NO_ADDRESS });
    const [e] = exceptionsFor(`missingAddress:order:${id}`);
    expect(e).toMatchObject({ owner: 'Customer service', severity: 'Medium', status: 'Open', alertPending: false });
    // Medium: the default 24-hour window (only the high window is configured here).
    expect(minutes(e.respondBy) - minutes(e.firstSeen)).toBe(24 * 60);
  });

  it('routes a type to another team at another severity when a routing record says so (the alert goes to that team)', async () => {
    const R = RECORDS.exceptionRoute.fields;
    w.db.seed(RECORDS.exceptionRoute.id, {
      [R.type]: listValueId(w.sb, 'exceptionType', 'missingAddress'),
      [R.owner]: listValueId(w.sb, 'ownerTeam', 'operations'),
      [R.severity]: listValueId(w.sb, 'severity', 'high'),
    });
    w.sb.clock.advance(6 * 60_000); // past the routing cache's five minutes
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-2', status: 'B', address: NO_ADDRESS });
    const [e] = exceptionsFor(`missingAddress:order:${id}`);
    expect(e).toMatchObject({ owner: 'Operations', severity: 'High', alertPending: true });
    expect(minutes(e.respondBy) - minutes(e.firstSeen)).toBe(2 * 60);

    const before = w.sb.outbox.length;
    await w.sb.runScheduled(ALERTS);
    const sent = w.sb.outbox.slice(before);
    expect(sent).toEqual([expect.objectContaining({ recipients: ['ops-team@example.com'], scriptId: SCRIPTS.alerts.id, body: expect.stringContaining('address') })]);
    expect(exceptionsFor(`missingAddress:order:${id}`)[0].alertPending).toBe(false);

    // Seen again (the order is edited, still without an address): the same open record, no second email.
    const rec = w.sb.record.load({ type: 'salesorder', id });
    rec.setValue({ fieldId: 'memo', value: 'still no address' });
    rec.save();
    expect(exceptionsFor(`missingAddress:order:${id}`)).toEqual([expect.objectContaining({ occurrences: 2, alertPending: false })]);
    await w.sb.runScheduled(ALERTS);
    expect(w.sb.outbox.length).toBe(before + 1);
    // Remove the routing again for the tests below.
    for (const r of w.sb.search.create({ type: RECORDS.exceptionRoute.id, filters: [], columns: [] }).run().getRange({ start: 0, end: 10 }) as Array<{ id: string }>) {
      w.sb.record.delete({ type: RECORDS.exceptionRoute.id, id: r.id });
    }
    w.sb.clock.advance(6 * 60_000);
  });
});

describe('retry now, ignore, and who resolved it', () => {
  it('alerts the integration admin once when sending gives up; Retry now on the exception sends the order and the exception resolves itself', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = failedOrder('WX-3');
    approve(w, id);
    makeDue(w, id);
    await w.sb.runMapReduce(BACKLOG);
    expect(ledger(w, id)).toMatchObject({ state: 'Failed' });
    const [e] = exceptionsFor(`connection:order:${id}`);
    expect(e).toMatchObject({ owner: 'Integration admin', severity: 'High', alertPending: true });
    // Raising it sent nothing: only the alert script emails.
    expect(w.sb.outbox.filter((m) => m.scriptId !== SCRIPTS.alerts.id)).toEqual([]);
    const before = w.sb.outbox.length;
    await w.sb.runScheduled(ALERTS);
    expect(w.sb.outbox.slice(before)).toEqual([expect.objectContaining({ recipients: ['integration-admin@example.com'] })]);

    await w.sim.control.clearFaults();
    // An operations user cannot change the ledger themselves...
    const ledgerId = (w.sb.search.create({ type: RECORDS.sync.id, filters: [[RECORDS.sync.fields.transaction, 'anyof', id]], columns: [] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string }>)[0].id;
    expect(() => w.sb.asUser(OPS_USER, () => w.sb.record.submitFields({ type: RECORDS.sync.id, id: ledgerId, values: { [RECORDS.sync.fields.nextAttemptAt]: new Date() } }))).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
    // ...but Retry now (the page runs as Administrator) re-queues it through the claim and starts the backlog.
    const reply = await w.sb.asUser(OPS_USER, () => w.sb.callSuitelet(WORK, { params: { action: 'retry', exception: e.id } }));
    expect(reply.body).toContain('Queued for one more try');
    expect(ledger(w, id)).toMatchObject({ state: 'Waiting to retry' });
    expect(w.sb.tasks.filter((t) => t.deploymentId === BACKLOG && t.status === 'PENDING')).toHaveLength(1);
    await w.sb.runQueuedTasks();
    expect(await w.scendOrders('WX-3')).toHaveLength(1);
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
    expect(exceptionsFor(`connection:order:${id}`)).toEqual([expect.objectContaining({ status: 'Resolved', note: expect.stringContaining('automatically'), alertPending: false })]);
  });

  it('shows Retry now on an open exception and on a sales order Scend does not have, and not once it is sent', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = failedOrder('WX-4');
    approve(w, id);
    expect(w.sb.ui.open('salesorder', id, 'view').html).toContain('id="custpage_scend_retry"');
    await w.sim.control.clearFaults();
    await w.sb.callSuitelet(WORK, { params: { action: 'retry', order: id } });
    await w.sb.runQueuedTasks();
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
    expect(w.sb.ui.open('salesorder', id, 'view').html).not.toContain('custpage_scend_retry');

    const held = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-5', status: 'B', address: NO_ADDRESS });
    const [e] = exceptionsFor(`missingAddress:order:${held}`);
    const page = w.sb.ui.open(RECORDS.exception.id, e.id, 'view').html;
    expect(page).toContain('id="custpage_scend_retry"');
    expect(page).toContain('id="custpage_scend_ignore"');
  });

  it('a retry racing the backlog on the same order is refused by the claim, not doubled', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const id = failedOrder('WX-11');
    approve(w, id);
    const S = RECORDS.sync.fields;
    const ledgerId = (w.sb.search.create({ type: RECORDS.sync.id, filters: [[S.transaction, 'anyof', id]], columns: [] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string }>)[0].id;
    // Between the page reading the ledger entry (call 0) and loading it to claim (call 2), the backlog takes it.
    w.sb.concurrency.at({ script: WORK }, { call: 2 }, () => w.sb.record.submitFields({ type: RECORDS.sync.id, id: ledgerId, values: { [S.attempts]: 2 } }), 'backlog claims');
    const tasksBefore = w.sb.tasks.length;
    const reply = await w.sb.callSuitelet(WORK, { params: { action: 'retry', order: id } });
    expect(w.sb.concurrency.unfired()).toEqual([]);
    expect(reply.body).toContain('The order changed while retrying');
    expect(w.sb.tasks.length).toBe(tasksBefore);
  });

  it('bulk: retries the ticked exceptions of a filtered list with one backlog run', async () => {
    await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const ids = ['WX-6', 'WX-7'].map((ref) => {
      const id = failedOrder(ref);
      approve(w, id);
      makeDue(w, id);
      return id;
    });
    await w.sb.runMapReduce(BACKLOG);
    const picked = ids.map((id) => exceptionsFor(`connection:order:${id}`)[0].id);
    await w.sim.control.clearFaults();
    const list = await w.sb.asUser(OPS_USER, () => w.sb.callSuitelet(WORK, { params: { team: 'admin' } }));
    for (const x of picked) expect(list.body).toContain(`name="custpage_pick_${x}"`);
    const tasksBefore = w.sb.tasks.length;
    const body = { custpage_team: 'admin', custpage_action: 'retry', ...Object.fromEntries(picked.map((x) => [`custpage_pick_${x}`, 'T'])) };
    await w.sb.asUser(OPS_USER, () => w.sb.callSuitelet(WORK, { method: 'POST', body }));
    expect(w.sb.tasks.length).toBe(tasksBefore + 1);
    await w.sb.runQueuedTasks();
    for (const ref of ['WX-6', 'WX-7']) expect(await w.scendOrders(ref)).toHaveLength(1);
  });

  it('ignores with a note, recording who and when; without a note it refuses', async () => {
    const held = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-8', status: 'B', address: NO_ADDRESS });
    const [e] = exceptionsFor(`missingAddress:order:${held}`);
    const refused = await w.sb.asUser(CS_USER, () => w.sb.callSuitelet(WORK, { method: 'POST', body: { custpage_action: 'ignore', [`custpage_pick_${e.id}`]: 'T' } }));
    expect(refused.body).toContain('a note is required');
    expect(exceptionsFor(`missingAddress:order:${held}`)[0].status).toBe('Open');
    await w.sb.asUser(CS_USER, () => w.sb.callSuitelet(WORK, { method: 'POST', body: { custpage_action: 'ignore', custpage_note: 'Customer collects in person', [`custpage_pick_${e.id}`]: 'T' } }));
    const [after] = exceptionsFor(`missingAddress:order:${held}`);
    expect(after).toMatchObject({ status: 'Ignored', resolvedBy: expect.stringMatching(/\(78\)$/), note: 'Customer collects in person' });
    const rec = w.sb.record.load({ type: RECORDS.exception.id, id: e.id });
    expect(rec.getValue({ fieldId: X.resolvedAt })).toBeInstanceOf(Date);
  });
});

describe('the daily digest', () => {
  it('sends each team the rest of its open exceptions, overdue ones marked', async () => {
    const held = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-9', status: 'B', address: NO_ADDRESS });
    expect(exceptionsFor(`missingAddress:order:${held}`)[0]).toMatchObject({ owner: 'Customer service', severity: 'Medium' });
    w.sb.clock.advance(25 * HOUR);
    const before = w.sb.outbox.length;
    await w.sb.runScheduled(DIGEST);
    const digest = w.sb.outbox.slice(before);
    const cs = digest.find((m) => m.recipients[0] === 42);
    expect(cs).toBeDefined();
    expect(cs!.subject).toMatch(/Daily digest: \d+ open for Customer service \(\d+ overdue\)/);
    expect(cs!.body).toContain('OVERDUE');
    // A high-severity exception waiting for its own alert is not in the digest (it is emailed within 15 minutes).
    const waiting = w.db.seed(RECORDS.exception.id, {
      name: 'waiting', [X.type]: listValueId(w.sb, 'exceptionType', 'configuration'), [X.ownerTeam]: listValueId(w.sb, 'ownerTeam', 'customerService'),
      [X.status]: listValueId(w.sb, 'exceptionStatus', 'open'), [X.severity]: listValueId(w.sb, 'severity', 'high'), [X.alertPending]: true,
      [X.message]: 'waiting for its alert', [X.dedupeKey]: 'configuration:connector:test', [X.firstSeen]: w.sb.clock.now(), [X.lastSeen]: w.sb.clock.now(),
    });
    await w.sb.runScheduled(DIGEST);
    expect(w.sb.outbox.slice(-digest.length).some((m) => m.body.includes('waiting for its alert'))).toBe(false);
    w.sb.record.delete({ type: RECORDS.exception.id, id: waiting });
  });
});

describe('who sees what', () => {
  // NetSuite Help: custom record "Use Permission List" — the ledger lists the connector roles at View only.
  it('lets every connector role read the ledger and none change it; the administrator may', () => {
    const S = RECORDS.sync.fields;
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-12', status: 'B' });
    const ledgerId = (w.sb.search.create({ type: RECORDS.sync.id, filters: [[S.transaction, 'anyof', id]], columns: [] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string }>)[0].id;
    Object.values(ROLES).forEach((role, i) => {
      const user = { id: 90 + i, role };
      expect(w.sb.asUser(user, () => w.sb.record.load({ type: RECORDS.sync.id, id: ledgerId }).id)).toBe(Number(ledgerId));
      expect(() => w.sb.asUser(user, () => w.sb.record.submitFields({ type: RECORDS.sync.id, id: ledgerId, values: { [S.lastError]: 'x' } }))).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
    });
    expect(() => w.sb.asUser({ id: 99, role: 'ADMINISTRATOR' }, () => w.sb.record.submitFields({ type: RECORDS.sync.id, id: ledgerId, values: { [S.lastError]: 'x' } }))).not.toThrow();
  });

  it("lets each team's role work exceptions through the page and read its own saved search", async () => {
    await w.sb.runInstall(SCRIPTS.searchInstall.deployments.main);
    const owners = w.sb.asUser(CS_USER, () => {
      const rows = w.sb.search.load({ id: 'customsearch_scend_exc_open_cs' }).run().getRange({ start: 0, end: 100 }) as Array<{ getText(n: string): string }>;
      return [...new Set(rows.map((r) => r.getText(X.ownerTeam)))];
    });
    expect(owners).toEqual(['Customer service']);
  });
});

describe('overdue', () => {
  it('lists only overdue exceptions when asked, most urgent first', async () => {
    const held = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'WX-10', status: 'B', address: NO_ADDRESS });
    const [fresh] = exceptionsFor(`missingAddress:order:${held}`);
    const page = await w.sb.asUser(CS_USER, () => w.sb.callSuitelet(WORK, { params: { team: 'customerService', overdue: 'T' } }));
    expect(page.body).not.toContain(`custpage_pick_${fresh.id}"`);
    expect(page.body).toContain('OVERDUE'); // the older ones (the digest test moved the clock a day on)
    w.sb.clock.advance(25 * HOUR);
    const later = await w.sb.asUser(CS_USER, () => w.sb.callSuitelet(WORK, { params: { team: 'customerService', overdue: 'T' } }));
    expect(later.body).toContain(`custpage_pick_${fresh.id}"`);
  });
});
