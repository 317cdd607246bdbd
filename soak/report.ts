/** The soak's printed report: the invariants, then the figures. */
import type { SoakReport } from './soak';

const list = (o: Record<string, number>): string => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

export function reproduceCommand(r: Pick<SoakReport, 'options'>): string {
  return `npm run soak -- --orders ${r.options.orders} --fault-rate ${r.options.faultRate} --seed ${r.options.seed}`;
}

export function printReport(r: SoakReport, out: (line: string) => void = console.log): void {
  const f = r.figures;
  out(`\n=== Soak: ${r.options.orders} orders, ${r.options.faultRate * 100}% faults, seed ${r.options.seed} ===`);
  out('Invariants:');
  for (const i of r.invariants) out(`  ${i.ok ? 'PASS' : 'FAIL'}  ${i.name} — ${i.detail}`);
  out('Figures:');
  out(`  orders: ${f.orders.entered} entered, ${f.orders.approved} approved (${f.orders.physicalApproved} approved with physical lines at the end), ${f.orders.leftPendingApproval} left pending approval, ${f.orders.cancelledByUser} cancelled by the user; ${f.purchaseOrders} purchase orders`);
  out(`  Scend: ${f.records.scendOrders} orders, ${f.records.despatches} despatches, ${f.records.receipts} receipts, ${f.records.movements} stock movements`);
  out(`  NetSuite: ${f.records.fulfilments} fulfilments, ${f.records.itemReceipts} item receipts, ${f.records.adjustments} adjustments`);
  out(`  requests to Scend: ${f.scendAnswers.requests}; faults injected: ${list(f.faultsByKind)}`);
  out(`  also: redelivered feed items on, ${f.scendAnswers.expiredCursorWindows} expired-cursor windows (${f.scendAnswers.cursorExpired410} answers 410), ${f.scendAnswers.rateLimited429} real 429s from the rate limit, ${f.scendAnswers.committedButFailed} writes committed while the client saw a failure`);
  out(`  map/reduce runs: ${f.scheduledRuns}; app-server restarts: ${f.restarts.injected} (${f.restarts.keysRerun} keys rerun)`);
  out(`  retries: ${f.retries.orderPostsBeyondOne} order POSTs beyond one per Scend order; ${f.retries.ledgerAttempts} order hand-over attempts in all`);
  out(`  user actions while runs worked: ${list(f.userActions)}`);
  out(`  exceptions by type (open/resolved/ignored): ${Object.entries(f.exceptionsByType).map(([k, v]) => `${k} ${v.open}/${v.resolved}/${v.ignored}`).join(', ') || 'none'}`);
  out(`  drift checks deferred to the next run by Scend's 429 (Retry-After): ${f.driftChecksDeferred}`);
  out(`  units: ${f.units.total} in all, ${f.units.perOrder} per approved order`);
  out(`  errors: ${f.errors.unhandled} unhandled; map/reduce keys left to the next run after a transient Scend failure: ${list(f.errors.leftToNextRun)}; ${f.errors.loggedErrors} ERROR log entries`);
  out(`  ${f.simulatedHours} simulated hours in ${f.wallSeconds} s`);
  out(r.ok ? 'All invariants hold.' : `FAILED at seed ${r.options.seed}. Reproduce: ${reproduceCommand(r)}`);
}
