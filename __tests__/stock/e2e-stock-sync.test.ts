/**
 * The stock sync end to end: the built scripts in the sandbox against the simulator.
 * NetSuite Help: "Adjusting Inventory" (inventory adjustment: account, location, Adjust Qty. By);
 * "Map/Reduce Script Type" (getInputData, map, summarize; keys redelivered after a restart);
 * "N/file Module" (file.create / File.save in a File Cabinet folder).
 */
import { MOVES, startStockWorld, SYNC, type StockWorld } from '../../harness/stock-world';

jest.setTimeout(120_000);

const SKUS = [
  { sku: 'ST-A', onHand: 10, netsuite: 11 }, // NetSuite one over: within tolerance -> adjusted
  { sku: 'ST-B', onHand: 20, netsuite: 30 }, // ten over: beyond tolerance -> drift for finance
  { sku: 'ST-C', onHand: 5 },
  { sku: 'ST-D', onHand: 0, netsuite: 2 }, // Scend has none: within tolerance -> adjusted down
  { sku: 'ST-LOT', onHand: 8, netsuite: 9, lot: true }, // lot item: no numbers to adjust with -> finance
];

describe('stock sync', () => {
  let w: StockWorld;
  beforeEach(async () => {
    w = await startStockWorld(SKUS, { tolerance: 2 });
  });
  afterEach(async () => w.close());

  test('variances within tolerance become one adjustment per location naming the snapshot; larger ones and lot items a drift exception for finance', async () => {
    const run = await w.sb.runMapReduce(SYNC);
    expect(run.input.error).toBeNull();
    expect(run.map.errors).toEqual([]);
    const [rec] = w.runs();
    expect(rec.snapshot).toMatch(/\S/);
    expect(rec.counts).toMatchObject({ match: 1, adjust: 2, drift: 1, numbered: 1 });

    const adjustments = w.adjustments().filter((a) => a.externalid.startsWith('stocksync:'));
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0].externalid).toBe(`stocksync:${rec.snapshot}:${w.location}:0`);
    expect(adjustments[0].memo).toContain(rec.snapshot);
    expect(adjustments[0].account).toBe(String(w.accounts.sync));
    expect(adjustments[0].lines.sort((a, b) => a.item - b.item)).toEqual([
      { item: w.items.get('ST-A'), qty: -1 },
      { item: w.items.get('ST-D'), qty: -2 },
    ]);
    expect(w.onHand('ST-A')).toBe(10);
    expect(w.onHand('ST-D')).toBe(0);
    expect(w.onHand('ST-B')).toBe(30); // never moved silently

    const drift = w.exceptions({ open: true }).filter((e) => e.dedupeKey.startsWith('stockDrift:'));
    expect(drift).toHaveLength(1);
    expect(drift[0].owner).toMatch(/finance/i);
    expect(drift[0].message).toContain('ST-B -10');
    expect(drift[0].message).toContain('ST-LOT');
    expect(drift[0].message).toContain(rec.snapshot);

    // The per-SKU comparison is stored for reconciliation.
    const csv = w.file(rec.fileId).trim().split('\n');
    expect(csv[0]).toBe('sku,item,location,warehouse,scend_on_hand,netsuite_on_hand,in_flight_explained,difference,status');
    expect(csv).toContain(`ST-B,${w.items.get('ST-B')},${w.location},UK1,20,30,0,-10,drift`);
    expect(csv).toHaveLength(SKUS.length + 1);
    expect(w.runs()[0].status).toBe('adjusted');
    expect(w.runs()[0].adjustments).toBe(String(adjustments[0].id));
  });

  test('a second run finds the adjusted SKUs equal; drift stays one exception until fixed, then resolves', async () => {
    await w.sb.runMapReduce(SYNC);
    await w.sb.runMapReduce(SYNC);
    // ST-D is gone from both sides (Scend lists no row at 0, NetSuite reads none): no row.
    expect(w.runs()[1].counts).toMatchObject({ match: 2, adjust: 0, drift: 1, numbered: 1 });
    expect(w.adjustments().filter((a) => a.externalid.startsWith('stocksync:'))).toHaveLength(1);
    expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey.startsWith('stockDrift:'))).toHaveLength(1);
    // Finance accepts Scend's figures (posts the adjustments by hand): the next run resolves the drift.
    w.db.inventory.adjustOnHand(w.items.get('ST-B')!, w.location, -10, 'finance');
    await w.sb.runMapReduce(SYNC);
    expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey.startsWith('stockDrift:'))).toHaveLength(1); // the lot item still differs
    expect(w.runs()[2].counts).toMatchObject({ drift: 0, numbered: 1 });
  });

  test('a restart at any governed call of the adjustment key never makes a second adjustment (externalid stocksync:<snapshot>:<location>:<chunk>)', async () => {
    // create (1), save (2), after the save: each restart point in turn, each on a fresh difference.
    for (const afterGovernedCalls of [1, 2, 3]) {
      w.db.inventory.adjustOnHand(w.items.get('ST-C')!, w.location, 1, 'drift');
      const run = await w.sb.runMapReduce(SYNC, { restart: [{ stage: 'map', key: `adjust:${w.location}:0`, afterGovernedCalls }] });
      expect(run.restarts).toHaveLength(1);
      expect(run.map.errors.filter((e) => !/SSS_APP_SERVER_RESTART/.test(JSON.stringify(e)))).toEqual([]);
    }
    const keys = w.adjustments().filter((x) => x.externalid.startsWith('stocksync:')).map((a) => a.externalid);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(3);
    expect(w.onHand('ST-A')).toBe(10);
    expect(w.onHand('ST-C')).toBe(5);
    expect(w.onHand('ST-D')).toBe(0);
  });

  test('movements Scend booked that NetSuite has not imported are timing differences, not variances', async () => {
    await w.sim.control.bookMovement({ Sku: 'ST-C', Warehouse: 'UK1', Quantity: -3, Reason: 'LOST' });
    await w.sim.control.bookMovement({ Sku: 'ST-C', Warehouse: 'UK1', Quantity: -1, Reason: 'DAMAGED' });
    await w.sb.runMapReduce(SYNC);
    const first = w.runs()[0];
    expect(first.counts).toMatchObject({ timing: 1 });
    expect(w.file(first.fileId)).toContain(`ST-C,${w.items.get('ST-C')},${w.location},UK1,1,5,-4,-4,timing`);
    expect(w.onHand('ST-C')).toBe(5); // the sync did not move it
    await w.sb.runMapReduce(MOVES);
    expect(w.onHand('ST-C')).toBe(1);
    await w.sb.runMapReduce(SYNC);
    expect(w.file(w.runs()[1].fileId)).toContain(`ST-C,${w.items.get('ST-C')},${w.location},UK1,1,1,0,0,match`);
  });

  test('a snapshot Scend does not serve to the end is not compared: no adjustment, no drift', async () => {
    await w.sim.control.addFault({ method: 'GET', path: '/v1/stock', times: 1, action: { kind: 'status', status: 503 } });
    const run = await w.sb.runMapReduce(SYNC);
    expect(run.input.keys).toBe(0);
    expect(w.adjustments().filter((a) => a.externalid.startsWith('stocksync:'))).toEqual([]);
    expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey.startsWith('stockDrift:'))).toEqual([]);
    expect(w.onHand('ST-A')).toBe(11);
    expect(w.sb.logs.query({ contains: 'snapshot not read to its end' }).length).toBe(1);
  });
});
