/**
 * Benchmark of N/query in the sandbox: seeds N sales orders (2 lines each) and times a SuiteQL join
 * of transaction, transactionline and item — first query (tables built), a repeat (cached) and one
 * after a single save (transaction tables rebuilt).
 *   npx tsx bench/suiteql-bench.ts [count]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox, sqlEngineReady } from '../sandbox/src/index';
import type { Database } from '../sandbox/src/data/database';

const JOIN = `SELECT t.tranid, BUILTIN.DF(t.entity) AS customer, i.itemid, SUM(-tl.quantity) AS qty, SUM(-tl.netamount) AS amount
  FROM transaction t
  JOIN transactionline tl ON tl.transaction = t.id AND tl.mainline = 'F'
  JOIN item i ON i.id = tl.item
  WHERE t.type = 'SalesOrd' AND t.status = ?
  GROUP BY t.tranid, BUILTIN.DF(t.entity), i.itemid`;

export async function main(count: number): Promise<Record<string, number>> {
  await sqlEngineReady;
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'suiteql-bench-'));
  fs.mkdirSync(path.join(projectDir, 'src', 'Objects'), { recursive: true });
  fs.mkdirSync(path.join(projectDir, 'src', 'FileCabinet'), { recursive: true });
  try {
    const sb = Sandbox.load({ projectDir });
    const db = sb.data.db as Database;
    const location = db.seed('location', { name: 'Bench DC' });
    const customer = db.seed('customer', { fields: { entityid: 'BENCH', companyname: 'Bench Co' } });
    const a = db.seed('inventoryitem', { itemid: 'BENCH-A' });
    const b = db.seed('inventoryitem', { itemid: 'BENCH-B' });
    for (let i = 0; i < count; i++) {
      db.seed('salesorder', { fields: { entity: customer, location, orderstatus: 'A' }, sublists: { item: [{ item: a, quantity: 2, rate: 5 }, { item: b, quantity: 1, rate: 3 }] } });
    }
    const query = sb.module<{ runSuiteQLPaged(o: unknown): { count: number } }>('N/query');
    const time = (): [number, number] => {
      const t0 = process.hrtime.bigint();
      const n = query.runSuiteQLPaged({ query: JOIN, params: ['A'], pageSize: 1000 }).count;
      return [Number(process.hrtime.bigint() - t0) / 1e6, n];
    };
    const [firstMs, rows] = time();
    const [cachedMs] = time();
    db.seed('salesorder', { fields: { entity: customer, location, orderstatus: 'A' }, sublists: { item: [{ item: a, quantity: 1 }] } });
    const [afterSaveMs] = time();
    return { count, rows, firstMs: Math.round(firstMs), cachedMs: Math.round(cachedMs), afterSaveMs: Math.round(afterSaveMs) };
  } finally {
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 10000)).then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exitCode = 1; });
}
