/**
 * The work per hour one NetSuite account can sustain per flow, from the measured costs:
 * - NetSuite side: map/reduce keys run on N processors (a standard account has 2; SuiteCloud Plus
 *   adds more). Time per item is estimated from its governance units at BENCH_MS_PER_UNIT
 *   milliseconds per unit (default 25: a transaction save of 20 units ≈ 0.5 s, a load or an https
 *   call of 10 units ≈ 0.25–0.3 s, as NetSuite accounts commonly show) — an assumption, stated.
 * - Scend side: 120 requests a minute per API key (the contract), shared by every flow.
 * The smaller of the two bounds the flow when it runs alone.
 */
import type { FlowResult } from './results';

export interface Sustainable {
  flow: string;
  processors: number;
  governancePerHour: number;
  ratePerHour: number | 'unbounded';
  perHour: number;
  boundBy: 'processors' | 'Scend rate limit';
}

const SCEND_REQUESTS_PER_HOUR = 120 * 60;

export function sustainable(flows: Partial<Record<string, FlowResult>>, processorCounts = (process.env.BENCH_PROCESSORS ?? '2,10').split(',').map(Number)): Sustainable[] {
  const msPerUnit = Number(process.env.BENCH_MS_PER_UNIT ?? 25);
  const out: Sustainable[] = [];
  for (const [flow, r] of Object.entries(flows)) {
    if (!r) continue;
    for (const processors of processorCounts) {
      const secondsPerItem = (r.unitsPerItem * msPerUnit) / 1000;
      const governancePerHour = Math.floor((processors * 3600) / Math.max(secondsPerItem, 1e-6));
      const ratePerHour = r.apiCallsPerItem > 0 ? Math.floor(SCEND_REQUESTS_PER_HOUR / r.apiCallsPerItem) : 'unbounded';
      const perHour = ratePerHour === 'unbounded' ? governancePerHour : Math.min(governancePerHour, ratePerHour);
      out.push({ flow, processors, governancePerHour, ratePerHour, perHour, boundBy: perHour === governancePerHour ? 'processors' : 'Scend rate limit' });
    }
  }
  return out;
}
