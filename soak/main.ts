/**
 * `npm run soak`: the chaos soak from the command line. Options (argv, or env):
 *   --orders N      (SOAK_ORDERS, default 5000)
 *   --fault-rate R  (SOAK_FAULT_RATE, default 0.1)
 *   --seed S        (SOAK_SEED, default 1; several run one after another: --seed 1,2,3)
 *   --json          (also print the whole report as JSON)
 * Builds the bundle first. Exits non-zero, printing the seed and the command to reproduce, when any
 * invariant fails.
 */
import { build } from '../tools/build/build';
import { printReport, reproduceCommand } from './report';
import { runSoak } from './soak';

function arg(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  return process.env[env] ?? fallback;
}

async function main(): Promise<void> {
  const orders = Number(arg('orders', 'SOAK_ORDERS', '5000'));
  const faultRate = Number(arg('fault-rate', 'SOAK_FAULT_RATE', '0.1'));
  const seeds = arg('seed', 'SOAK_SEED', '1').split(',').map(Number);
  if (!Number.isInteger(orders) || orders <= 0 || !(faultRate >= 0 && faultRate <= 1) || seeds.some((s) => !Number.isInteger(s))) {
    throw new Error('usage: npm run soak -- [--orders N] [--fault-rate 0..1] [--seed S[,S…]] [--json]');
  }
  console.log('Building the SuiteScript bundle…');
  await build();
  const failed: string[] = [];
  for (const seed of seeds) {
    console.log(`Soak: ${orders} orders, ${faultRate * 100}% faults, seed ${seed}`);
    let r;
    try {
      r = await runSoak({ orders, faultRate, seed, log: (l) => console.log(l) });
    } catch (e) {
      // The soak itself broke (an error escaped the world): as much a failure as a broken invariant.
      console.error((e as Error).stack ?? String(e));
      failed.push(reproduceCommand({ options: { orders, faultRate, seed } }));
      continue;
    }
    printReport(r);
    if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
    if (!r.ok) failed.push(reproduceCommand(r));
  }
  if (failed.length) {
    console.error(`Soak FAILED. Reproduce with:\n${failed.map((c) => `  ${c}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
