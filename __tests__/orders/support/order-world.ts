/**
 * An end-to-end world for the order handoff: the built bundle in the NetSuite sandbox, the Scend
 * simulator in a child process (default non-unique ClientReference mode). Build first.
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
import type { Order } from '../../../src/ts/scend/contract';


export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SECRET_ID = 'custsecret_scend_api_key';

type Seeder = { seed(type: string, values: Record<string, unknown>): number };

export interface OrderWorld {
  sb: Sandbox;
  sim: SimulatorProcess;
  location: number;
  customer: number;
  item(name: string, opts?: { type?: string; inScend?: boolean; members?: Array<[number, number]> }): number;
  scendOrders(clientReference?: string): Promise<Order[]>;
  close(): Promise<void>;
}

function dataLayer(kernel: Kernel): Record<string, unknown> {
  const db = new Database(kernel);
  return { db, 'N/record': createRecordModule(kernel, db), 'N/search': createSearchModule(kernel, db) };
}

export async function startOrderWorld(options: { seed?: number; unreachablePolicy?: 'refuse' | 'allowAndFlag' } = {}): Promise<OrderWorld> {
  for (const s of [SCRIPTS.orderUserEvent, SCRIPTS.orderBacklog]) {
    const file = path.join(ROOT, 'src', 'FileCabinet', s.file.replace(/^\//, ''));
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx tsx tools/build/build.ts\` first`);
  }
  const sim = await startSimulatorProcess({ catalogue: 'empty', rateLimitPerMinute: 0, warehouses: ['UK1'] });
  try {
    const sb = Sandbox.load({ projectDir: ROOT, seed: options.seed ?? 1, dataLayer, now: new Date() });
    sb.secrets.register(SECRET_ID, sim.apiKey, { allowedDomains: ['127.0.0.1'] });
    const db = sb.data.db as Seeder;
    const location = db.seed('location', { name: 'UK Warehouse' });
    const cfg = RECORDS.config.fields;
    db.seed(RECORDS.config.id, { [cfg.active]: true, [cfg.baseUrl]: sim.url, [cfg.secretId]: SECRET_ID, [cfg.defaultCourierService]: 'STANDARD' });
    const lm = RECORDS.locationMap.fields;
    db.seed(RECORDS.locationMap.id, { [lm.location]: location, [lm.warehouse]: 'UK1' });
    const customer = db.seed('customer', { entityid: 'Ada Lovelace', companyname: 'Ada Lovelace' });
    const world: OrderWorld = {
      sb,
      sim,
      location,
      customer,
      item(name, opts = {}) {
        const type = opts.type ?? 'inventoryitem';
        const inScend = opts.inScend ?? type === 'inventoryitem';
        const fields: Record<string, unknown> = { itemid: name };
        // The custitem_scend_* fields apply to inventory, assembly and kit items only.
        if (type === 'inventoryitem' || type === 'kititem') fields[ITEM_FIELDS.skuAligned] = inScend;
        if (inScend) fields[ITEM_FIELDS.scendSku] = name;
        const id = opts.members
          ? db.seed(type, { fields, sublists: { member: opts.members.map(([item, quantity]) => ({ item, quantity })) } })
          : db.seed(type, fields);
        return id;
      },
      async scendOrders(clientReference) {
        const q = clientReference ? `&clientReference=${encodeURIComponent(clientReference)}` : '';
        const res = await fetch(`${sim.url}/v1/orders?page=1&pageSize=500${q}`, { headers: { 'X-Api-Key': sim.apiKey } });
        return ((await res.json()) as { Items: Order[] }).Items;
      },
      close: () => sim.close(),
    };
    return world;
  } catch (e) {
    await sim.close();
    throw e;
  }
}

export interface OrderInput {
  lines: Array<{ item: number; quantity: number; location?: number }>;
  status?: 'A' | 'B';
  address?: Record<string, string> | null;
  externalid?: string;
}

export const GOOD_ADDRESS = { addressee: 'Ada Lovelace', addr1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country: 'GB' };

/** Creates a sales order as a UI user (user events fire). */
export function createOrder(w: OrderWorld, input: OrderInput): string {
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: w.customer });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: input.status ?? 'A' });
  if (input.externalid) rec.setValue({ fieldId: 'externalid', value: input.externalid });
  const address = input.address === undefined ? GOOD_ADDRESS : input.address;
  if (address) {
    const sub = rec.getSubrecord({ fieldId: 'shippingaddress' });
    for (const [fieldId, value] of Object.entries(address)) sub.setValue({ fieldId, value });
  }
  input.lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    if (l.location) rec.setSublistValue({ sublistId: 'item', fieldId: 'location', line: i, value: l.location });
  });
  return String(rec.save());
}

export function approve(w: OrderWorld, id: string): void {
  const rec = w.sb.record.load({ type: 'salesorder', id });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  rec.save();
}

export function ledger(w: OrderWorld, orderId: string): Record<string, unknown> | undefined {
  const F = RECORDS.sync.fields;
  const rows = w.sb.search
    .create({ type: RECORDS.sync.id, filters: [[F.transaction, 'anyof', orderId]], columns: [F.state, F.scendId, F.attempts, F.scendStatus] })
    .run()
    .getRange({ start: 0, end: 10 }) as Array<{ getValue(o: { name: string }): unknown; getText(o: { name: string }): string }>;
  if (rows.length === 0) return undefined;
  const r = rows[0];
  return { state: r.getText({ name: F.state }), scendId: r.getValue({ name: F.scendId }), attempts: Number(r.getValue({ name: F.attempts })), scendStatus: r.getValue({ name: F.scendStatus }) };
}

export function openExceptions(w: OrderWorld): Array<{ type: string; owner: string; dedupeKey: string; message: string }> {
  const F = RECORDS.exception.fields;
  const rows = w.sb.search
    .create({ type: RECORDS.exception.id, filters: [], columns: [F.type, F.ownerTeam, F.status, F.dedupeKey, F.message] })
    .run()
    .getRange({ start: 0, end: 1000 }) as Array<{ getValue(o: { name: string }): unknown; getText(o: { name: string }): string }>;
  return rows
    .filter((r) => /open/i.test(r.getText({ name: F.status })))
    .map((r) => ({ type: r.getText({ name: F.type }), owner: r.getText({ name: F.ownerTeam }), dedupeKey: String(r.getValue({ name: F.dedupeKey })), message: String(r.getValue({ name: F.message })) }));
}

/**
 * Moves an order's next attempt into the past: "the backoff has elapsed". A day back, because the
 * sandbox currently formats search datetimes in UTC but parses them as America/Los_Angeles.
 */
export function makeDue(w: OrderWorld, orderId: string): void {
  const F = RECORDS.sync.fields;
  const rows = w.sb.search.create({ type: RECORDS.sync.id, filters: [[F.transaction, 'anyof', orderId]], columns: [F.state] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string }>;
  w.sb.record.submitFields({ type: RECORDS.sync.id, id: rows[0].id, values: { [F.nextAttemptAt]: new Date(Date.now() - 24 * 3600_000) } });
}

type Buttons = { approveSalesOrder(id: string): number; cancelSalesOrder(id: string): number };

/** The Approve button (user events see type 'approve'). */
export function approveButton(w: OrderWorld, id: string): void {
  (w.sb.data.db as Buttons).approveSalesOrder(id);
}

/** The Cancel Order button (user events see type 'cancel'); throws when a user event refuses. */
export function cancelButton(w: OrderWorld, id: string): void {
  (w.sb.data.db as Buttons).cancelSalesOrder(id);
}

export function orderStatus(w: OrderWorld, id: string): string {
  return String(w.sb.record.load({ type: 'salesorder', id }).getValue({ fieldId: 'orderstatus' }));
}
