import { onOrderClosed, onOrderClosing, onOrderSaved } from '../../src/ts/core/orders/order-events';
import { IN_FLIGHT_MESSAGE } from '../../src/ts/core/orders/cancel-order';
import { PACKING_MESSAGE } from '../../src/ts/core/orders/cancellation';
import { pushApprovedOrder } from '../../src/ts/core/orders/push-order';
import { ServerError, TransportFailedError } from '../../src/ts/scend/errors';
import { memoryPorts } from './fakes';
import { items, NOW, order, settings } from './fixtures';

const cfg = { ...settings, unreachablePolicy: 'refuse' as const };

function sentWorld() {
  const ports = memoryPorts(() => NOW);
  pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
  return ports;
}
/** The user event: the check before the save, then (if NetSuite went ahead) the cancel in Scend after it. */
const cancel = (ports: ReturnType<typeof sentWorld>, policy: 'refuse' | 'allowAndFlag' = 'refuse') => {
  const decision = onOrderClosing({ kind: 'cancel', oldOrder: order(), items: () => items }, '500', 'SO1001', { ...cfg, unreachablePolicy: policy }, NOW, ports);
  if (decision.kind === 'proceed' || decision.kind === 'proceed-and-flag') onOrderClosed(order(), NOW, ports);
  return decision;
};

describe('cancelling or closing an order Scend has', () => {
  it('cancels it in Scend before packing and lets NetSuite proceed', () => {
    const ports = sentWorld();
    expect(cancel(ports)).toEqual({ kind: 'proceed' });
    expect(ports.scend.orders[0].Status).toBe('CANCELLED');
    expect(ports.ledger.byOrder('500')?.state).toBe('cancelled');
  });

  it('refuses once packing has started, in words customer service understands, and records a conflict', () => {
    const ports = sentWorld();
    ports.scend.setStatus('SO-1', 'PACKING');
    const decision = cancel(ports);
    expect(decision).toEqual({ kind: 'refuse', message: PACKING_MESSAGE, conflict: true });
    expect(PACKING_MESSAGE).toMatch(/already packing.*Do not refund.*raise a return/s);
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ type: 'cancelConflict', owner: 'customerService', scendReference: 'SO-1' })]);
    expect(ports.scend.orders[0].Status).toBe('PACKING');
  });

  it('refuses when Scend cannot be asked, unless configured to allow and flag', () => {
    const getOrder = { operation: 'getOrder', method: 'GET' as const, path: '/orders/SO-1' };
    const refused = sentWorld();
    refused.scend.failNext('getOrder', new ServerError(getOrder, 503, 'UNAVAILABLE', ''));
    expect(cancel(refused)).toMatchObject({ kind: 'refuse', conflict: false });
    expect(refused.ledger.byOrder('500')?.state).toBe('sent');

    // Allowed: NetSuite cancels; Scend still down after the save → kept open for the backlog, customer service told.
    const flagged = sentWorld();
    flagged.scend.failNext('getOrder', new ServerError(getOrder, 503, 'UNAVAILABLE', ''));
    flagged.scend.failNext('getOrder', new ServerError(getOrder, 503, 'UNAVAILABLE', ''));
    expect(cancel(flagged, 'allowAndFlag').kind).toBe('proceed-and-flag');
    expect(flagged.exceptions.open().map((e) => e.type)).toEqual(['cancelConflict']);
    expect(flagged.ledger.byOrder('500')?.state).toBe('retrying');
    expect(flagged.scend.orders[0].Status).toBe('RECEIVED');
  });

  it('stops nothing in Scend before NetSuite commits: the check alone changes neither side', () => {
    const ports = sentWorld();
    const decision = onOrderClosing({ kind: 'cancel', oldOrder: order(), items: () => items }, '500', 'SO1001', cfg, NOW, ports);
    expect(decision).toEqual({ kind: 'proceed' });
    expect(ports.scend.orders[0].Status).toBe('RECEIVED');
    expect(ports.ledger.byOrder('500')?.state).toBe('sent');
  });

  it('when Scend started packing between the check and the commit, customer service hears it will ship', () => {
    const ports = sentWorld();
    expect(onOrderClosing({ kind: 'cancel', oldOrder: order(), items: () => items }, '500', 'SO1001', cfg, NOW, ports)).toEqual({ kind: 'proceed' });
    ports.scend.setStatus('SO-1', 'PACKING');
    expect(onOrderClosed(order(), NOW, ports)).toEqual({ kind: 'too-late', status: 'PACKING' });
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ type: 'cancelConflict', owner: 'customerService' })]);
    expect(ports.exceptions.open()[0].message).toMatch(/will ship.*stop the parcel/s);
  });

  it('refuses a cancel while the order is being sent (a POST in flight), changing nothing', () => {
    const ports = memoryPorts(() => NOW);
    ports.ledger.create({ key: 'order:500', transactionId: '500', clientReference: 'SHOP-1001', state: 'sending', attempts: 1, nextAttemptAt: new Date(NOW.getTime() + 600_000) });
    expect(cancel(ports)).toEqual({ kind: 'refuse', message: IN_FLIGHT_MESSAGE, conflict: false });
    expect(ports.scend.calls).toEqual([]);
  });

  it('looks an order with an unknown send outcome up before letting NetSuite cancel it', () => {
    const ports = memoryPorts(() => NOW);
    ports.scend.failNext('createOrder', new ServerError({ operation: 'createOrder', method: 'POST', path: '/orders' }, 503, 'UNAVAILABLE', ''));
    ports.scend.failNext('findOrdersByClientReference', new ServerError({ operation: 'x', method: 'GET', path: '/orders' }, 503, 'UNAVAILABLE', ''));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    // Outcome unknown (the POST failed ambiguously): the cancel looks the reference up; Scend down → refused.
    expect(cancel(ports).kind).toBe('refuse');
    // Scend back: the lookup shows it never arrived, so NetSuite may cancel.
    expect(cancel(ports)).toEqual({ kind: 'proceed' });
    expect(ports.scend.orders).toHaveLength(0);
  });

  it('cancels a queued order whose only attempt was refused at connect after one lookup, so the backlog never sends it', () => {
    const ports = memoryPorts(() => NOW);
    ports.scend.failNext('createOrder', new TransportFailedError({ operation: 'createOrder', method: 'POST', path: '/orders' }, 'connect', 'refused'));
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    expect(ports.ledger.byOrder('500')?.state).toBe('retrying');
    expect(cancel(ports)).toEqual({ kind: 'proceed' });
    expect(ports.ledger.byOrder('500')?.state).toBe('cancelled');
    // An earlier attempt existed, so Scend is asked once (the ledger cannot prove it never arrived).
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference', 'findOrdersByClientReference']);
  });

  it('closing only some warehouse lines amends Scend while it allows, and refuses after', () => {
    const twoLines = order({ lines: [
      { line: '1', itemId: '10', itemType: 'InvtPart', quantity: 2, isClosed: false },
      { line: '3', itemId: '11', itemType: 'InvtPart', quantity: 1, isClosed: false },
    ] });
    const closedOne = { ...twoLines, lines: twoLines.lines.map((l) => (l.line === '3' ? { ...l, isClosed: true } : l)) };
    const ports = memoryPorts(() => NOW);
    pushApprovedOrder({ order: twoLines, items, settings, now: NOW }, ports);
    const ev = { kind: 'edit' as const, oldOrder: twoLines, newOrder: closedOne, items: () => items };
    expect(onOrderClosing(ev, '500', 'SO1001', cfg, NOW, ports)).toEqual({ kind: 'amended' });
    expect(ports.scend.orders[0].Lines.map((l) => l.LineRef)).toEqual(['1']);

    const late = memoryPorts(() => NOW);
    pushApprovedOrder({ order: twoLines, items, settings, now: NOW }, late);
    late.scend.setStatus('SO-1', 'PICKING');
    expect(onOrderClosing(ev, '500', 'SO1001', cfg, NOW, late)).toMatchObject({ kind: 'refuse', conflict: true });
  });
});

describe('edits after sending', () => {
  const edited = order({ lines: [{ line: '1', itemId: '10', itemType: 'InvtPart', quantity: 5, isClosed: false }] });
  const save = (ports: ReturnType<typeof sentWorld>, o = edited) => onOrderSaved({ kind: 'edit', oldStatus: 'B', order: () => o, items: () => items }, settings, NOW, ports);

  it('costs no Scend call when nothing the warehouse sees changed', () => {
    const ports = sentWorld();
    expect(save(ports, order({ memo: 'gift note' }))).toEqual({ kind: 'unchanged' });
    expect(ports.scend.calls).toEqual(['createOrder']);
  });

  it('amends Scend while the order is still RECEIVED', () => {
    const ports = sentWorld();
    expect(save(ports)).toEqual({ kind: 'amended' });
    expect(ports.scend.orders[0].Lines[0].Quantity).toBe(5);
    expect(save(ports)).toEqual({ kind: 'unchanged' });
  });

  it('raises an operations exception saying what differs once Scend no longer allows amendments', () => {
    const ports = sentWorld();
    ports.scend.setStatus('SO-1', 'RELEASED');
    const outcome = save(ports);
    expect(outcome).toEqual({ kind: 'conflict', differences: ['line 1: NetSuite MUG-RED x 5, Scend MUG-RED x 2'] });
    expect(ports.exceptions.open()[0]).toMatchObject({ type: 'amendConflict', owner: 'operations' });
    expect(ports.exceptions.open()[0].message).toContain('MUG-RED x 5');
  });

  it('sends a held order as soon as the edit that fixes its address is saved', () => {
    const ports = memoryPorts(() => NOW);
    pushApprovedOrder({ order: order({ shipTo: { addressee: 'Ada' } }), items, settings, now: NOW }, ports);
    expect(ports.exceptions.open().map((e) => e.type)).toEqual(['missingAddress']);
    expect(save(ports, order())).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: false });
    expect(ports.exceptions.open()).toEqual([]);
  });
});
