/**
 * Stock movements end to end: Scend's stock-movements feed -> inventory adjustments, once per
 * MovementId, with the reason's account.
 * NetSuite Help: "Adjusting Inventory"; "Map/Reduce Script Type" (restarts: keys run again, so every
 * map must be idempotent); "External ID" (NetSuite refuses a second record with the same externalid:
 * DUP_RCRD); "Lot Numbered Inventory" (inventory detail on adjustment lines).
 */
import { MOVES, startStockWorld, SYNC, type StockWorld } from '../../harness/stock-world';

jest.setTimeout(180_000);

const SKUS = [
  { sku: 'MV-A', onHand: 50 },
  { sku: 'MV-B', onHand: 30 },
  { sku: 'MV-C', onHand: 12 },
  { sku: 'MV-LOT', onHand: 10, lot: true },
  { sku: 'MV-SCEND-ONLY', onHand: 5 },
];

const movementAdjustments = (w: StockWorld) => w.adjustments().filter((a) => a.externalid.startsWith('movement:'));

describe('stock movements', () => {
  let w: StockWorld;
  beforeEach(async () => {
    w = await startStockWorld(SKUS, { tolerance: 2 });
  });
  afterEach(async () => w.close());

  test('each reason adjusts with its own account, once per MovementId (externalid movement:<id>)', async () => {
    const booked = [
      await w.sim.control.bookMovement({ Sku: 'MV-A', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED' }),
      await w.sim.control.bookMovement({ Sku: 'MV-A', Warehouse: 'UK1', Quantity: -1, Reason: 'LOST' }),
      await w.sim.control.bookMovement({ Sku: 'MV-B', Warehouse: 'UK1', Quantity: 3, Reason: 'FOUND' }),
      await w.sim.control.bookMovement({ Sku: 'MV-B', Warehouse: 'UK1', Quantity: -2, Reason: 'CYCLE_COUNT' }),
      await w.sim.control.bookMovement({ Sku: 'MV-C', Warehouse: 'UK1', Quantity: -4, Reason: 'QUARANTINE' }),
    ];
    const run = await w.sb.runMapReduce(MOVES);
    expect(run.map.errors).toEqual([]);
    const adj = movementAdjustments(w);
    expect(adj.map((a) => a.externalid).sort()).toEqual(booked.map((m) => `movement:${m.MovementId}`).sort());
    const byId = new Map(adj.map((a) => [a.externalid, a]));
    const accountOf = (i: number) => byId.get(`movement:${booked[i].MovementId}`)!.account;
    expect([0, 1, 2, 3, 4].map(accountOf)).toEqual([w.accounts.damaged, w.accounts.lost, w.accounts.found, w.accounts.cycle, w.accounts.quarantine].map(String));
    expect(byId.get(`movement:${booked[0].MovementId}`)!.memo).toContain(booked[0].MovementId);
    expect([w.onHand('MV-A'), w.onHand('MV-B'), w.onHand('MV-C')]).toEqual([47, 31, 8]);
    // Replaying the whole feed (position lost) adjusts nothing twice.
    for (const rec of [...w.db.store.ofType('customrecord_scend_feed_cursor')]) w.sb.record.delete({ type: 'customrecord_scend_feed_cursor', id: rec.id });
    const replay = await w.sb.runMapReduce(MOVES);
    expect(replay.output.filter((o) => o.value === 'duplicate')).toHaveLength(5);
    expect(movementAdjustments(w)).toHaveLength(5);
    expect([w.onHand('MV-A'), w.onHand('MV-B'), w.onHand('MV-C')]).toEqual([47, 31, 8]);
  });

  test('RETURN_RESTOCK is left to the returns import (a returned unit is never counted twice)', async () => {
    await w.sim.control.bookMovement({ Sku: 'MV-A', Warehouse: 'UK1', Quantity: 2, Reason: 'RETURN_RESTOCK' });
    const run = await w.sb.runMapReduce(MOVES);
    expect(run.output.map((o) => o.value)).toContain('skipped');
    expect(movementAdjustments(w)).toHaveLength(0);
    expect(w.onHand('MV-A')).toBe(50);
    expect(w.exceptions({ open: true })).toEqual([]);
  });

  test('a lot item leaving stock takes NetSuite\'s oldest lots; arriving units and unknown SKUs are exceptions for operations', async () => {
    await w.sim.control.bookMovement({ Sku: 'MV-LOT', Warehouse: 'UK1', Quantity: -6, Reason: 'DAMAGED' });
    await w.sim.control.bookMovement({ Sku: 'MV-LOT', Warehouse: 'UK1', Quantity: 1, Reason: 'FOUND' });
    await w.sim.control.upsertProduct({ Sku: 'MV-UNKNOWN', ExternalId: '999', Name: 'Not in NetSuite', WeightKg: 1 });
    await w.sim.control.setStock({ Sku: 'MV-UNKNOWN', Warehouse: 'UK1', OnHand: 3 });
    const run = await w.sb.runMapReduce(MOVES);
    expect(run.map.errors).toEqual([]);
    expect(w.onHand('MV-LOT')).toBe(4);
    const lot = w.items.get('MV-LOT')!;
    const l1 = w.db.numbers.idOf(lot, 'MV-LOT-L1')!;
    const l2 = w.db.numbers.idOf(lot, 'MV-LOT-L2')!;
    expect([w.db.numbers.onHand(lot, w.location, l1), w.db.numbers.onHand(lot, w.location, l2)]).toEqual([0, 4]);
    const open = w.exceptions({ open: true });
    expect(open.map((e) => e.owner)).toEqual(['Operations', 'Operations']);
    expect(open.some((e) => /MV-LOT/.test(e.message) && /which lot/.test(e.message))).toBe(true);
    expect(open.some((e) => /no NetSuite item has Scend SKU MV-UNKNOWN/.test(e.message))).toBe(true);
  });

  test('redelivered pages, interleaved keys and random restarts: no movement adjusted twice, stock equal after the final sync', async () => {
    await w.sim.control.configureFeeds({ redeliveryRate: 0.6 });
    w.sb.concurrency.interleave({ probability: 0.5 });
    const moves: Array<{ sku: string; q: number; reason: 'DAMAGED' | 'LOST' | 'FOUND' | 'CYCLE_COUNT' }> = [];
    for (let i = 0; i < 24; i++) {
      const sku = ['MV-A', 'MV-B', 'MV-C'][i % 3];
      const reason = (['DAMAGED', 'LOST', 'FOUND', 'CYCLE_COUNT'] as const)[i % 4];
      moves.push({ sku, q: reason === 'FOUND' ? 1 : reason === 'CYCLE_COUNT' ? (i % 2 ? 1 : -1) : -1, reason });
    }
    let booked = 0;
    let restarts = 0;
    for (let round = 0; round < 6; round++) {
      for (const m of moves.slice(round * 4, round * 4 + 4)) {
        await w.sim.control.bookMovement({ Sku: m.sku, Warehouse: 'UK1', Quantity: m.q, Reason: m.reason });
        booked++;
      }
      restarts += (await w.sb.runMapReduce(MOVES, { restart: { random: true } })).restarts.length;
      restarts += (await w.sb.runMapReduce(SYNC, { restart: { random: true } })).restarts.length;
    }
    await w.sb.runMapReduce(MOVES);
    await w.sb.runMapReduce(MOVES);
    await w.sb.runMapReduce(SYNC);
    expect(restarts).toBeGreaterThanOrEqual(6);
    expect(w.sb.concurrency.trace.length).toBeGreaterThan(0);
    const ids = movementAdjustments(w).map((a) => a.externalid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(booked);
    // The sync never adjusted: every difference on the way was work in flight.
    expect(w.adjustments().filter((a) => a.externalid.startsWith('stocksync:'))).toEqual([]);
    const scend = await w.scendOnHand();
    for (const sku of ['MV-A', 'MV-B', 'MV-C']) expect([sku, w.onHand(sku)]).toEqual([sku, scend.get(sku)]);
    const last = w.runs().at(-1)!;
    expect(last.counts).toMatchObject({ timing: 0, inFlight: 0, adjust: 0, drift: 0 });
  });
});
