/**
 * The soak's own small brand on the proving ground: a fixed catalogue (eight stocked SKUs, a kit,
 * a service, a digital product, a shipping charge and a discount), customers (every 25th without a
 * ship-to address), a vendor for purchase orders, and the connector configured as an admin would.
 * Kept apart from the demo's brand so the soak's figures do not move when the demo's catalogue does.
 */
import { BRAND_CONFIG, createBrandItem } from '../harness/brand-setup';
import { startConnectorWorld, type ConnectorWorld } from '../harness/connector-world';
import { Rng } from '../sandbox/src/runners/rng';
import { RECORDS, SCRIPTS } from '../src/ts/ids';

export const WAREHOUSE = 'UK1';
const OPENING_STOCK = 100_000;

export interface ItemSpec {
  key: string;
  type: 'inventoryitem' | 'kititem' | 'serviceitem' | 'downloaditem' | 'otherchargeitem' | 'discountitem';
  itemid: string;
  rate: number;
  weightKg?: number;
  members?: Array<{ key: string; quantity: number }>;
}

export const CATALOGUE: ItemSpec[] = [
  { key: 'tee-s', type: 'inventoryitem', itemid: 'TEE-BLK-S', weightKg: 0.2, rate: 18 },
  { key: 'tee-m', type: 'inventoryitem', itemid: 'TEE-BLK-M', weightKg: 0.22, rate: 18 },
  { key: 'tee-l', type: 'inventoryitem', itemid: 'TEE-BLK-L', weightKg: 0.24, rate: 18 },
  { key: 'hoodie', type: 'inventoryitem', itemid: 'HOOD-GRY-M', weightKg: 0.6, rate: 45 },
  { key: 'cap', type: 'inventoryitem', itemid: 'CAP-NVY', weightKg: 0.1, rate: 15 },
  { key: 'mug', type: 'inventoryitem', itemid: 'MUG-WHT', weightKg: 0.35, rate: 9 },
  { key: 'tote', type: 'inventoryitem', itemid: 'TOTE-NAT', weightKg: 0.15, rate: 12 },
  { key: 'socks', type: 'inventoryitem', itemid: 'SOCK-3PK', weightKg: 0.12, rate: 10 },
  { key: 'bundle', type: 'kititem', itemid: 'KIT-STARTER', members: [{ key: 'tee-m', quantity: 1 }, { key: 'mug', quantity: 1 }], rate: 24 },
  { key: 'giftwrap', type: 'serviceitem', itemid: 'SVC-GIFTWRAP', rate: 3 },
  { key: 'ebook', type: 'downloaditem', itemid: 'DL-LOOKBOOK', rate: 5 },
  { key: 'shipping', type: 'otherchargeitem', itemid: 'CHG-SHIPPING', rate: 4.95 },
  { key: 'promo', type: 'discountitem', itemid: 'DISC-WELCOME', rate: -5 },
];
export const STOCKED: ItemSpec[] = CATALOGUE.filter((c) => c.type === 'inventoryitem');
const RATES: Record<string, number> = Object.fromEntries(CATALOGUE.map((c) => [c.key, c.rate]));
const PHYSICAL = STOCKED.map((c) => c.key);

export interface SoakWorld extends ConnectorWorld {
  items: Record<string, number>;
  customers: Array<{ id: number; hasAddress: boolean }>;
  vendor: number;
  shipMethod: number;
}

export interface OrderSpec {
  customer: number;
  externalId: string | null;
  lines: Array<{ itemKey: string; quantity: number }>;
}

export async function startSoakWorld(options: { seed: number; customers: number; httpsTimeouts?: { connectTimeoutMs?: number; timeoutMs?: number } }): Promise<SoakWorld> {
  const world = await startConnectorWorld({
    seed: options.seed,
    now: new Date('2026-11-02T08:00:00Z'),
    warehouse: WAREHOUSE,
    httpsTimeouts: options.httpsTimeouts,
    config: BRAND_CONFIG,
  });
  try {
    const { sb, sim, db } = world;
    const shipMethod = db.seed('shipitem', { itemid: 'Royal Mail Tracked 48' });
    const sm = RECORDS.shipMethodMap.fields;
    db.seed(RECORDS.shipMethodMap.id, { [sm.shipMethod]: String(shipMethod), [sm.courierService]: 'RM-TRACKED-48', [sm.priorityDays]: 2 });
    // The catalogue, created as a NetSuite user: the item user event upserts each product in Scend.
    const items: Record<string, number> = {};
    for (const spec of CATALOGUE) {
      items[spec.key] = createBrandItem(sb, spec, items);
    }
    // The world's short timeout (see httpsTimeouts) can cut an upsert on a busy machine: save the
    // item again, as a user would, until Scend has every physical product.
    for (let attempt = 0; ; attempt++) {
      const inScend = new Set((await world.scendProducts()).map((p) => p.Sku));
      const missing = STOCKED.filter((c) => !inScend.has(c.itemid));
      if (missing.length === 0) break;
      if (attempt === 5) throw new Error(`Scend never got ${missing.map((m) => m.itemid).join(', ')}`);
      for (const spec of missing) sb.record.load({ type: spec.type, id: items[spec.key] }).save();
    }
    // Opening stock: the warehouse counts its shelves; the count reaches NetSuite through the movements feed.
    for (const spec of STOCKED) await sim.control.setStock({ Sku: spec.itemid, Warehouse: WAREHOUSE, OnHand: OPENING_STOCK });
    await sb.runMapReduce(SCRIPTS.stockMovements.deployments.main);
    for (const spec of STOCKED) {
      const onHand = db.stockLevel(items[spec.key], world.location).onHand;
      if (onHand !== OPENING_STOCK) throw new Error(`opening stock of ${spec.itemid} did not reach NetSuite (${onHand})`);
    }
    const customers = Array.from({ length: options.customers }, (_, i) => {
      // Every 25th customer has no usable ship-to address (a marketplace order imported without one).
      const hasAddress = i % 25 !== 24;
      const id = db.seed('customer', { entityid: `Customer ${i + 1}`, companyname: `Customer ${i + 1}`, email: `customer${i + 1}@example.com` });
      return { id, hasAddress };
    });
    const vendor = db.seed('vendor', { companyname: 'Fellside Supplies', entityid: 'Fellside Supplies' });
    return { ...world, items, customers, vendor, shipMethod };
  } catch (e) {
    await world.close();
    throw e;
  }
}

/** Orders: mostly physical, some with a kit, service, shipping charge or discount; every 40th digital only. */
export function orderSpecs(count: number, customers: number, seed: number): OrderSpec[] {
  const rng = new Rng((seed * 7919 + 11) >>> 0);
  const pick = <T>(xs: T[]): T => xs[rng.int(xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const lines: OrderSpec['lines'] = [];
    if (i % 40 === 39) lines.push({ itemKey: 'ebook', quantity: 1 });
    else {
      const n = 1 + rng.int(3);
      for (let l = 0; l < n; l++) lines.push({ itemKey: pick(PHYSICAL), quantity: 1 + rng.int(3) });
      if (rng.next() < 0.2) lines.push({ itemKey: 'bundle', quantity: 1 + rng.int(2) });
      if (rng.next() < 0.25) lines.push({ itemKey: 'giftwrap', quantity: 1 });
      if (rng.next() < 0.15) lines.push({ itemKey: 'ebook', quantity: 1 });
      lines.push({ itemKey: 'shipping', quantity: 1 });
      if (rng.next() < 0.1) lines.push({ itemKey: 'promo', quantity: 1 });
    }
    return { customer: i % customers, externalId: i % 3 === 0 ? `SHOP-${100000 + i}` : null, lines };
  });
}

/** Enters a sales order as a NetSuite user would (user events fire). Returns its internal id. */
export function enterOrder(w: SoakWorld, spec: OrderSpec, status: 'A' | 'B'): string {
  const customer = w.customers[spec.customer];
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: customer.id });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: status });
  rec.setValue({ fieldId: 'shipmethod', value: w.shipMethod });
  if (spec.externalId) rec.setValue({ fieldId: 'externalid', value: spec.externalId });
  if (customer.hasAddress) {
    const address = rec.getSubrecord({ fieldId: 'shippingaddress' });
    const n = spec.customer + 1;
    for (const [fieldId, value] of Object.entries({ addressee: `Customer ${n}`, addr1: `${n} High Street`, city: 'Leeds', zip: `AB${(n % 90) + 10} 1CD`, country: 'GB' })) address.setValue({ fieldId, value });
  }
  spec.lines.forEach((l, line) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: w.items[l.itemKey] });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: RATES[l.itemKey] });
  });
  return String(rec.save());
}

/** A purchase order for the Scend warehouse, approved as a buyer enters it (the ASN backlog sends it to Scend). */
export function enterPurchaseOrder(w: SoakWorld, lines: Array<{ itemKey: string; quantity: number }>): string {
  const rec = w.sb.record.create({ type: 'purchaseorder' });
  rec.setValue({ fieldId: 'entity', value: w.vendor });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  lines.forEach((l, line) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: w.items[l.itemKey] });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: 5 });
  });
  return String(rec.save());
}
