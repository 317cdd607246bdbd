/**
 * Benchmark of the NetSuite sandbox itself: create, approve (firing a deployed user event) and
 * fulfil by transform N sales orders, with interleaving on: at 5% of the user event's governed
 * calls another user edits an earlier order (its own user event runs nested). Uses a fixture
 * project it writes to a temp folder.
 *   npx tsx bench/sandbox-bench.ts [count]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox } from '../sandbox/src/index';
import type { Database } from '../sandbox/src/data/database';

const UE_XML = `<usereventscript scriptid="customscript_bench_ue">
  <name>Bench approval user event</name>
  <scriptfile>[/SuiteScripts/bench/ue_approve.js]</scriptfile>
  <scriptdeployments>
    <scriptdeployment scriptid="customdeploy_bench_ue">
      <isdeployed>T</isdeployed>
      <loglevel>AUDIT</loglevel>
      <recordtype>SALESORDER</recordtype>
      <status>RELEASED</status>
    </scriptdeployment>
  </scriptdeployments>
</usereventscript>`;

const UE_JS = `/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['N/log', 'N/search'], (log, search) => ({
  afterSubmit(ctx) {
    // One governed call per save: where other work may interleave.
    search.lookupFields({ type: 'customer', id: ctx.newRecord.getValue({ fieldId: 'entity' }), columns: ['entityid'] });
    const before = ctx.oldRecord ? ctx.oldRecord.getValue({ fieldId: 'orderstatus' }) : null;
    const after = ctx.newRecord.getValue({ fieldId: 'orderstatus' });
    const approved = ctx.type === ctx.UserEventType.APPROVE || (before === 'A' && after === 'B') || (ctx.type === ctx.UserEventType.CREATE && after === 'B');
    if (approved) log.audit({ title: 'approved', details: String(ctx.newRecord.id) });
  },
}));
`;

function writeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-bench-'));
  fs.mkdirSync(path.join(dir, 'src', 'Objects'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src', 'FileCabinet', 'SuiteScripts', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'Objects', 'customscript_bench_ue.xml'), UE_XML);
  fs.writeFileSync(path.join(dir, 'src', 'FileCabinet', 'SuiteScripts', 'bench', 'ue_approve.js'), UE_JS);
  return dir;
}

export async function main(count: number): Promise<{ count: number; seconds: number; perOrderMs: number; peakRssMb: number; interleavings: number }> {
  const projectDir = writeProject();
  try {
    const sb = Sandbox.load({ projectDir });
    const db = sb.data.db as Database;
    const location = db.seed('location', { name: 'Bench DC' });
    const customer = db.seed('customer', { fields: { entityid: 'BENCH', companyname: 'Bench Co' } });
    const item = db.seed('inventoryitem', { itemid: 'BENCH-1', displayname: 'Bench Widget' });
    db.seedInventory(item, location, count * 2);
    let peak = process.memoryUsage().rss;
    let approved = 0;
    const orders: number[] = [];
    let edits = 0;
    sb.concurrency.interleave({ probability: 0.05 });
    sb.concurrency.actor('user edits an earlier order', () => {
      edits += 1;
      sb.record.submitFields({ type: 'salesorder', id: orders[(edits * 7919) % orders.length], values: { memo: `edit ${edits}` } });
    }, { ready: () => orders.length > 0 });
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const so = sb.record.create({ type: 'salesorder' });
      so.setValue({ fieldId: 'entity', value: customer });
      so.setValue({ fieldId: 'location', value: location });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
      const id = so.save();
      orders.push(id);
      const approve = sb.record.load({ type: 'salesorder', id });
      approve.setValue({ fieldId: 'orderstatus', value: 'B' });
      approve.save();
      sb.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
      if (i % 500 === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        approved += sb.logs.query({ title: 'approved' }).length;
        sb.logs.clear(); // keep the log from dominating memory; approvals are counted per batch
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    approved += sb.logs.query({ title: 'approved' }).length;
    if (approved !== count) throw new Error(`expected the user event to see ${count} approvals, saw ${approved}`);
    const maxRssKb = process.resourceUsage().maxRSS;
    peak = Math.max(peak, process.memoryUsage().rss, maxRssKb * 1024);
    return { count, seconds, perOrderMs: (seconds * 1000) / count, peakRssMb: peak / 1024 / 1024, interleavings: sb.concurrency.trace.length };
  } finally {
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10000);
  main(count)
    .then((r) => console.log(`sandbox bench: ${r.count} sales orders created, approved (user event fired) and fulfilled in ${r.seconds.toFixed(2)} s (${r.perOrderMs.toFixed(3)} ms/order, ${r.interleavings} interleaved user edits), peak RSS ${r.peakRssMb.toFixed(0)} MB`))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
