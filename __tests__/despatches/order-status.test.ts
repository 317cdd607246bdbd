/** The pure order status sync: events collapsed per order, changes planned against the ledger, exceptions. */
import { collapseEvents, planStatusChanges, type LedgerStatusRow } from '../../src/ts/core/order-status/collapse';
import { applyStatusChange, recheckLostOrder } from '../../src/ts/core/order-status/sync-status';
import type { ExceptionDraft } from '../../src/ts/core/exceptions/exception';
import type { OrderEvent, OrderStatus } from '../../src/ts/scend/contract';

const ev = (Seq: number, OrderId: string, Status: OrderStatus): OrderEvent => ({ Seq, OrderId, ClientReference: `REF-${OrderId}`, Status, At: new Date(Date.UTC(2025, 0, 1, 0, Seq)).toISOString() });
const row = (scendId: string, status = '', seq = 0, state: LedgerStatusRow['state'] = 'sent'): LedgerStatusRow => ({ ledgerId: `L-${scendId}`, salesOrderId: `SO-${scendId}`, scendId, state, status, seq });

describe('collapsing order events', () => {
  it('keeps the latest status per order by Seq, counting the events, whatever order they arrive in (late events)', () => {
    const latest = collapseEvents([ev(1, 'A', 'RELEASED'), ev(3, 'A', 'PACKING'), ev(2, 'A', 'PICKING'), ev(4, 'B', 'ON_HOLD'), ev(4, 'B', 'ON_HOLD')]);
    expect(latest.map((l) => [l.orderId, l.status, l.seq, l.events])).toEqual([['A', 'PACKING', 3, 3], ['B', 'ON_HOLD', 4, 2]]);
  });

  it('plans one change per order whose stored status is older and different; unknown orders are counted, not written', () => {
    const latest = collapseEvents([ev(5, 'A', 'PACKED'), ev(6, 'B', 'RELEASED'), ev(7, 'C', 'PICKING'), ev(8, 'X', 'RELEASED')]);
    const { changes, unknownOrders } = planStatusChanges(latest, [row('A', 'PICKING', 3), row('B', 'RELEASED', 2), row('C', 'PACKED', 9)]);
    expect(changes.map((c) => [c.orderId, c.from, c.to])).toEqual([['A', 'PICKING', 'PACKED']]);
    expect(unknownOrders).toEqual(['X']);
  });
});

describe('applying a status change', () => {
  function fakes() {
    const writes: Array<[string, string, number | undefined]> = [];
    const raised: ExceptionDraft[] = [];
    const resolved: string[] = [];
    return {
      writes, raised, resolved,
      ports: {
        ledger: { setStatus: (id: string, s: string, seq: number | undefined) => writes.push([id, s, seq]) },
        exceptions: { raise: (d: ExceptionDraft) => raised.push(d), resolve: (k: string) => { resolved.push(k); return 1; } },
      },
    };
  }
  const now = new Date();
  const change = (from: string, to: OrderStatus, state: LedgerStatusRow['state'] = 'sent') => planStatusChanges(collapseEvents([ev(9, 'A', to)]), [row('A', from, 1, state)]).changes[0];

  it('writes the ledger once; a plain move raises nothing', () => {
    const f = fakes();
    applyStatusChange(change('RELEASED', 'PICKING'), f.ports, now);
    expect(f.writes).toEqual([['L-A', 'PICKING', 9]]);
    expect(f.raised).toEqual([]);
  });

  it('ON_HOLD opens an exception for customer service; leaving it resolves that exception', () => {
    const f = fakes();
    applyStatusChange(change('RELEASED', 'ON_HOLD'), f.ports, now);
    expect(f.raised.map((d) => [d.type, d.owner, d.dedupeKey])).toEqual([['scendOnHold', 'customerService', 'scendOnHold:order:SO-A']]);
    applyStatusChange(change('ON_HOLD', 'RELEASED'), f.ports, now);
    expect(f.resolved).toEqual(['scendOnHold:order:SO-A']);
  });

  it('CANCELLED by Scend is an exception; CANCELLED after NetSuite asked for it is not', () => {
    const f = fakes();
    applyStatusChange(change('PICKING', 'CANCELLED'), f.ports, now);
    applyStatusChange(change('PICKING', 'CANCELLED', 'cancelled'), f.ports, now);
    expect(f.raised.map((d) => d.type)).toEqual(['scendCancelled']);
  });

  it('a lost order is marked and surfaced; a found one just gets its status', () => {
    const f = fakes();
    const lost = { ledgerId: 'L1', salesOrderId: 'SO1', scendId: 'ORD-9', clientReference: 'R' };
    expect(recheckLostOrder(lost, { found: false, why: 'NOT_FOUND' }, f.ports, now)).toBe('lost');
    expect(recheckLostOrder(lost, { found: true, status: 'PACKED' }, f.ports, now)).toBe('found');
    expect(f.writes).toEqual([['L1', 'NOT_FOUND', undefined], ['L1', 'PACKED', undefined]]);
    expect(f.raised.map((d) => [d.type, d.owner])).toEqual([['lostOrder', 'customerService']]);
  });
});
