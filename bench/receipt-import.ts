/**
 * The receipt-import benchmark: governance units and Scend API calls per imported receipt, wall
 * time and peak memory, in the sandbox against the simulator. Purchase orders are approved (the
 * user event sends each ASN), Scend receives every ASN in full (one receipt of 1..3 lines each, at
 * most 32 units), then the receipt import map/reduce runs until the feed is read to the end. The
 * measured units are the whole import (getInputData's feed pages and batch lookups, every map key,
 * summarize) divided by the receipts imported.
 *
 * The contract's rate limit is off here: the setup sends one ASN per purchase order, which at
 * 120/min would only stretch the simulated clock; the import itself makes one call per 500
 * receipts and never comes near the limit.
 */
import { startConnectorWorld } from '../harness/connector-world';
import { ITEM_FIELDS, SCRIPTS } from '../src/ts/ids';
import { peakRssMb, type FlowResult } from './results';

/** The transform (10) and the save (20) of the item receipt; its externalid does the dedupe. */
export const RECEIPT_IMPORT_FLOOR_UNITS = 30;

type Usage = { scriptId: string; entryPoint: string; units: number; charges: Array<{ units: number; what: string }> };

export async function benchReceiptImport(count: number): Promise<FlowResult> {
  const w = await startConnectorWorld({ rateLimitPerMinute: 0, seed: 5 });
  try {
    const vendor = w.db.seed('vendor', { companyname: 'Bench Supplies', entityid: 'Bench Supplies' });
    const items: number[] = [];
    for (let i = 0; i < 20; i++) {
      const sku = `BENCH-${i}`;
      const id = w.db.seed('inventoryitem', { itemid: sku, [ITEM_FIELDS.scendSku]: sku, [ITEM_FIELDS.skuAligned]: true });
      await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 1 });
      items.push(id);
    }
    // Approved purchase orders: the user event sends one ASN each.
    for (let n = 0; n < count; n++) {
      const rec = w.sb.record.create({ type: 'purchaseorder' });
      rec.setValue({ fieldId: 'entity', value: vendor });
      rec.setValue({ fieldId: 'location', value: w.location });
      rec.setValue({ fieldId: 'orderstatus', value: 'B' });
      const lines = 1 + (n % 3);
      for (let l = 0; l < lines; l++) {
        rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: l, value: items[(n + l) % items.length] });
        rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: l, value: 1 + ((n + l) % 7) });
        rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: l, value: 4 });
      }
      rec.save();
    }
    await w.sim.control.clearRequests();
    // Scend receives every ASN in full (ids are sequential in the simulator).
    for (let n = 1; n <= count; n++) await w.sim.control.receiveAsn(`ASN-${String(n).padStart(6, '0')}`, { Mode: 'full' });
    await w.sim.control.clearRequests();

    const usageBefore = w.sb.usage.entries.length;
    const t0 = Date.now();
    let runs = 0;
    for (;;) {
      const run = await w.sb.runMapReduce(SCRIPTS.receiptImport.deployments.main);
      runs++;
      const keys = run.map.keys.length;
      if (keys <= 1 || runs > 50) break; // only the position key: the feed is read to the end
    }
    const wallMs = Date.now() - t0;
    const apiCalls = ((await w.sim.control.requests()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/v1/')).length;
    const usage = (w.sb.usage.entries.slice(usageBefore) as Usage[]).filter((u) => u.scriptId === SCRIPTS.receiptImport.id);
    const units = usage.reduce((s, u) => s + u.units, 0);
    const maps = usage.filter((u) => u.entryPoint === 'map' && u.units > 0);
    const byCall: Record<string, number> = {};
    for (const u of usage) for (const c of u.charges) byCall[c.what] = (byCall[c.what] ?? 0) + c.units;
    const unitsByCall = Object.fromEntries(Object.entries(byCall).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / count)]));
    const unitsPerItem = units / count;
    return {
      unitsPerItem: round(unitsPerItem),
      floorUnitsPerItem: RECEIPT_IMPORT_FLOOR_UNITS,
      ratio: round(unitsPerItem / RECEIPT_IMPORT_FLOOR_UNITS),
      apiCallsPerItem: Math.round((apiCalls / count) * 10000) / 10000,
      items: count,
      wallMs,
      peakRssMb: peakRssMb(),
      runs,
      maxUnitsPerReceipt: Math.max(...maps.map((m) => m.units)),
      maxUnitsGetInputData: Math.max(0, ...usage.filter((u) => u.entryPoint === 'getInputData').map((u) => u.units)),
      unitsByCall,
    };
  } finally {
    await w.close();
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

if (require.main === module) {
  const sizes = (process.argv[2] ?? '1000').split(',').map(Number);
  (async () => {
    for (const n of sizes) console.log(JSON.stringify(await benchReceiptImport(n), null, 2));
  })().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  });
}
