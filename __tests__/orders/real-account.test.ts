/**
 * What a real account throws at the order handoff (issue 9), with the memory fakes: the go-live
 * cutoff, lines a purchase order supplies, base units, values Scend's contract refuses (checked
 * before sending and routed to who can fix them), the PO number as ClientReference with two orders
 * on one PO, and a base URL the API secret may not be sent to.
 */
import { parseConfig, type RawConfig } from '../../src/ts/core/config';
import { configReport } from '../../src/ts/core/config-report';
import { holdIfReferenceTaken } from '../../src/ts/core/orders/duplicate-reference';
import { planPush } from '../../src/ts/core/orders/plan-push';
import type { ReferenceHolder, ReferenceLookup } from '../../src/ts/core/orders/ports';
import { pushApprovedOrder, resumeOrder, type PushSettings } from '../../src/ts/core/orders/push-order';
import type { SalesOrderSnapshot } from '../../src/ts/core/orders/sales-order';
import { guardSecretHost, SECRET_HOST_KEY } from '../../src/ts/core/secret-host';
import { TransportFailedError } from '../../src/ts/scend/errors';
import { memoryPorts, type MemoryLedger } from './fakes';
import { items, NOW, order, settings } from './fixtures';

const clock = () => NOW;
const line = (n: number, extra: Partial<SalesOrderSnapshot['lines'][number]> = {}) => ({ line: String(n), itemId: '10', itemType: 'InvtPart', quantity: 1, isClosed: false, ...extra });

describe('go-live cutoff (only orders dated on or after it go to Scend)', () => {
  const cut: PushSettings = { ...settings, goLiveDate: '2025-01-06' };

  it('skips an approved order dated before the cutoff without calling Scend, and reports every line as before-go-live', () => {
    const ports = memoryPorts(clock);
    const old = order({ tranDate: '2025-01-05' });
    const plan = planPush(old, items, cut, NOW);
    expect(plan.kind).toBe('nothing-physical');
    expect(plan.filtered.map((f) => f.reason)).toEqual(['before-go-live', 'before-go-live']);
    expect(pushApprovedOrder({ order: old, items, settings: cut, now: NOW }, ports)).toEqual({ kind: 'skipped' });
    expect(ports.scend.calls).toEqual([]);
    expect(ports.ledger.byOrder('500')?.state).toBe('skipped');
  });

  it('sends an order dated on the cutoff day', () => {
    const ports = memoryPorts(clock);
    expect(pushApprovedOrder({ order: order({ tranDate: '2025-01-06' }), items, settings: cut, now: NOW }, ports).kind).toBe('sent');
  });

  it('reads the cutoff from the configuration record and refuses text that is not a date', () => {
    const raw: RawConfig = {
      baseUrl: 'https://t.scend.example', secretId: 'custsecret_scend', referenceSource: null, defaultCourierService: null,
      despatchLeadDays: null, stalledAfterHours: null, maxAttempts: null, unreachablePolicy: null, alertEmail: null,
      locations: [{ locationId: '1', warehouse: 'UK1' }], shipMethods: [], goLiveDate: '2026-03-01',
    };
    const ok = parseConfig(raw);
    expect(ok.ok && ok.config.goLiveDate).toBe('2026-03-01');
    expect(parseConfig({ ...raw, goLiveDate: null })).toMatchObject({ ok: true, config: { goLiveDate: null } });
    expect(parseConfig({ ...raw, goLiveDate: 'next monday' })).toMatchObject({ ok: false, problems: [{ field: 'goLiveDate' }] });
    const report = configReport(ok);
    expect(report.settings).toContainEqual({ label: 'Go-live date', value: expect.stringContaining('2026-03-01') });
    // The check page says what to check about the API secret: a script cannot read its allowed domains.
    expect(report.settings).toContainEqual({ label: 'Check', value: expect.stringMatching(/custsecret_scend must list t\.scend\.example among its allowed domains/) });
  });
});

describe('lines the warehouse does not ship, and base units', () => {
  it('filters drop-ship and special-order lines (createpo) and closed lines, with their reasons', () => {
    const o = order({ lines: [line(1), line(2, { createPo: 'DropShip' }), line(3, { createPo: 'SpecOrd' }), line(4, { isClosed: true }), line(5, { locationId: '9' })] });
    const plan = planPush(o, items, settings, NOW);
    expect(plan.kind).toBe('send');
    expect(plan.filtered.map((f) => [f.line, f.reason])).toEqual([['2', 'drop-ship'], ['3', 'special-order'], ['4', 'closed'], ['5', 'unmapped-location']]);
    expect(plan.kind === 'send' && plan.body.Lines.map((l) => l.LineRef)).toEqual(['1']);
  });

  it('an order whose only physical line is drop-shipped is skipped, not sent', () => {
    expect(planPush(order({ lines: [line(1, { createPo: 'DropShip' })] }), items, settings, NOW).kind).toBe('nothing-physical');
  });

  it('sends quantities in base units (line quantity × unitconversionrate), kits included', () => {
    const o = order({ lines: [line(1, { quantity: 2, unitConversionRate: 6, rate: 12 }), { line: '2', itemId: '30', itemType: 'Kit', quantity: 1, isClosed: false, unitConversionRate: 2 }] });
    const plan = planPush(o, items, settings, NOW);
    expect(plan.kind === 'send' && plan.body.Lines).toEqual([
      { LineRef: '1', Sku: 'MUG-RED', Quantity: 12, UnitPrice: 2 },
      { LineRef: '2.10', Sku: 'MUG-RED', Quantity: 2 },
      { LineRef: '2.11', Sku: 'MUG-BLUE', Quantity: 4 },
    ]);
  });

  it('holds an order whose base quantity is not whole, for customer service', () => {
    const plan = planPush(order({ lines: [line(1, { quantity: 0.5, unitConversionRate: 3 })] }), items, settings, NOW);
    expect(plan.kind).toBe('blocked');
    expect(plan.kind === 'blocked' && plan.exceptions).toEqual([expect.objectContaining({ type: 'orderData', owner: 'customerService', message: expect.stringMatching(/line 1 is 1\.5/) })]);
  });
});

describe('values Scend refuses, checked before sending (docs/scend-openapi.yaml limits)', () => {
  const long = (n: number) => 'x'.repeat(n);

  it.each([
    ['ClientReference over 100', { externalId: long(101) }, /reference.*101 characters.*at most 100/],
    ['address line over 35', { shipTo: { addressee: 'Ada', addr1: long(36), city: 'London', zip: 'N1 9GU', country: 'GB' } }, /address line 1 is 36 characters/],
    ['name over 35', { shipTo: { addressee: long(40), addr1: '1 Way', city: 'London', zip: 'N1 9GU', country: 'GB' } }, /addressee.*40 characters/],
    ['town over 35', { shipTo: { addressee: 'Ada', addr1: '1 Way', city: long(36), zip: 'N1 9GU', country: 'GB' } }, /city is 36/],
    ['postcode over 10', { shipTo: { addressee: 'Ada', addr1: '1 Way', city: 'London', zip: long(11), country: 'GB' } }, /postcode is 11 characters \(Scend takes at most 10\)/],
  ])('holds an order with a %s for customer service, without calling Scend', (_name, overrides, message) => {
    const ports = memoryPorts(clock);
    const outcome = pushApprovedOrder({ order: order(overrides as Partial<SalesOrderSnapshot>), items, settings, now: NOW }, ports);
    expect(outcome).toEqual({ kind: 'blocked', exceptions: ['orderData'] });
    expect(ports.scend.calls).toEqual([]);
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ type: 'orderData', owner: 'customerService', message: expect.stringMatching(message) })]);
  });

  it('holds an order with more than 500 warehouse lines for operations', () => {
    const ports = memoryPorts(clock);
    const lines = Array.from({ length: 501 }, (_, i) => line(i + 1));
    expect(pushApprovedOrder({ order: order({ lines }), items, settings, now: NOW }, ports)).toEqual({ kind: 'blocked', exceptions: ['tooManyLines'] });
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ owner: 'operations', message: expect.stringMatching(/501 warehouse lines.*at most 500/) })]);
  });

  it('sends the order once it is corrected, and resolves the exception', () => {
    const ports = memoryPorts(clock);
    pushApprovedOrder({ order: order({ externalId: long(101) }), items, settings, now: NOW }, ports);
    const entry = ports.ledger.byOrder('500');
    expect(entry?.state).toBe('blocked');
    const outcome = resumeOrder(entry!, { order: order({ externalId: 'SHOP-1001' }), items, settings, now: NOW }, ports, { restarted: false, actor: 'user-event' });
    expect(outcome.kind).toBe('sent');
    expect(ports.scend.orders.map((o) => o.ClientReference)).toEqual(['SHOP-1001']);
    expect(ports.exceptions.open()).toEqual([]);
  });
});

/** The ledger search as the fakes keep it. */
class MemoryReferences implements ReferenceLookup {
  constructor(private readonly ledger: MemoryLedger) {}
  holders(ref: string): ReferenceHolder[] {
    return Array.from(this.ledger.entries.values())
      .filter((e) => e.clientReference === ref)
      .map((e) => ({ entryId: e.id, transactionId: e.transactionId, orderLabel: `Sales Order #SO${e.transactionId}`, state: e.state, ...(e.scendId ? { scendId: e.scendId } : {}) }));
  }
}

describe("the customer's PO number as ClientReference", () => {
  const po: PushSettings = { ...settings, referenceSource: 'poNumberElseTranId' };
  const ports = () => {
    const p = memoryPorts(clock);
    return { ...p, references: new MemoryReferences(p.ledger) };
  };
  const a = order({ id: '500', tranId: 'SO500', poNumber: 'PO-77' });
  const b = order({ id: '501', tranId: 'SO501', poNumber: 'PO-77' });

  it('uses the PO number, else the document number', () => {
    expect(planPush(a, items, po, NOW).clientReference).toBe('PO-77');
    expect(planPush(order({ poNumber: ' ' }), items, po, NOW).clientReference).toBe('SO1001');
  });

  it('holds a second order on the same PO for customer service, naming both, instead of merging them in Scend', () => {
    const p = ports();
    expect(pushApprovedOrder({ order: a, items, settings: po, now: NOW }, p).kind).toBe('sent');
    expect(pushApprovedOrder({ order: b, items, settings: po, now: NOW }, p)).toEqual({ kind: 'blocked', exceptions: ['duplicateReference'] });
    expect(p.scend.orders).toHaveLength(1);
    expect(p.ledger.byOrder('501')).toMatchObject({ state: 'blocked', attempts: 0 });
    const [x] = p.exceptions.open();
    expect(x).toMatchObject({ type: 'duplicateReference', owner: 'customerService', transactionId: '501' });
    expect(x.message).toMatch(/SO501.*PO-77.*Sales Order #SO500/);
  });

  it('sends the second order once its PO is made distinct, and resolves the exception', () => {
    const p = ports();
    pushApprovedOrder({ order: a, items, settings: po, now: NOW }, p);
    pushApprovedOrder({ order: b, items, settings: po, now: NOW }, p);
    const outcome = resumeOrder(p.ledger.byOrder('501')!, { order: { ...b, poNumber: 'PO-77/2' }, items, settings: po, now: NOW }, p, { restarted: false, actor: 'user-event' });
    expect(outcome.kind).toBe('sent');
    expect(p.scend.orders.map((o) => o.ClientReference)).toEqual(['PO-77', 'PO-77/2']);
    expect(p.exceptions.open()).toEqual([]);
  });

  it('of two orders racing on one PO, never both are sent: both claims held, then the one queued first goes on its recheck', () => {
    const p = ports();
    // Both claimed (sending, attempt 1) before either looked.
    const ra = p.ledger.create({ key: 'order:500', transactionId: '500', clientReference: 'PO-77', state: 'sending', attempts: 1 });
    const rb = p.ledger.create({ key: 'order:501', transactionId: '501', clientReference: 'PO-77', state: 'sending', attempts: 1 });
    const send = (o: SalesOrderSnapshot) => planPush(o, items, po, NOW) as Extract<ReturnType<typeof planPush>, { kind: 'send' }>;
    expect(ra.created && holdIfReferenceTaken(p, ra.id, 1, send(a), { order: a, items, settings: po, now: NOW })).toMatchObject({ kind: 'blocked' });
    expect(rb.created && holdIfReferenceTaken(p, rb.id, 1, send(b), { order: b, items, settings: po, now: NOW })).toMatchObject({ kind: 'blocked' });
    expect(p.scend.orders).toEqual([]);
    expect(resumeOrder(p.ledger.byOrder('500')!, { order: a, items, settings: po, now: NOW }, p, { restarted: false, actor: 'backlog' }).kind).toBe('sent');
    expect(resumeOrder(p.ledger.byOrder('501')!, { order: b, items, settings: po, now: NOW }, p, { restarted: false, actor: 'backlog' }).kind).toBe('blocked');
    expect(p.scend.orders.map((o) => o.OrderNumber)).toEqual(['SO500']);
  });

  it('does not search for holders when the reference cannot repeat (External ID, document number)', () => {
    const p = ports();
    const spy = jest.spyOn(p.references, 'holders');
    pushApprovedOrder({ order: a, items, settings, now: NOW }, p);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('a base URL the API secret may not be sent to', () => {
  it('raises one configuration exception for the admin naming the host, and leaves the order queued (nothing sent)', () => {
    const p = memoryPorts(clock);
    const refused = () => new TransportFailedError({ operation: 'createOrder', method: 'POST', path: '/v1/orders' }, 'secretHost', 'N/https INVALID_SECRET_DOMAIN');
    p.scend.failNext('createOrder', refused());
    const scend = guardSecretHost(p.scend, p.exceptions, { baseUrl: 'https://evil.example.com', secretId: 'custsecret_scend' }, clock);
    const outcome = pushApprovedOrder({ order: order(), items, settings, now: NOW }, { ...p, scend });
    expect(outcome).toMatchObject({ kind: 'deferred', state: 'retrying' });
    expect(p.scend.orders).toEqual([]);
    expect(p.exceptions.open()).toEqual([
      expect.objectContaining({ type: 'configuration', owner: 'admin', dedupeKey: SECRET_HOST_KEY, message: expect.stringMatching(/host evil\.example\.com is not allowed for the API secret custsecret_scend/) }),
    ]);
  });
});

describe('the cutoff does not touch orders Scend already has', () => {
  it('an edit of a sent order dated before a go-live date set later still amends it', async () => {
    const { amendSentOrder } = await import('../../src/ts/core/orders/amend-order');
    const ports = memoryPorts(clock);
    pushApprovedOrder({ order: order({ tranDate: '2025-01-01' }), items, settings, now: NOW }, ports);
    const edited = order({ tranDate: '2025-01-01', lines: [line(1, { quantity: 5 })] });
    const outcome = amendSentOrder(ports.ledger.byOrder('500')!, { order: edited, items, settings: { ...settings, goLiveDate: '2025-01-06' }, now: NOW }, ports);
    expect(outcome).toEqual({ kind: 'amended' });
    expect(ports.scend.orders[0].Lines[0].Quantity).toBe(5);
  });
});

describe('the configuration check tries Scend once', () => {
  it('names a refused secret host, a refused key and an unreachable Scend in words the admin can act on', async () => {
    const { checkConnection } = await import('../../src/ts/core/connection-check');
    const { UnauthorizedError } = await import('../../src/ts/scend/errors');
    const cfg = { baseUrl: 'https://wrong.example.com', secretId: 'custsecret_scend' };
    const ctx = { operation: 'listOrders', method: 'GET' as const, path: '/v1/orders' };
    expect(checkConnection(() => undefined, cfg)).toEqual({ ok: true, message: expect.stringMatching(/wrong\.example\.com answered/) });
    const fail = (e: Error) => checkConnection(() => { throw e; }, cfg);
    expect(fail(new TransportFailedError(ctx, 'secretHost', 'N/https INVALID_SECRET_DOMAIN'))).toEqual({ ok: false, message: expect.stringMatching(/not allowed for the API secret.*custsecret_scend must list wrong\.example\.com/) });
    expect(fail(new UnauthorizedError(ctx, 401, 'bad key', []))).toEqual({ ok: false, message: expect.stringMatching(/refused the API key in custsecret_scend/) });
    expect(fail(new TransportFailedError(ctx, 'connect', 'N/https SSS_UNKNOWN_HOST'))).toEqual({ ok: false, message: expect.stringMatching(/could not be reached/) });
    expect(fail(new TypeError('x'))).toEqual({ ok: false, untested: true, message: expect.stringMatching(/could not be tested \(TypeError\)/) });
  });
});
