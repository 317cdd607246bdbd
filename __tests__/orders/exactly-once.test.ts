import { workBacklogItem, planBacklog } from '../../src/ts/core/orders/backlog';
import { pushApprovedOrder } from '../../src/ts/core/orders/push-order';
import { RateLimitedError, ServerError, TransportFailedError, UnknownSkuError } from '../../src/ts/scend/errors';
import { memoryPorts } from './fakes';
import { items, NOW, order, settings } from './fixtures';

const post = { operation: 'createOrder', method: 'POST' as const, path: '/orders' };
const get = { operation: 'listOrders', method: 'GET' as const, path: '/orders' };
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

function world() {
  let now = NOW;
  const ports = memoryPorts(() => now);
  const backlog = (at: Date, restarted = false) => {
    now = at;
    const work = planBacklog(Array.from(ports.ledger.entries.values()), ['500'], settings, at);
    return work.map((w) => workBacklogItem(w, settings, at, ports, { readOrder: () => order(), readItems: () => items }, restarted));
  };
  return { ports, backlog };
}

describe('pushing an approved order exactly once', () => {
  it('sends it once and records Scend\'s order id on the ledger', () => {
    const { ports } = world();
    const outcome = pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(outcome).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: false });
    expect(ports.ledger.byOrder('500')).toMatchObject({ state: 'sent', scendId: 'SO-1', scendStatus: 'RECEIVED', attempts: 1 });
    expect(ports.scend.calls).toEqual(['createOrder']);
  });

  it('does not send a second time when the order is approved again (the ledger key already exists)', () => {
    const { ports } = world();
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    const again = pushApprovedOrder({ order: order(), items, settings, now: minutes(1) }, ports);
    expect(again).toEqual({ kind: 'done', state: 'sent' });
    expect(ports.scend.orders).toHaveLength(1);
  });

  it('does not send an order twice when the first call timed out after Scend committed it', () => {
    const { ports, backlog } = world();
    ports.scend.failNext('createOrder', new TransportFailedError(post, 'timeout', 'no answer'), true);
    const first = pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(first.kind).toBe('deferred');
    expect(ports.ledger.byOrder('500')?.state).toBe('sending');

    expect(backlog(minutes(2))).toEqual([]); // not due yet: no call at all
    const later = backlog(minutes(30));
    expect(later).toEqual([{ kind: 'sent', scendId: 'SO-1', adopted: true }]);
    expect(ports.scend.orders).toHaveLength(1);
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference']);
  });

  it('sends after an ambiguous failure when the lookup shows Scend never got it', () => {
    const { ports, backlog } = world();
    ports.scend.failNext('createOrder', new ServerError(post, 503, 'UNAVAILABLE', ''));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(backlog(minutes(30))).toEqual([{ kind: 'sent', scendId: 'SO-1', adopted: false }]);
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference', 'createOrder']);
    expect(ports.ledger.byOrder('500')?.attempts).toBe(2);
  });

  it('retries after a backoff that honours Retry-After, looking Scend up first (the ledger cannot prove no earlier attempt arrived)', () => {
    const { ports, backlog } = world();
    ports.scend.failNext('createOrder', new RateLimitedError(post, 1200));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(ports.ledger.byOrder('500')).toMatchObject({ state: 'retrying', nextAttemptAt: minutes(20) });
    expect(backlog(minutes(19))).toEqual([]);
    expect(backlog(minutes(20))).toEqual([{ kind: 'sent', scendId: 'SO-1', adopted: false }]);
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference', 'createOrder']);
  });

  it('never creates a second order when a restarted backlog key runs again after its POST', () => {
    const { ports } = world();
    ports.scend.failNext('createOrder', new TransportFailedError(post, 'connect', 'refused'));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    const at = minutes(10);
    const [work] = planBacklog(Array.from(ports.ledger.entries.values()), ['500'], settings, at);
    const deps = { readOrder: () => order(), readItems: () => items };
    // The backlog's POST commits in Scend, then the app server restarts before the key records it.
    ports.scend.failNext('createOrder', Object.assign(new Error('restart'), { name: 'SSS_APP_SERVER_RESTART' }), true);
    expect(() => workBacklogItem(work, settings, at, ports, deps, false)).toThrow('restart');
    expect(ports.ledger.byOrder('500')?.state).toBe('sending');
    const rerun = workBacklogItem(work, settings, at, ports, deps, true);
    expect(rerun).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: true });
    expect(ports.scend.orders).toHaveLength(1);
  });

  it('keeps the order queued when the lookup itself fails, and never posts blind', () => {
    const { ports, backlog } = world();
    ports.scend.failNext('createOrder', new TransportFailedError(post, 'timeout', ''), true);
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    ports.scend.failNext('findOrdersByClientReference', new ServerError(get, 503, 'UNAVAILABLE', ''));
    expect(backlog(minutes(30))[0]).toMatchObject({ kind: 'deferred', state: 'sending' });
    expect(ports.scend.calls.filter((c) => c === 'createOrder')).toHaveLength(1);
  });

  it('gives up after maxAttempts with an admin exception', () => {
    const { ports, backlog } = world();
    for (let i = 0; i < 4; i++) ports.scend.failNext('createOrder', new TransportFailedError(post, 'connect', 'refused'));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    for (const m of [10, 30, 60]) backlog(minutes(m));
    expect(ports.ledger.byOrder('500')).toMatchObject({ state: 'failed', attempts: 4 });
    expect(ports.exceptions.open().map((e) => [e.type, e.owner])).toContainEqual(['connection', 'admin']);
  });

  it('blocks an order Scend rejects for an unknown SKU, with an operations exception', () => {
    const { ports } = world();
    ports.scend.failNext('createOrder', new UnknownSkuError(post, 422, 'unknown sku', [], [{ LineRef: '1', Sku: 'MUG-RED' }]));
    const outcome = pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(outcome).toEqual({ kind: 'blocked', exceptions: ['orderRejected'] });
    expect(ports.exceptions.open()[0]).toMatchObject({ owner: 'operations', transactionId: '500' });
  });
});

describe('the backlog', () => {
  it('sends an approved order nobody queued (e.g. CSV import)', () => {
    const { ports, backlog } = world();
    expect(backlog(NOW)).toEqual([{ kind: 'sent', scendId: 'SO-1', adopted: false }]);
    expect(ports.ledger.byOrder('500')?.state).toBe('sent');
  });

  it('raises one stalled exception for the admin when an order is still unsent after the configured age', () => {
    const { ports, backlog } = world();
    for (let i = 0; i < 3; i++) ports.scend.failNext('createOrder', new TransportFailedError(post, 'connect', 'refused'));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    backlog(minutes(5 * 60));
    backlog(minutes(6 * 60));
    const stalled = ports.exceptions.all.filter((e) => e.type === 'stalled');
    expect(stalled).toHaveLength(1);
    expect(stalled[0]).toMatchObject({ owner: 'admin', occurrences: 2 });
  });

  it('sends a held order once its cause is fixed and resolves its exceptions', () => {
    let now = NOW;
    const ports = memoryPorts(() => now);
    const broken = new Map(items);
    broken.set('10', { ...items.get('10')!, scendSku: undefined });
    pushApprovedOrder({ order: order(), items: broken, settings, now }, ports);
    expect(ports.exceptions.open().map((e) => e.type)).toEqual(['unmappedSku']);
    now = minutes(61);
    const work = planBacklog(Array.from(ports.ledger.entries.values()), ['500'], settings, now);
    const [outcome] = work.map((w) => workBacklogItem(w, settings, now, ports, { readOrder: () => order(), readItems: () => items }, false));
    expect(outcome).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: false });
    expect(ports.exceptions.open()).toEqual([]);
  });
});
