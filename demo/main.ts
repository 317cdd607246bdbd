/**
 * `npm start`: a trading week end to end. Builds the bundle, starts the Scend simulator and the
 * NetSuite sandbox, seeds a brand (a few hundred SKUs, customers, purchase orders) and runs a
 * compressed week through the deployed scripts with the warehouse moving by itself and the known
 * failure modes injected (demo/week.ts). Prints what happened, counted from the records
 * (demo/week-summary.ts), and writes the connector's pages (and screenshots where Chromium is
 * installed) to demo-output/.
 *
 * Options: --scale <n> (DEMO_SCALE, default 0.4), --seed <n> (DEMO_SEED, default 1),
 * --out <dir> (DEMO_OUT, default demo-output), --no-screenshots.
 */
import * as path from 'node:path';
import { build } from '../tools/build/build';
import { ROOT } from '../harness/connector-world';
import { pagesFor, writePages } from './pages';
import { printLine, Progress } from './progress';
import { runWeek } from './week';
import { formatSummary, summarize } from './week-summary';

export interface DemoArgs {
  scale: number;
  seed: number;
  out: string;
  screenshots: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DemoArgs {
  const flag = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  const scale = Number(flag('scale') ?? env.DEMO_SCALE ?? 0.4);
  const seed = Number(flag('seed') ?? env.DEMO_SEED ?? 1);
  if (!(scale > 0 && scale <= 10)) throw new RangeError(`--scale must be a number above 0 and at most 10 (got ${flag('scale') ?? env.DEMO_SCALE})`);
  if (!Number.isInteger(seed)) throw new RangeError(`--seed must be an integer (got ${flag('seed') ?? env.DEMO_SEED})`);
  return { scale, seed, out: path.resolve(ROOT, flag('out') ?? env.DEMO_OUT ?? 'demo-output'), screenshots: !argv.includes('--no-screenshots') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const step = (text: string) => printLine(`[${elapsed()}] ${text}`);

  step(`A trading week, scale ${args.scale}, seed ${args.seed}. Building the SuiteScript bundle…`);
  await build();
  step('Starting the Scend simulator (rate limit 120/min) and the NetSuite sandbox; creating the brand as a NetSuite user…');
  const { w, facts } = await runWeek({ scale: args.scale, seed: args.seed, progress: (label, total) => new Progress(label, total), log: (line) => step(line) });
  try {
    step('The week is over. Counting what happened from the records…');
    const summary = await summarize(w, facts);
    console.log(`\n${formatSummary(summary)}\n`);
    const month = w.sb.clock.now().toISOString().slice(0, 7);
    const { pages, screenshots } = await writePages(w.sb, args.out, pagesFor(month), { screenshots: args.screenshots });
    console.log(`Pages (${screenshots === 'Chromium' ? 'HTML and PNG screenshots from Chromium' : `HTML; screenshots: ${screenshots}`}):`);
    for (const p of pages) {
      if (p.skipped) console.log(`  ${p.spec.title}: skipped — ${p.skipped}`);
      else console.log(`  ${p.spec.title}: ${path.relative(process.cwd(), p.html!)}${p.png ? `  ${path.relative(process.cwd(), p.png)}` : ''}`);
    }
    step('Done.');
    if (summary.duplicateScendOrders > 0 || summary.fulfilmentsTwice > 0) throw new Error('a duplicate Scend order or fulfilment: see the summary');
  } finally {
    await w.close();
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  });
}
