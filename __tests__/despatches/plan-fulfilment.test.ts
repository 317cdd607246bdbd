/**
 * The pure despatch → fulfilment planning and the import use case (fakes for NetSuite).
 * NetSuite Help "Item Fulfillment" (quantity at most what remains; kit lines fulfil their members).
 */
import type { DespatchOrder, DespatchWork } from '../../src/ts/core/despatches/despatch-order';
import { importDespatch, type FulfilmentPort, type RecordResult } from '../../src/ts/core/despatches/import-despatch';
import { despatchedLines, planFulfilment, shipMethodFor, type PlanResult } from '../../src/ts/core/despatches/plan-fulfilment';
import type { ExceptionDraft } from '../../src/ts/core/exceptions/exception';
import type { Despatch, DespatchLine } from '../../src/ts/scend/contract';

const line = (LineRef: string, Sku: string, Quantity: number, extra: Partial<DespatchLine> = {}): DespatchLine => ({ LineRef, Sku, Quantity, Serials: [], ...extra });
const despatch = (parcels: DespatchLine[][], id = 'DSP-1'): Despatch => ({
  DespatchId: id, OrderId: 'ORD-1', ClientReference: 'SO-1', DespatchedAt: '2025-01-01T10:00:00Z', Carrier: 'Royal Mail', Service: 'TRACKED48',
  Parcels: parcels.map((Lines, i) => ({ TrackingNumber: `T${i + 1}`, WeightKg: i + 0.5, Lines })),
});
const order = (): DespatchOrder => ({
  salesOrderId: '10', tranId: 'SO1', status: 'B',
  lines: [
    { line: '1', itemId: '100', itemType: 'InvtPart', sku: 'MUG', ordered: 4, fulfilled: 0, isClosed: false, tracking: 'none' },
    { line: '2', itemId: '200', itemType: 'InvtPart', sku: 'GAS', ordered: 3, fulfilled: 0, isClosed: false, tracking: 'lot' },
    { line: '3', itemId: '300', itemType: 'InvtPart', sku: 'GPS', ordered: 2, fulfilled: 0, isClosed: false, tracking: 'serial' },
    { line: '4', itemId: '400', itemType: 'Kit', sku: 'PAIR', ordered: 2, fulfilled: 0, isClosed: false, tracking: 'none', members: [{ itemId: '100', sku: 'MUG', quantity: 2 }, { itemId: '500', sku: 'JUG', quantity: 1 }] },
  ],
});
const numbers = { '200|LOT-A': '9001', '200|LOT-B': '9002', '300|SN-1': '9101', '300|SN-2': '9102' };
const plan = (d: Despatch, remaining?: Map<string, number>) => planFulfilment(d, order(), numbers, '77', remaining);
const problemOf = (r: PlanResult) => (r.ok ? undefined : r.problem);

describe('planning a fulfilment from a despatch', () => {
  it('sums a line over parcels and makes one package per parcel with tracking and weight', () => {
    const r = plan(despatch([[line('1', 'MUG', 1)], [line('1', 'MUG', 2)]]));
    expect(r.ok && r.plan.lines).toEqual([{ orderLine: '1', quantity: 3, numbers: [] }]);
    expect(r.ok && r.plan.packages.map((p) => [p.trackingNumber, p.weightKg])).toEqual([['T1', 0.5], ['T2', 1.5]]);
    expect(r.ok && r.plan.tracking).toBe('T1, T2');
    expect(r.ok && r.plan.shipMethodId).toBe('77');
  });

  it('puts lots and serials into inventory numbers', () => {
    const r = plan(despatch([[line('2', 'GAS', 2, { Lot: 'LOT-A' }), line('3', 'GPS', 2, { Serials: ['SN-1', 'SN-2'] })], [line('2', 'GAS', 1, { Lot: 'LOT-B' })]]));
    expect(r.ok && r.plan.lines).toEqual([
      { orderLine: '2', quantity: 3, numbers: [{ id: '9001', text: 'LOT-A', quantity: 2 }, { id: '9002', text: 'LOT-B', quantity: 1 }] },
      { orderLine: '3', quantity: 2, numbers: [{ id: '9101', text: 'SN-1', quantity: 1 }, { id: '9102', text: 'SN-2', quantity: 1 }] },
    ]);
  });

  it('refuses numbers NetSuite does not have, or too few of them', () => {
    expect(problemOf(plan(despatch([[line('2', 'GAS', 1, { Lot: 'LOT-Z' })]])))).toEqual({ kind: 'unknownNumber', lineRef: '2', numbers: ['LOT-Z'] });
    expect(problemOf(plan(despatch([[line('3', 'GPS', 2, { Serials: ['SN-1'] })]])))?.kind).toBe('numbersMissing');
  });

  it('rolls kit members up to whole kits on the kit line; uneven members are a problem', () => {
    const r = plan(despatch([[line('4.100', 'MUG', 4), line('4.500', 'JUG', 2)]]));
    expect(r.ok && r.plan.lines).toEqual([{ orderLine: '4', quantity: 2, numbers: [] }]);
    expect(problemOf(plan(despatch([[line('4.100', 'MUG', 3), line('4.500', 'JUG', 2)]])))?.kind).toBe('partialKit');
    expect(problemOf(plan(despatch([[line('4.100', 'MUG', 2)]])))?.kind).toBe('partialKit');
    expect(problemOf(plan(despatch([[line('4.999', 'X', 1)]])))).toEqual({ kind: 'unknownLineRef', lineRefs: ['4.999'] });
  });

  it('names unknown LineRefs and SKUs that differ', () => {
    expect(problemOf(plan(despatch([[line('9', 'MUG', 1)]])))).toEqual({ kind: 'unknownLineRef', lineRefs: ['9'] });
    expect(problemOf(plan(despatch([[line('1', 'MUG-ALT', 1)]])))).toEqual({ kind: 'skuMismatch', lines: [{ lineRef: '1', despatched: 'MUG-ALT', ordered: 'MUG' }] });
  });

  it('tells over-shipment from lines already fully shipped, by the live remaining quantities when given', () => {
    expect(problemOf(plan(despatch([[line('1', 'MUG', 5)]])))).toEqual({ kind: 'overShipment', lines: [{ lineRef: '1', quantity: 5, remaining: 4 }] });
    expect(problemOf(plan(despatch([[line('1', 'MUG', 1)]]), new Map([['1', 0]])))).toEqual({ kind: 'alreadyShipped', lines: ['1'] });
    expect(problemOf(plan(despatch([[line('1', 'MUG', 1), line('2', 'GAS', 1, { Lot: 'LOT-A' })]]), new Map([['1', 0], ['2', 3]])))?.kind).toBe('overShipment');
  });

  it('maps the courier service back to a shipping method', () => {
    expect(shipMethodFor('express', { 5: { courierService: 'STANDARD' }, 6: { courierService: 'EXPRESS' } })).toBe('6');
    expect(shipMethodFor('NEXTDAY', { 5: { courierService: 'STANDARD' } })).toBeUndefined();
  });

  it('despatchedLines keeps every Sku seen for a LineRef', () => {
    expect(Array.from(despatchedLines(despatch([[line('1', 'A', 1)], [line('1', 'B', 1)]])).get('1')?.skus ?? [])).toEqual(['A', 'B']);
  });
});

describe('importing a despatch (fakes)', () => {
  const problem = (r: PlanResult): RecordResult => ({ kind: 'problem', problem: r.ok ? { kind: 'alreadyShipped', lines: [] } : r.problem });
  function ports(result: RecordResult | ((plan: (r: ReadonlyMap<string, number>) => PlanResult) => RecordResult), opts: { exists?: boolean; earlier?: string[] } = {}) {
    const raised: ExceptionDraft[] = [];
    const calls: string[] = [];
    const fulfilments: FulfilmentPort = {
      record: (_w, p) => { calls.push('record'); return typeof result === 'function' ? result(p) : result; },
      exists: () => { calls.push('exists'); return opts.exists ?? false; },
      despatchesOf: () => opts.earlier ?? [],
    };
    return { raised, calls, ports: { fulfilments, exceptions: { raise: (d: ExceptionDraft) => raised.push(d) } } };
  }
  const work = (d: Despatch, extra: Partial<DespatchWork> = {}): DespatchWork => ({ despatchId: d.DespatchId, despatch: d, order: order(), numbers, ...extra });
  const now = new Date('2025-01-01T12:00:00Z');

  it('records a fitting despatch and counts a DUP_RCRD as already recorded', () => {
    const ok = ports({ kind: 'created', id: '55' });
    expect(importDespatch(work(despatch([[line('1', 'MUG', 1)]])), ok.ports, now)).toEqual({ kind: 'fulfilled', fulfilmentId: '55' });
    const dup = ports({ kind: 'duplicate' });
    expect(importDespatch(work(despatch([[line('1', 'MUG', 1)]])), dup.ports, now)).toEqual({ kind: 'recorded' });
    expect(dup.raised).toEqual([]);
  });

  it('skips a despatch the batch found recorded without paying for a transform', () => {
    const p = ports({ kind: 'created', id: '1' });
    expect(importDespatch(work(despatch([[line('1', 'MUG', 1)]]), { recorded: true }), p.ports, now)).toEqual({ kind: 'recorded' });
    expect(p.calls).toEqual([]);
  });

  it('a restarted key whose fulfilment exists is done, not a duplicate shipment', () => {
    const p = ports((plan) => problem(plan(new Map())), { exists: true });
    expect(importDespatch(work(despatch([[line('1', 'MUG', 1)]])), p.ports, now)).toEqual({ kind: 'recorded' });
    expect(p.raised).toEqual([]);
  });

  it('another despatch for lines already shipped: a duplicate-shipment exception naming both', () => {
    const p = ports((plan) => problem(plan(new Map())), { earlier: ['DSP-0', 'DSP-2'] });
    expect(importDespatch(work(despatch([[line('1', 'MUG', 1)]], 'DSP-2')), p.ports, now)).toEqual({ kind: 'exception', type: 'duplicateShipment' });
    expect(p.raised[0]).toMatchObject({ type: 'duplicateShipment', owner: 'operations', dedupeKey: 'duplicateShipment:connector:despatch:DSP-2', transactionId: '10' });
    expect(p.raised[0].message).toContain('DSP-0');
  });

  it('a problem the batch facts already show costs no transform', () => {
    const p = ports({ kind: 'created', id: '1' });
    expect(importDespatch(work(despatch([[line('9', 'MUG', 1)]])), p.ports, now)).toEqual({ kind: 'exception', type: 'despatchMismatch' });
    expect(p.calls).toEqual([]);
  });

  it('malformed, unmatched and closed-order despatches each reach their owner', () => {
    const p = ports({ kind: 'created', id: '1' });
    importDespatch({ despatchId: 'DSP-M', malformed: { problem: 'Items[0].DespatchedAt: expected ISO', raw: '{}' }, numbers: {} }, p.ports, now);
    importDespatch(work(despatch([[line('1', 'MUG', 1)]], 'DSP-U'), { order: undefined }), p.ports, now);
    importDespatch(work(despatch([[line('1', 'MUG', 1)]], 'DSP-C'), { order: { ...order(), status: 'C' } }), p.ports, now);
    importDespatch(work(despatch([[line('1', 'MUG', 1)]], 'DSP-H'), { order: { ...order(), status: 'H' } }), p.ports, now);
    expect(p.raised.map((d) => [d.type, d.owner])).toEqual([
      ['despatchMalformed', 'admin'],
      ['despatchUnmatched', 'operations'],
      ['despatchClosedOrder', 'customerService'],
      ['despatchClosedOrder', 'customerService'],
    ]);
    expect(p.raised[2].message).toMatch(/cancelled in NetSuite/);
    expect(p.raised[3].message).toMatch(/closed in NetSuite/);
  });
});
