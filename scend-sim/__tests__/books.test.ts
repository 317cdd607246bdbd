import type { MovementReason, OrderStatus } from '../src/contract/types';
import { AdjustableClock } from '../src/engine/clock';
import { ScendApiError, SimControlError } from '../src/engine/errors';
import { SeededRng } from '../src/engine/rng';
import { WarehouseEngine } from '../src/engine/warehouse-engine';
import { CATALOGUE, orderBody } from './support';

const PHYSICAL = ['TENT', 'BAG', 'GAS', 'GPS'];
const OPEN: OrderStatus[] = ['RELEASED', 'PICKING', 'PACKING', 'PACKED'];

/** Drive the engine with `steps` random operations; expected refusals are counted, anything else fails the run. */
function randomRun(seed: number, steps: number) {
  const rng = new SeededRng(seed);
  const clock = new AdjustableClock({ now: () => Date.UTC(2025, 0, 1) });
  const engine = new WarehouseEngine({ seed, clock, catalogue: CATALOGUE });
  const asnWarehouse = new Map<string, string>();
  const refused: Record<string, number> = {};
  const orders = () => engine.orderRecords();
  const pickOrder = (statuses: OrderStatus[]) => {
    const candidates = orders().filter((o) => statuses.includes(o.Status));
    return candidates.length === 0 ? undefined : rng.pick(candidates).OrderId;
  };
  const ops: (() => void)[] = [
    () => {
      const lines = Array.from({ length: rng.int(1, 3) }, (_, i) => ({ LineRef: String(i + 1), Sku: rng.next() < 0.03 ? 'NOPE' : rng.pick(PHYSICAL), Quantity: rng.int(1, 4) }));
      engine.createOrder(orderBody({ ClientReference: `R${rng.int(1, 500)}`, Lines: lines }));
    },
    () => {
      const id = pickOrder(['RECEIVED', 'ON_HOLD']);
      if (id) engine.release(id);
    },
    () => {
      const id = pickOrder(['RELEASED']);
      if (id) engine.pick(id);
    },
    () => {
      const id = pickOrder(['PICKING']);
      if (id) engine.pack(id);
    },
    () => {
      const id = pickOrder(['PACKING']);
      if (id) engine.finishPacking(id);
    },
    () => {
      const id = pickOrder(['RELEASED', 'PICKING', 'PACKING', 'PACKED', 'RECEIVED']);
      if (!id) return;
      const record = orders().find((o) => o.OrderId === id)!;
      const open = [...record.allocations.entries()].filter(([, a]) => a.quantity > 0);
      if (rng.next() < 0.5 || open.length === 0) engine.despatch(id, { Parcels: rng.int(1, 3) });
      else {
        const [lineRef, a] = rng.pick(open);
        engine.despatch(id, { Lines: [{ LineRef: lineRef, Quantity: rng.int(1, a.quantity) }] });
      }
    },
    () => {
      const id = pickOrder(['RECEIVED', 'RELEASED', 'PICKING', 'ON_HOLD', 'PACKING', 'CANCELLED']);
      if (id) engine.cancelOrder(id);
    },
    () => {
      const id = pickOrder(['RECEIVED', 'RELEASED', 'PICKING']);
      if (id) engine.hold(id);
    },
    () => {
      const warehouse = rng.pick(['UK1', 'UK2']);
      const { AsnId } = engine.createAsn({ ClientReference: `PO${rng.int(1, 400)}`, Warehouse: warehouse, Lines: [{ LineRef: '1', Sku: rng.pick(PHYSICAL), QuantityExpected: rng.int(1, 20) }] });
      asnWarehouse.set(AsnId, warehouse);
    },
    () => {
      const ids = [...asnWarehouse.keys()];
      if (ids.length > 0) engine.receiveAsn(rng.pick(ids), { Mode: rng.pick(['full', 'short', 'over', 'damaged'] as const) });
    },
    () => {
      const reason = rng.pick<MovementReason>(['DAMAGED', 'LOST', 'FOUND', 'CYCLE_COUNT', 'QUARANTINE', 'RETURN_RESTOCK']);
      const size = rng.int(1, 5);
      const sign = reason === 'FOUND' || reason === 'RETURN_RESTOCK' ? 1 : reason === 'DAMAGED' || reason === 'LOST' ? -1 : rng.pick([1, -1]);
      engine.bookMovement({ Sku: rng.pick(PHYSICAL), Warehouse: rng.pick(['UK1', 'UK2']), Quantity: sign * size, Reason: reason });
    },
    () => {
      const id = pickOrder(['DESPATCHED', 'PACKING', 'PACKED']);
      if (!id) return;
      const sku = rng.pick(engine.getOrder(id).Lines).Sku;
      engine.bookReturn({ OrderId: id, Lines: [{ Sku: sku, Quantity: 1, Condition: rng.pick(['RESTOCK', 'DAMAGED'] as const) }] });
    },
    () => engine.setStock({ Sku: rng.pick(PHYSICAL), Warehouse: rng.pick(['UK1', 'UK2']), OnHand: rng.int(0, 30) }),
  ];
  const weights = [6, 5, 3, 3, 2, 5, 2, 1, 2, 3, 3, 2, 1];
  const table = weights.flatMap((w, i) => Array.from({ length: w }, () => ops[i]));
  for (let step = 0; step < steps; step++) {
    clock.advance(rng.int(1, 60_000));
    try {
      rng.pick(table)();
    } catch (error) {
      if (!(error instanceof ScendApiError || error instanceof SimControlError)) throw error;
      refused[error.code] = (refused[error.code] ?? 0) + 1;
    }
  }
  return { engine, asnWarehouse, refused };
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

describe('the warehouse keeps its books through a randomized run', () => {
  const STEPS = 6000;

  it.each([11, 2024])('seed %i: stock in = stock out + on hand per SKU and warehouse, and Allocated = open allocations', (seed) => {
    const { engine, asnWarehouse, refused } = randomRun(seed, STEPS);
    const everything = 100_000;
    const despatches = engine.readDespatches(undefined, everything).Items;
    const receipts = engine.readReceipts(undefined, everything).Items;
    const movements = engine.readMovements(undefined, everything).Items;
    const returns = engine.readReturns(undefined, everything).Items;
    const records = engine.orderRecords();
    const warehouseOf = new Map(records.map((o) => [o.OrderId, o.warehouse]));

    // Rebuild the books from what the public feeds said, not from the engine's internals.
    const stockIn = new Map<string, number>();
    const stockOut = new Map<string, number>();
    const damaged = new Map<string, number>();
    for (const s of CATALOGUE.stock) {
      add(stockIn, `${s.Sku}@${s.Warehouse}`, s.OnHand);
      add(damaged, `${s.Sku}@${s.Warehouse}`, s.Damaged ?? 0);
    }
    for (const r of receipts) {
      for (const l of r.Lines) {
        add(stockIn, `${l.Sku}@${asnWarehouse.get(r.AsnId)}`, l.QuantityReceived - l.QuantityDamaged);
        add(damaged, `${l.Sku}@${asnWarehouse.get(r.AsnId)}`, l.QuantityDamaged);
      }
    }
    for (const m of movements) {
      const key = `${m.Sku}@${m.Warehouse}`;
      if (m.Quantity > 0) add(stockIn, key, m.Quantity);
      else add(stockOut, key, -m.Quantity);
      if (m.Reason === 'DAMAGED') add(damaged, key, -m.Quantity);
    }
    const despatchedPerLine = new Map<string, number>();
    for (const d of despatches) {
      for (const l of d.Parcels.flatMap((p) => p.Lines)) {
        add(stockOut, `${l.Sku}@${warehouseOf.get(d.OrderId)}`, l.Quantity);
        add(despatchedPerLine, `${d.OrderId}/${l.LineRef}`, l.Quantity);
      }
    }
    for (const r of returns) for (const l of r.Lines) if (l.Condition === 'DAMAGED') add(damaged, `${l.Sku}@${warehouseOf.get(r.OrderId)}`, l.Quantity);
    const allocated = new Map<string, number>();
    for (const o of records.filter((r) => OPEN.includes(r.Status))) {
      for (const l of o.Lines) add(allocated, `${l.Sku}@${o.warehouse}`, l.Quantity - (despatchedPerLine.get(`${o.OrderId}/${l.LineRef}`) ?? 0));
    }

    const items = engine.stockItems();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const key = `${item.Sku}@${item.Warehouse}`;
      expect({ key, balance: (stockIn.get(key) ?? 0) - (stockOut.get(key) ?? 0) }).toEqual({ key, balance: item.OnHand });
      expect({ key, damaged: damaged.get(key) ?? 0 }).toEqual({ key, damaged: item.Damaged });
      expect({ key, allocated: allocated.get(key) ?? 0 }).toEqual({ key, allocated: item.Allocated });
      expect(item.Available).toBe(item.OnHand - item.Allocated);
      expect(item.Available).toBeGreaterThanOrEqual(0);
    }
    // The engine's own ledger adds up to its rows too.
    for (const row of engine.stockRows()) {
      const entries = engine.ledger().filter((e) => e.externalId === row.externalId && e.warehouse === row.warehouse);
      expect(entries.reduce((n, e) => n + e.onHand, 0)).toBe(row.onHand);
      expect(entries.reduce((n, e) => n + e.allocated, 0)).toBe(row.allocated);
    }
    // Every order's last event is its current status, and Seq runs 1..n.
    const events = engine.readOrderEvents(undefined, everything).Items;
    expect(events.map((e) => e.Seq)).toEqual(events.map((_, i) => i + 1));
    const last = new Map(events.map((e) => [e.OrderId, e.Status]));
    for (const o of records) expect(last.get(o.OrderId)).toBe(o.Status);
    // The run exercised the interesting paths, not just refusals.
    expect(despatches.length).toBeGreaterThan(200);
    expect(receipts.length).toBeGreaterThan(50);
    expect(returns.length).toBeGreaterThan(20);
    expect(records.filter((o) => o.Status === 'CANCELLED').length).toBeGreaterThan(20);
    expect(refused.CANCEL_TOO_LATE ?? 0).toBeGreaterThan(0);
    expect(refused.UNKNOWN_SKU ?? 0).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const a = randomRun(5, 800).engine;
    const b = randomRun(5, 800).engine;
    expect(b.readDespatches(undefined, 500)).toEqual(a.readDespatches(undefined, 500));
    expect(b.stockItems()).toEqual(a.stockItems());
  });
});
