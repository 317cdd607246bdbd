/**
 * The soak, small and fast, inside `npm test`: a few hundred orders through the whole loop at 10 %
 * faults with a fixed seed (chosen so that every fault kind, an expired cursor, app-server restarts,
 * user cancels and a receipt all happen). Every invariant must hold; a failure prints the report and
 * the command that reproduces it. The full soak (`npm run soak`) runs thousands of orders.
 */
import { printReport } from '../report';
import { faultRules, runSoak, type SoakReport } from '../soak';

const ORDERS = 300;
const SEED = Number(process.env.SOAK_TEST_SEED ?? 2);

let report: SoakReport;
beforeAll(async () => {
  report = await runSoak({ orders: ORDERS, faultRate: 0.1, seed: SEED });
}, 240_000);

describe(`soak: ${ORDERS} orders, 10 % faults, seed ${SEED}`, () => {
  it('holds every invariant', () => {
    const lines: string[] = [];
    printReport(report, (l) => lines.push(l));
    const failed = report.invariants.filter((i) => !i.ok);
    if (failed.length) throw new Error(lines.join('\n'));
    expect(report.invariants.length).toBeGreaterThanOrEqual(14);
  });

  it('met every kind of fault, restarts, expired cursors and users while it ran', () => {
    const f = report.figures;
    const missing = faultRules(0.1).map((r) => r.kind).filter((k) => !f.faultsByKind[k]);
    expect(missing).toEqual([]);
    expect(f.scendAnswers.cursorExpired410).toBeGreaterThan(0);
    expect(f.scendAnswers.committedButFailed).toBeGreaterThan(0);
    expect(f.restarts.injected).toBeGreaterThan(0);
    expect(f.userActions['cancel ok'] ?? 0).toBeGreaterThan(0);
    expect(f.userActions['edit ok'] ?? 0).toBeGreaterThan(0);
  });

  it('moved the whole loop: orders, despatches, fulfilments, receipts, movements', () => {
    const r = report.figures.records;
    expect(r.scendOrders).toBeGreaterThan(ORDERS * 0.8);
    expect(r.despatches).toBeGreaterThan(ORDERS * 0.8);
    expect(r.fulfilments).toBeGreaterThan(ORDERS * 0.8);
    expect(r.receipts).toBeGreaterThan(0);
    expect(r.itemReceipts).toBe(r.receipts);
    expect(r.movements).toBeGreaterThan(8); // the opening counts and the warehouse's own counts and damage
  });
});
