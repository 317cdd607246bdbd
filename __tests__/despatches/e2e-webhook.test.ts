/**
 * End to end: Scend's signed webhooks only queue the imports; the feeds stay the source of truth.
 * NetSuite Help "N/crypto Module" (createSecretKey from an API secret, createHmac SHA256, digest HEX)
 * and "N/task Module" (a map/reduce deployment already queued or running: MAP_REDUCE_ALREADY_RUNNING).
 */
import { webhookSignature } from '../../scend-sim/src';
import { SCRIPTS } from '../../src/ts/ids';
import { startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { fulfilmentsOf, sendOrder } from './support';

const HOOK = SCRIPTS.webhook.deployments.main;
const SECRET = 'whsec-test-0123456789';
let w: OrderWorld;
let mug: number;

beforeAll(async () => {
  w = await startOrderWorld();
  w.sb.secrets.register('custsecret_scend_webhook', SECRET);
  mug = w.item('MUG-RED');
  await w.sim.control.upsertProduct({ Sku: 'MUG-RED', ExternalId: String(mug), Name: 'Red mug', WeightKg: 0.4 });
  await w.sim.control.setStock({ Sku: 'MUG-RED', Warehouse: 'UK1', OnHand: 1000 });
  w.db.seedInventory(mug, w.location, 1000);
});
afterAll(async () => {
  await w?.close();
});

let seq = 0;
function delivery(event: string, data: unknown, occurredAt = w.sb.clock.now()): string {
  return JSON.stringify({ DeliveryId: `DLV-${++seq}`, Event: event, OccurredAt: occurredAt.toISOString(), Data: data });
}

async function post(body: string, signature?: string) {
  const reply = await w.sb.callSuitelet(HOOK, { method: 'POST', body, headers: signature === undefined ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', 'X-Scend-Signature': signature } });
  return JSON.parse(reply.body) as { accepted: boolean; reason?: string; queued?: string | boolean };
}
const queuedOf = (scriptId: string) => w.sb.tasks.filter((t) => t.scriptId === scriptId && t.status !== 'COMPLETE');

describe('signed webhooks', () => {
  it('a signed, fresh despatch.created queues the despatch import once; the import reads the feed', async () => {
    const so = await sendOrder(w, 'WH-1', [{ item: mug, quantity: 1 }]);
    const despatch = await w.sim.control.despatch(so.scendId);
    const body = delivery('despatch.created', despatch);
    expect(await post(body, webhookSignature(SECRET, body))).toEqual({ accepted: true, queued: 'queued', event: 'despatch.created' });
    const again = delivery('despatch.created', despatch);
    expect(await post(again, webhookSignature(SECRET, again))).toMatchObject({ accepted: true, queued: 'already-queued' });
    expect(queuedOf(SCRIPTS.despatchImport.id)).toHaveLength(1);
    await w.sb.runQueuedTasks();
    expect(fulfilmentsOf(w, so.id)).toHaveLength(1);
  });

  it('order.status_changed queues the order status sync', async () => {
    const body = delivery('order.status_changed', { Seq: 1, OrderId: 'ORD-1', ClientReference: 'X', Status: 'RELEASED', At: w.sb.clock.now().toISOString() });
    expect(await post(body, webhookSignature(SECRET, body))).toMatchObject({ accepted: true, queued: 'queued' });
    expect(queuedOf(SCRIPTS.statusSync.id)).toHaveLength(1);
    await w.sb.runQueuedTasks();
  });

  it.each([
    ['unsigned', (_b: string): string | undefined => undefined, 'unsigned'],
    ['signed with another secret', (b: string) => webhookSignature('not-the-secret', b), 'bad-signature'],
    ['another scheme', (b: string) => webhookSignature(SECRET, b).replace('sha256=', 'sha1='), 'unsigned'],
  ])('%s: refused, nothing queued', async (_name, sign, reason) => {
    const body = delivery('despatch.created', { DespatchId: 'DSP-FORGED' });
    expect(await post(body, sign(body))).toEqual({ accepted: false, reason });
    expect(queuedOf(SCRIPTS.despatchImport.id)).toHaveLength(0);
  });

  it('a body changed after signing is refused', async () => {
    const body = delivery('despatch.created', { DespatchId: 'DSP-1' });
    expect(await post(body.replace('DSP-1', 'DSP-2'), webhookSignature(SECRET, body))).toEqual({ accepted: false, reason: 'bad-signature' });
  });

  it('a stale (or replayed) delivery is refused', async () => {
    const old = delivery('despatch.created', { DespatchId: 'DSP-1' }, new Date(w.sb.clock.now().getTime() - 10 * 60_000));
    expect(await post(old, webhookSignature(SECRET, old))).toEqual({ accepted: false, reason: 'stale' });
    expect(queuedOf(SCRIPTS.despatchImport.id)).toHaveLength(0);
  });

  it('a signed delivery inventing a despatch makes no fulfilment: the feed decides', async () => {
    const so = await sendOrder(w, 'WH-INVENTED', [{ item: mug, quantity: 1 }]);
    const invented = { DespatchId: 'DSP-INVENTED', OrderId: so.scendId, ClientReference: so.ref, DespatchedAt: w.sb.clock.now().toISOString(), Carrier: 'X', Service: 'Y', Parcels: [{ TrackingNumber: 'T1', Lines: [{ LineRef: '1', Sku: 'MUG-RED', Quantity: 1, Serials: [] }] }] };
    const body = delivery('despatch.created', invented);
    expect(await post(body, webhookSignature(SECRET, body))).toMatchObject({ accepted: true });
    await w.sb.runQueuedTasks();
    expect(fulfilmentsOf(w, so.id)).toEqual([]);
  });

  it('refuses anything but POST', async () => {
    const reply = await w.sb.callSuitelet(HOOK, { method: 'GET' });
    expect(JSON.parse(reply.body)).toEqual({ accepted: false, reason: 'method' });
  });

  it('never logs the secret', () => {
    expect(w.sb.secrets.leaks()).toEqual([]);
  });
});
