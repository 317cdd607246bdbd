/** The shape every benchmark entry in bench/results.json shares (one entry per flow). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FlowResult {
  /** Governance units spent per item (order, item, despatch…) on the measured path. */
  unitsPerItem: number;
  /** The least a correct implementation could spend per item (the calls it cannot avoid). */
  floorUnitsPerItem: number;
  /** unitsPerItem / floorUnitsPerItem. */
  ratio: number;
  apiCallsPerItem: number;
  items: number;
  wallMs: number;
  peakRssMb: number;
  [extra: string]: unknown;
}

export const RESULTS_FILE = path.join(__dirname, 'results.json');

export function writeResults(entries: Record<string, unknown>): void {
  const existing = fs.existsSync(RESULTS_FILE) ? (JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...existing, ...entries }, null, 2)}\n`);
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

export function printTable(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}
