/** Drift decisions: a sent order's NetSuite state against its live Scend status, item and stock drift, auto-resolve. */
import { decideItemDrift } from '../../src/ts/core/drift/item-drift';
import { decideNeverSent, decideOrderDrift, type OpenSentOrder } from '../../src/ts/core/drift/order-drift';
import { driftKeysToResolve, subjectOfKey } from '../../src/ts/core/drift/resolve';
import { decideStockDrift } from '../../src/ts/core/drift/stock-drift';
import type { ItemSnapshot } from '../../src/ts/core/items/item';
import type { OrderStatus } from '../../src/ts/scend/contract';

const now = new Date('2026-12-01T12:00:00Z');
const minsAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const order = (nsStatus = 'B'): OpenSentOrder => ({ ledgerId: 'L1', transactionId: '42', orderNumber: 'SO42', clientReference: 'REF42', scendId: 'ORD-1', nsStatus });
const scend = (Status: OrderStatus, minutes: number) => ({ found: true as const, order: { OrderId: 'ORD-1', Status, StatusChangedAt: minsAgo(minutes) } });
const kindOf = (d: ReturnType<typeof decideOrderDrift>) => (d.kind === 'drift' ? d.finding.kind : d.kind);

describe('order drift', () => {
  it('despatched in Scend without a fulfilment is drift only after the grace', () => {
    expect(kindOf(decideOrderDrift(order('B'), scend('DESPATCHED', 30), now))).toBe('aligned');
    expect(kindOf(decideOrderDrift(order('B'), scend('DESPATCHED', 61), now))).toBe('despatchedNotFulfilled');
    expect(kindOf(decideOrderDrift(order('E'), scend('DESPATCHED', 61), now))).toBe('despatchedNotFulfilled'); // partly fulfilled
  });

  it('cancelled on one side only, either side; both cancelled repairs the ledger', () => {
    expect(kindOf(decideOrderDrift(order('B'), scend('CANCELLED', 1), now))).toBe('cancelledInScendOnly');
    expect(kindOf(decideOrderDrift(order('C'), scend('RELEASED', 1), now))).toBe('cancelledInNetSuiteOnly');
    expect(kindOf(decideOrderDrift(order('H'), scend('DESPATCHED', 1), now))).toBe('cancelledInNetSuiteOnly');
    expect(kindOf(decideOrderDrift(order('C'), scend('CANCELLED', 1), now))).toBe('bothCancelled');
  });

  it('unknown to Scend matters only while the order is open in NetSuite', () => {
    expect(kindOf(decideOrderDrift(order('B'), { found: false }, now))).toBe('unknownToScend');
    expect(kindOf(decideOrderDrift(order('C'), { found: false }, now))).toBe('aligned');
  });

  it('stuck past the status SLA, and not before', () => {
    expect(kindOf(decideOrderDrift(order('B'), scend('RECEIVED', 24 * 60 - 1), now))).toBe('aligned');
    expect(kindOf(decideOrderDrift(order('B'), scend('RECEIVED', 24 * 60 + 1), now))).toBe('stuckInStatus');
    expect(kindOf(decideOrderDrift(order('B'), scend('PICKING', 9 * 60), now))).toBe('stuckInStatus');
    expect(kindOf(decideOrderDrift(order('B'), scend('PICKING', 9 * 60), now, { despatchGraceMinutes: 60, sla: {} }))).toBe('aligned');
  });

  it('approved and never queued is drift after the grace', () => {
    const unsent = { transactionId: '7', orderNumber: 'SO7', lastModified: new Date(now.getTime() - 59 * 60_000) };
    expect(decideNeverSent(unsent, now, 60)).toBeNull();
    expect(decideNeverSent({ ...unsent, lastModified: new Date(now.getTime() - 61 * 60_000) }, now, 60)?.kind).toBe('neverSent');
  });
});

describe('item and stock drift', () => {
  const item: ItemSnapshot = {
    id: '5', type: 'InvtPart', recordType: 'inventoryitem', itemId: 'CUP', displayName: 'Cup', upcCode: null, weight: 0.4, weightUnit: 'kg',
    lengthCm: null, widthCm: null, heightCm: null, lotTracked: false, serialTracked: false, inactive: false, scendSku: 'MUG', skuAligned: false,
  };
  const product = { ExternalId: '5', Sku: 'MUG', Name: 'Cup', WeightKg: 0.4, LotTracked: false, SerialTracked: false, Discontinued: false, Physical: true };

  it('reuses the catalogue comparison: a pending rename and a missing product are drift; a match is not', () => {
    expect(decideItemDrift(item, product)?.message).toContain('Scend still has it as SKU MUG');
    expect(decideItemDrift(item, null)?.message).toContain('Scend has no product');
    expect(decideItemDrift(item, { ...product, Sku: 'CUP' })).toBeNull();
  });

  it('stock: only true variances (not timing differences) of the newest comparison; none while no stock run exists', () => {
    expect(decideStockDrift(null)).toEqual([]);
    const found = decideStockDrift({
      runId: 'R1',
      at: now,
      lines: [
        { itemId: '1', sku: 'A', netsuiteQuantity: 5, scendQuantity: 3, timing: false },
        { itemId: '2', sku: 'B', netsuiteQuantity: 5, scendQuantity: 4, timing: true },
        { itemId: '3', sku: 'C', netsuiteQuantity: 2, scendQuantity: 2, timing: false },
      ],
    });
    expect(found.map((f) => f.subjectId)).toEqual(['1']);
  });
});

describe('auto-resolve', () => {
  it('resolves what was not raised again, except subjects whose check failed', () => {
    const open = ['driftStuck:order:1', 'driftStuck:order:2', 'driftItem:item:9', 'driftStock:item:9'];
    expect(driftKeysToResolve(open, new Set(['driftStuck:order:1']), new Set(['item:9']), subjectOfKey)).toEqual(['driftStuck:order:2']);
  });
});
