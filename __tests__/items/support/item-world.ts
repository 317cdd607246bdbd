/**
 * An end-to-end world for the item master: the built bundle in the NetSuite sandbox, talking to
 * the Scend simulator in a child process over loopback. Build first: `npx tsx tools/build/build.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Database } from '../../../sandbox/src/data/database';
import { Sandbox } from '../../../sandbox/src/index';
import type { Kernel } from '../../../sandbox/src/kernel/kernel';
import { createRecordModule } from '../../../sandbox/src/modules/record';
import { createSearchModule } from '../../../sandbox/src/modules/search';
import { startSimulatorProcess, type SimulatorProcess } from '../../../scend-sim/src/index';
import { ITEM_FIELDS, RECORDS, SCRIPTS } from '../../../src/ts/ids';
import type { Product } from '../../../src/ts/scend/contract';


export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SECRET_ID = 'custsecret_scend_api_key';

export interface ItemWorld {
  sb: Sandbox;
  sim: SimulatorProcess;
  /** Scend's product by ExternalId, read over the public API (undefined on 404). */
  product(externalId: string): Promise<Product | undefined>;
  products(): Promise<Product[]>;
  close(): Promise<void>;
}

/** N/record and N/search on one database (the facade's default data layer may not expose N/search yet). */
function dataLayer(kernel: Kernel): Record<string, unknown> {
  const db = new Database(kernel);
  return { db, 'N/record': createRecordModule(kernel, db), 'N/search': createSearchModule(kernel, db) };
}

function assertBuilt(): void {
  for (const script of [SCRIPTS.itemSync, SCRIPTS.catalogueCheck]) {
    const file = path.join(ROOT, 'src', 'FileCabinet', script.file.replace(/^\//, ''));
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx tsx tools/build/build.ts\` first`);
  }
}

export async function startItemWorld(options: { seed?: number } = {}): Promise<ItemWorld> {
  assertBuilt();
  const sim = await startSimulatorProcess({ catalogue: 'empty', rateLimitPerMinute: 0 });
  try {
    const sb = Sandbox.load({ projectDir: ROOT, seed: options.seed ?? 1, dataLayer });
    sb.secrets.register(SECRET_ID, sim.apiKey, { allowedDomains: ['127.0.0.1'] });
    configure(sb, sim.url);
    const get = async (p: string) => fetch(`${sim.url}/v1${p}`, { headers: { 'X-Api-Key': sim.apiKey } });
    return {
      sb,
      sim,
      product: async (id) => {
        const res = await get(`/products/${encodeURIComponent(id)}`);
        if (res.status === 404) return undefined;
        return (await res.json()) as Product;
      },
      products: async () => {
        const res = await get('/products?page=1&pageSize=500');
        return ((await res.json()) as { Items: Product[] }).Items;
      },
      close: () => sim.close(),
    };
  } catch (e) {
    await sim.close();
    throw e;
  }
}

/** The connector's configuration records, as an admin would create them. */
function configure(sb: Sandbox, baseUrl: string): void {
  const db = sb.data.db as { seed(type: string, values: Record<string, unknown>): number };
  const location = db.seed('location', { name: 'UK Warehouse' });
  const cfg = RECORDS.config.fields;
  db.seed(RECORDS.config.id, { [cfg.active]: true, [cfg.baseUrl]: baseUrl, [cfg.secretId]: SECRET_ID });
  const lm = RECORDS.locationMap.fields;
  db.seed(RECORDS.locationMap.id, { [lm.location]: location, [lm.warehouse]: 'UK1' });
}

export interface NewItem {
  itemid: string;
  displayname?: string;
  upccode?: string;
  weight?: number;
  weightunit?: string;
}

/** Creates an inventory item through N/record as a UI user: user events fire. */
export function createItem(sb: Sandbox, values: NewItem, type = 'inventoryitem'): string {
  const rec = sb.record.create({ type });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  return String(rec.save());
}

export function editItem(sb: Sandbox, id: string, values: Record<string, unknown>, type = 'inventoryitem'): void {
  const rec = sb.record.load({ type, id });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  rec.save();
}

export function itemFlags(sb: Sandbox, id: string, type = 'inventoryitem'): { scendSku: string; aligned: boolean } {
  const rec = sb.record.load({ type, id });
  return { scendSku: String(rec.getValue({ fieldId: ITEM_FIELDS.scendSku }) ?? ''), aligned: rec.getValue({ fieldId: ITEM_FIELDS.skuAligned }) === true };
}

/** Open exceptions (type script id, dedupe key) straight from the sandbox database. */
export function openExceptions(sb: Sandbox): Array<{ dedupeKey: string; message: string; status: string }> {
  const F = RECORDS.exception.fields;
  const rows = sb.search
    .create({ type: RECORDS.exception.id, filters: [], columns: [F.dedupeKey, F.message, F.status] })
    .run()
    .getRange({ start: 0, end: 1000 }) as Array<{ getValue(o: { name: string }): unknown; getText(o: { name: string }): string }>;
  return rows
    .map((r) => ({ dedupeKey: String(r.getValue({ name: F.dedupeKey })), message: String(r.getValue({ name: F.message })), status: r.getText({ name: F.status }) }))
    .filter((r) => /open/i.test(r.status));
}
