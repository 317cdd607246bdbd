/**
 * Before any POST after an earlier attempt, Scend is asked which orders hold the ClientReference —
 * and only one live order that is this sales order is adopted.
 */
import { workBacklogItem, planBacklog } from '../../src/ts/core/orders/backlog';
import { pushApprovedOrder, resumeOrder } from '../../src/ts/core/orders/push-order';
import { matchScendOrders } from '../../src/ts/core/orders/scend-match';
import { DuplicateOrderError, TransportFailedError } from '../../src/ts/scend/errors';
import type { Order } from '../../src/ts/scend/contract';
import { memoryPorts } from './fakes';
import { items, NOW, order, settings } from './fixtures';

const post = { operation: 'createOrder', method: 'POST' as const, path: '/orders' };
const later = new Date(NOW.getTime() + 30 * 60_000);
const scendOrder = (o: Partial<Order>): Order => ({
  OrderId: 'X', ClientReference: 'SHOP-1001', OrderNumber: 'SO1001', Status: 'RECEIVED', StatusChangedAt: NOW.toISOString(),
  ShipTo: { Name: 'A', Line1: '1', Town: 'T', PostCode: 'P', CountryCode: 'GB' }, Lines: [{ LineRef: '1', Sku: 'MUG-RED', Quantity: 2 }], Despatches: [], ...o,
});

/** An order whose first POST timed out without reaching Scend (entry `sending`, one attempt). */
function afterLostPost() {
  const ports = memoryPorts(() => NOW);
  ports.scend.failNext('createOrder', new TransportFailedError(post, 'timeout', 'no answer'));
  pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
  const backlog = () => planBacklog(Array.from(ports.ledger.entries.values()), [], settings, later)
    .map((w) => workBacklogItem(w, settings, later, ports, { readOrder: () => order(), readItems: () => items }, false));
  return { ports, backlog };
}

describe('matching Scend orders to a sales order', () => {
  const so = order();
  it('ignores cancelled orders', () => {
    expect(matchScendOrders([scendOrder({ Status: 'CANCELLED' })], so)).toEqual({ kind: 'none' });
  });
  it('adopts the one live order with the same OrderNumber and known lines', () => {
    expect(matchScendOrders([scendOrder({ Status: 'CANCELLED', OrderId: 'A' }), scendOrder({ OrderId: 'B' })], so)).toMatchObject({ kind: 'one', order: { OrderId: 'B' } });
  });
  it('recognises a kit line sent as its members (LineRef <line>.<member>)', () => {
    const withKit = order({ lines: [{ line: '4', itemId: '30', itemType: 'Kit', quantity: 1, isClosed: false }] });
    expect(matchScendOrders([scendOrder({ Lines: [{ LineRef: '4.10', Sku: 'MUG-RED', Quantity: 1 }, { LineRef: '4.11', Sku: 'MUG-BLUE', Quantity: 2 }] })], withKit).kind).toBe('one');
  });
  it('calls two live matches a duplicate-shipment risk', () => {
    expect(matchScendOrders([scendOrder({ OrderId: 'A' }), scendOrder({ OrderId: 'B' })], so)).toMatchObject({ kind: 'many' });
  });
  it('calls live orders with another OrderNumber or lines the order never had someone else\'s', () => {
    expect(matchScendOrders([scendOrder({ OrderNumber: 'SO9999' })], so).kind).toBe('foreign');
    expect(matchScendOrders([scendOrder({ Lines: [{ LineRef: '7', Sku: 'MUG-RED', Quantity: 1 }] })], so).kind).toBe('foreign');
  });
});

describe('the lookup before a resend', () => {
  it('sends again when Scend only has a cancelled order with the reference', () => {
    const { ports, backlog } = afterLostPost();
    ports.scend.orders.push(scendOrder({ OrderId: 'OLD', Status: 'CANCELLED' }));
    expect(backlog()).toEqual([{ kind: 'sent', scendId: 'SO-2', adopted: false }]);
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference', 'createOrder']);
  });

  it('adopts nothing and raises one duplicate-shipment exception for operations when two live orders match', () => {
    const { ports, backlog } = afterLostPost();
    ports.scend.orders.push(scendOrder({ OrderId: 'A' }), scendOrder({ OrderId: 'B' }));
    expect(backlog()).toEqual([{ kind: 'blocked', exceptions: ['duplicateRisk'] }]);
    expect(ports.ledger.byOrder('500')).toMatchObject({ state: 'blocked' });
    expect(ports.ledger.byOrder('500')?.scendId).toBeUndefined();
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ type: 'duplicateRisk', owner: 'operations' })]);
    expect(ports.exceptions.open()[0].message).toMatch(/A, B.*may be shipped twice.*Cancel the extra/s);
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference']); // the first (lost) POST only
  });

  it('does not adopt or send over another order holding the reference; customer service checks the PO', () => {
    const { ports, backlog } = afterLostPost();
    ports.scend.orders.push(scendOrder({ OrderId: 'THEIRS', OrderNumber: 'SO7777' }));
    expect(backlog()).toEqual([{ kind: 'blocked', exceptions: ['duplicateRisk'] }]);
    expect(ports.exceptions.open()[0]).toMatchObject({ owner: 'customerService' });
    expect(ports.scend.orders).toHaveLength(1);
  });

  it('looks Scend up after an admin resets a Failed entry to Waiting to retry, and adopts what arrived', () => {
    const ports = memoryPorts(() => NOW);
    // The last attempt committed in Scend but the answer was lost; the admin later resets the row.
    ports.scend.failNext('createOrder', new TransportFailedError(post, 'timeout', 'no answer'), true);
    pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports);
    const entry = ports.ledger.byOrder('500')!;
    ports.ledger.update(entry.id, { state: 'retrying', nextAttemptAt: null });
    const outcome = resumeOrder(ports.ledger.byOrder('500')!, { order: order(), items, settings, now: later }, ports, { restarted: false, actor: 'backlog' });
    expect(outcome).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: true });
    expect(ports.scend.orders).toHaveLength(1);
  });

  it('a second actor that read the entry before another claimed it stops instead of posting', () => {
    const { ports } = afterLostPost();
    const seen = ports.ledger.find('order:500')!;
    // Another actor claims first (same state and attempts read): the ledger moves to attempt 2.
    expect(ports.ledger.claim(seen, { attempts: 2, claimedBy: 'user-event' })).toBe(true);
    const outcome = resumeOrder(seen, { order: order(), items, settings, now: later }, ports, { restarted: false, actor: 'backlog' });
    expect(outcome).toEqual({ kind: 'in-flight' });
    expect(ports.scend.calls).toEqual(['createOrder', 'findOrdersByClientReference']);
  });

  it('adopts the OrderId a DUPLICATE_ORDER answer names when it is this order, instead of blocking forever', () => {
    const ports = memoryPorts(() => NOW);
    ports.scend.failNext('createOrder', new DuplicateOrderError(post, 409, 'duplicate', [{ OrderId: 'SO-1' }], { OrderId: 'SO-1' }), true);
    expect(pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports)).toEqual({ kind: 'sent', scendId: 'SO-1', adopted: true });
    expect(ports.ledger.byOrder('500')).toMatchObject({ state: 'sent', scendId: 'SO-1' });
  });

  it('holds the order when DUPLICATE_ORDER names another order (a reused reference)', () => {
    const ports = memoryPorts(() => NOW);
    ports.scend.orders.push(scendOrder({ OrderId: 'THEIRS', OrderNumber: 'SO7777' }));
    ports.scend.failNext('createOrder', new DuplicateOrderError(post, 409, 'duplicate', [{ OrderId: 'THEIRS' }], { OrderId: 'THEIRS' }));
    expect(pushApprovedOrder({ order: order(), items, settings, now: NOW }, ports)).toEqual({ kind: 'blocked', exceptions: ['duplicateRisk'] });
    expect(ports.exceptions.open()[0]).toMatchObject({ owner: 'customerService' });
  });
});
