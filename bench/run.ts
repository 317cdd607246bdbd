/** `npm run bench`: every benchmark, a table, and bench/results.json. Not part of the tests. */
import { build } from '../tools/build/build';
import { main as sandboxBench } from './sandbox-bench';
import { benchLargeOrder, benchOrderPush } from './order-push';
import { printTable, writeResults } from './results';

async function run(): Promise<void> {
  await build();
  const sizes = (process.env.BENCH_ORDERS ?? '1000,10000').split(',').map(Number);
  const pushes = [];
  for (const n of sizes) {
    console.log(`order push: ${n} orders…`);
    pushes.push(await benchOrderPush(n));
  }
  const large = await benchLargeOrder(500);
  console.log('sandbox itself: 10,000 sales orders created, approved (user event), fulfilled…');
  const sandbox = await sandboxBench(10000);

  const largest = pushes[pushes.length - 1];
  printTable(
    pushes.map((p) => ({
      flow: 'orderPush',
      orders: p.items,
      'units/order': p.unitsPerItem,
      'max units': String(p.maxUnitsPerOrder),
      floor: p.floorUnitsPerItem,
      ratio: p.ratio,
      'API calls/order': p.apiCallsPerItem,
      'wall ms': p.wallMs,
      'peak RSS MB': p.peakRssMb,
    })),
  );
  console.log('\nwhere an order push spends its units (per order):');
  for (const [call, units] of Object.entries(largest.unitsByCall as Record<string, number>)) console.log(`  ${String(units).padStart(6)}  ${call}`);
  console.log(`\n500-line order: ${large.units} units in the user event (limit ${large.limit})`);
  console.log(`sandbox: ${sandbox.count} orders in ${sandbox.seconds.toFixed(2)} s (${sandbox.perOrderMs.toFixed(3)} ms/order), peak RSS ${sandbox.peakRssMb} MB`);

  writeResults({
    orderPush: { ...largest, runs: pushes, largeOrder: large },
    sandbox: { items: sandbox.count, wallMs: Math.round(sandbox.seconds * 1000), peakRssMb: sandbox.peakRssMb },
  });
  console.log('\nwrote bench/results.json');
}

run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
