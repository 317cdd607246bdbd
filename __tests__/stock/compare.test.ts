/** The stock sync's pure decision: timing differences vs variances, tolerance, numbered items. */
import { compareStock, type CompareInput } from '../../src/ts/core/stock/compare';
import { despatchMoves, movementMoves, notYetImported, receiptMoves, returnMoves, type PendingMove } from '../../src/ts/core/stock/in-flight';
import { comparisonCsv } from '../../src/ts/core/stock/report';

const AS_OF = '2026-01-05T10:00:00.000Z';
const before = '2026-01-05T09:30:00.000Z';
const after = '2026-01-05T10:05:00.000Z';

function input(over: Partial<CompareInput> = {}): CompareInput {
  return {
    scend: [],
    items: [
      { itemId: '1', sku: 'A', numbered: null },
      { itemId: '2', sku: 'B', numbered: null },
      { itemId: '3', sku: 'L', numbered: 'lot' },
    ],
    onHand: [],
    locations: { '10': 'UK1' },
    pending: [],
    asOf: AS_OF,
    tolerance: 2,
    incompleteFeeds: [],
    ...over,
  };
}
const scend = (sku: string, externalId: string, onHand: number, warehouse = 'UK1') => ({ sku, externalId, warehouse, onHand });
const ns = (itemId: string, onHand: number, locationId = '10') => ({ itemId, locationId, onHand });
const move = (sku: string, quantity: number, at = before, warehouse?: string): PendingMove => ({ feed: warehouse ? 'stock-movements' : 'despatches', id: `X-${sku}-${quantity}`, sku, quantity, at, ...(warehouse ? { warehouse } : {}) });
const statusOf = (plan: ReturnType<typeof compareStock>, sku: string) => plan.rows.find((r) => r.sku === sku)?.status;

describe('compareStock', () => {
  test('equal figures match; a difference within tolerance is an adjustment line of Scend minus NetSuite', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 10), scend('B', '2', 7)], onHand: [ns('1', 10), ns('2', 9)] }));
    expect(plan.rows.map((r) => [r.sku, r.status, r.difference])).toEqual([['A', 'match', 0], ['B', 'adjust', -2]]);
    expect(plan.adjustments).toEqual({ '10': [{ itemId: '2', sku: 'B', quantity: -2 }] });
    expect(plan.drift['10']).toEqual([]);
  });

  test('beyond tolerance is drift for finance, not an adjustment', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 10)], onHand: [ns('1', 13)] }));
    expect(statusOf(plan, 'A')).toBe('drift');
    expect(plan.adjustments).toEqual({});
    expect(plan.drift['10'].map((r) => r.difference)).toEqual([-3]);
  });

  test('tolerance 0 sends every difference to finance', () => {
    expect(statusOf(compareStock(input({ tolerance: 0, scend: [scend('A', '1', 10)], onHand: [ns('1', 11)] })), 'A')).toBe('drift');
  });

  test('a despatch Scend booked before the snapshot that NetSuite has not imported is a timing difference', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 7)], onHand: [ns('1', 10)], pending: [move('A', -3)] }));
    expect(plan.rows[0]).toMatchObject({ status: 'timing', pending: -3, difference: -3 });
    expect(plan.adjustments).toEqual({});
  });

  test('a difference the in-flight work does not explain waits (inFlight) rather than adjusting around it', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 6)], onHand: [ns('1', 10)], pending: [move('A', -3)] }));
    expect(statusOf(plan, 'A')).toBe('inFlight');
    expect(plan.adjustments).toEqual({});
    expect(plan.drift['10']).toEqual([]);
  });

  test('work booked after the snapshot explains nothing but still makes the SKU wait', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 10)], onHand: [ns('1', 9)], pending: [move('A', -1, after)] }));
    expect(plan.rows[0]).toMatchObject({ status: 'inFlight', pending: 0 });
  });

  test('a movement explains the difference at its own warehouse only', () => {
    const plan = compareStock(input({
      locations: { '10': 'UK1', '11': 'UK2' },
      scend: [scend('A', '1', 8, 'UK1'), scend('A', '1', 5, 'UK2')],
      onHand: [ns('1', 10, '10'), ns('1', 6, '11')],
      pending: [move('A', -2, before, 'UK1'), move('A', -1, before, 'UK2')],
    }));
    expect(plan.rows.map((r) => [r.locationId, r.status, r.pending])).toEqual([['10', 'timing', -2], ['11', 'timing', -1]]);
  });

  test('a despatch (no warehouse) explains the SKU\'s differences summed over its locations', () => {
    const plan = compareStock(input({
      locations: { '10': 'UK1', '11': 'UK2' },
      scend: [scend('A', '1', 8, 'UK1'), scend('A', '1', 5, 'UK2')],
      onHand: [ns('1', 10, '10'), ns('1', 5, '11')],
      pending: [move('A', -2)],
    }));
    expect(plan.rows.map((r) => r.status)).toEqual(['timing', 'match']);
  });

  test('when a feed could not be read to its end, no difference is adjusted', () => {
    const plan = compareStock(input({ scend: [scend('A', '1', 9)], onHand: [ns('1', 10)], incompleteFeeds: ['despatches'] }));
    expect(statusOf(plan, 'A')).toBe('inFlight');
    expect(plan.adjustments).toEqual({});
  });

  test('lot/serial items are never adjusted by the sync (Scend names no lot): finance sees them', () => {
    const plan = compareStock(input({ scend: [scend('L', '3', 4)], onHand: [ns('3', 5)] }));
    expect(statusOf(plan, 'L')).toBe('numbered');
    expect(plan.drift['10']).toHaveLength(1);
    expect(plan.adjustments).toEqual({});
  });

  test('NetSuite stock Scend does not list counts as Scend 0; unmapped warehouses and unknown SKUs are not adjusted', () => {
    const plan = compareStock(input({ scend: [scend('Z', '99', 4), scend('A', '1', 3, 'UK9')], onHand: [ns('2', 1), ns('1', 5, '77')] }));
    expect(plan.rows.map((r) => [r.sku, r.status, r.scend, r.netsuite])).toEqual([['B', 'adjust', 0, 1], ['Z', 'unknownItem', 4, 0]]);
    expect(plan.adjustments['10']).toEqual([{ itemId: '2', sku: 'B', quantity: -1 }]);
  });

  test('Scend rows match NetSuite items by ExternalId first (a renamed SKU still compares), then by SKU', () => {
    const plan = compareStock(input({ scend: [scend('A-OLD', '1', 5), scend('B', '', 2)], onHand: [ns('1', 5), ns('2', 2)] }));
    expect(plan.rows.map((r) => [r.sku, r.itemId, r.status])).toEqual([['A', '1', 'match'], ['B', '2', 'match']]);
  });
});

describe('in-flight feeds', () => {
  test('despatches leave on hand, receipts add received less damaged, restocked returns add, RETURN_RESTOCK movements count nothing', () => {
    expect(despatchMoves({ DespatchId: 'D1', OrderId: 'O', ClientReference: 'C', DespatchedAt: before, Carrier: 'x', Service: 'y', Parcels: [{ TrackingNumber: 't', Lines: [{ LineRef: '1', Sku: 'A', Quantity: 2, Serials: [] }] }] }).map((m) => m.quantity)).toEqual([-2]);
    expect(receiptMoves({ ReceiptId: 'R', AsnId: 'a', ClientReference: 'c', ReceivedAt: before, Lines: [{ LineRef: '1', Sku: 'A', QuantityReceived: 10, QuantityDamaged: 3 }] }).map((m) => m.quantity)).toEqual([7]);
    expect(returnMoves({ ReturnId: 'T', OrderId: 'O', ClientReference: 'c', ReceivedAt: before, Lines: [{ Sku: 'A', Quantity: 1, Condition: 'RESTOCK' }, { Sku: 'A', Quantity: 4, Condition: 'DAMAGED' }] }).map((m) => m.quantity)).toEqual([1]);
    expect(movementMoves({ MovementId: 'M', Sku: 'A', Warehouse: 'UK1', Quantity: 2, Reason: 'RETURN_RESTOCK', OccurredAt: before })).toEqual([]);
    expect(movementMoves({ MovementId: 'M', Sku: 'A', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED', OccurredAt: before })[0]).toMatchObject({ warehouse: 'UK1', quantity: -2 });
  });

  test('items at or before the position\'s lastItemAt count as imported (a redelivered overlap is not in flight)', () => {
    const moves = [move('A', -1, '2026-01-05T09:00:00.000Z'), move('A', -2, '2026-01-05T09:10:00.000Z')];
    expect(notYetImported(moves, new Date('2026-01-05T09:00:00.000Z')).map((m) => m.quantity)).toEqual([-2]);
    expect(notYetImported(moves, undefined)).toHaveLength(2);
  });
});

test('the comparison CSV quotes what needs quoting', () => {
  const csv = comparisonCsv([{ sku: 'A,"1"', itemId: '1', locationId: '10', warehouse: 'UK1', scend: 1, netsuite: 2, pending: 0, difference: -1, status: 'adjust' }]);
  expect(csv.split('\n')[1]).toBe('"A,""1""",1,10,UK1,1,2,0,-1,adjust');
});
