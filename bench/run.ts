/**
 * `npm run bench`: every flow's governance, API calls, wall time and memory at several sizes, a
 * table, the work per hour one account can sustain, and bench/results.json. Not part of the tests.
 *
 * Sizes (comma-separated) per flow, from the environment (default 1000,10000,50000 each):
 *   BENCH_ORDERS (orderPush)   BENCH_DESPATCHES (despatchImport)
 *   BENCH_RECEIPTS (receiptImport)   BENCH_EVENTS (statusSync)
 *   BENCH_SKUS (stockSync)   BENCH_OPEN_ORDERS (driftCheck)
 *   BENCH_FLOWS (which flows, default all)
 */
import { build } from '../tools/build/build';
import { main as sandboxBench } from './sandbox-bench';
import { benchDespatchImport } from './despatch-import';
import { benchDriftCheck } from './drift-check';
import { benchLargeOrder, benchOrderPush } from './order-push';
import { benchReceiptImport } from './receipt-import';
import { printTable, writeResults, type FlowResult } from './results';
import { benchStatusSync } from './status-sync';
import { benchStockSync } from './stock-sync';
import { sustainable } from './throughput';

type Flow = 'orderPush' | 'despatchImport' | 'receiptImport' | 'statusSync' | 'stockSync' | 'driftCheck';

const FLOWS: Record<Flow, { env: string; sizes: string; run: (n: number) => Promise<FlowResult>; items: string }> = {
  orderPush: { env: 'BENCH_ORDERS', sizes: '1000,10000,50000', run: benchOrderPush, items: 'orders' },
  despatchImport: { env: 'BENCH_DESPATCHES', sizes: '1000,10000,50000', run: benchDespatchImport, items: 'despatches' },
  receiptImport: { env: 'BENCH_RECEIPTS', sizes: '1000,10000,50000', run: benchReceiptImport, items: 'receipts' },
  statusSync: { env: 'BENCH_EVENTS', sizes: '1000,10000,50000', run: benchStatusSync, items: 'status changes' },
  stockSync: { env: 'BENCH_SKUS', sizes: '1000,10000,50000', run: benchStockSync, items: 'SKUs' },
  driftCheck: { env: 'BENCH_OPEN_ORDERS', sizes: '1000,10000,50000', run: benchDriftCheck, items: 'open orders' },
};

const sizesOf = (flow: Flow): number[] => (process.env[FLOWS[flow].env] ?? FLOWS[flow].sizes).split(',').map(Number).filter((n) => n > 0);

/** Cost per item should not grow with size: the largest run costs at most 10% more per item than the smallest. */
function growth(runs: FlowResult[]): string {
  if (runs.length < 2) return 'n/a';
  const first = runs[0].unitsPerItem;
  const last = runs[runs.length - 1].unitsPerItem;
  return last <= first * 1.1 ? 'linear or better' : `grows (${first} → ${last} units/item)`;
}

async function run(): Promise<void> {
  await build();
  const wanted = (process.env.BENCH_FLOWS ?? Object.keys(FLOWS).join(',')).split(',') as Flow[];
  const results: Record<string, unknown> = {};
  const rows: Array<Record<string, string | number>> = [];
  const largest: Partial<Record<Flow, FlowResult>> = {};
  for (const flow of wanted) {
    const spec = FLOWS[flow];
    if (!spec) throw new Error(`unknown flow ${flow}: one of ${Object.keys(FLOWS).join(', ')}`);
    const runs: FlowResult[] = [];
    for (const n of sizesOf(flow)) {
      console.log(`${flow}: ${n} ${spec.items}…`);
      const r = await spec.run(n);
      runs.push(r);
      rows.push({ flow, items: r.items, 'units/item': r.unitsPerItem, floor: r.floorUnitsPerItem, ratio: r.ratio, 'API calls/item': r.apiCallsPerItem, 'wall ms': r.wallMs, 'peak RSS MB': r.peakRssMb });
    }
    if (runs.length === 0) continue;
    largest[flow] = runs[runs.length - 1];
    results[flow] = { ...runs[runs.length - 1], growth: growth(runs), runs };
  }
  const large = wanted.includes('orderPush') ? await benchLargeOrder(500) : undefined;
  console.log('sandbox itself: 10,000 sales orders created, approved (user event), fulfilled, with interleaving on…');
  const sandbox = await sandboxBench(10000);

  console.log('');
  printTable(rows);
  for (const flow of wanted) if (results[flow]) console.log(`${flow}: cost per item ${(results[flow] as { growth: string }).growth}`);
  const push = largest.orderPush;
  if (push?.unitsByCall) {
    console.log('\nwhere an order push spends its units (per order):');
    for (const [call, units] of Object.entries(push.unitsByCall as Record<string, number>)) console.log(`  ${String(units).padStart(6)}  ${call}`);
  }
  if (large) console.log(`\n500-line order: ${large.units} units in the user event (limit ${large.limit})`);
  console.log(`sandbox: ${sandbox.count} orders in ${sandbox.seconds.toFixed(2)} s (${sandbox.perOrderMs.toFixed(3)} ms/order, ${sandbox.interleavings} interleavings), peak RSS ${sandbox.peakRssMb.toFixed(0)} MB`);

  const perHour = sustainable(largest);
  console.log('\nwork per hour one account sustains (Scend 120 requests/minute; map/reduce on N processors):');
  printTable(perHour.map((p) => ({ flow: p.flow, processors: p.processors, 'per hour (governance)': p.governancePerHour, 'per hour (Scend rate)': p.ratePerHour, 'per hour': p.perHour, 'bound by': p.boundBy })));

  writeResults({
    ...results,
    ...(large && results.orderPush ? { orderPush: { ...(results.orderPush as object), largeOrder: large } } : {}),
    sandbox: { items: sandbox.count, wallMs: Math.round(sandbox.seconds * 1000), peakRssMb: sandbox.peakRssMb, interleavings: sandbox.interleavings },
    sustainablePerHour: perHour,
  });
  console.log('\nwrote bench/results.json');
}

run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
