/**
 * The proving ground assembled for the demo and the benchmarks: the built bundle in the NetSuite
 * sandbox, the Scend simulator in a child process (so the sandbox's synchronous https can reach
 * it), the connector configured as an admin would, and the seeded brand's catalogue created as a
 * NetSuite user (so the item user event pushes every product to Scend).
 */
import { BRAND_CONFIG, createBrandItem, seedShipMethods } from '../harness/brand-setup';
import { startConnectorWorld, type ConnectorWorld } from '../harness/connector-world';
import { CATALOGUE, customers as brandCustomers, type CustomerSpec, type OrderSpec } from './brand';

export const WAREHOUSE = 'UK1';
const OPENING_STOCK = 100_000;

export interface BrandWorld extends ConnectorWorld {
  /** The Scend-run warehouse and a showroom Scend never ships from. */
  locations: { warehouse: number; showroom: number };
  shipMethods: { standard: number; express: number };
  items: Record<string, number>;
  customers: Record<string, { id: number; spec: CustomerSpec }>;
  /** Unit price by item key (the demo's week catalogue brings its own). */
  rates?: Record<string, number>;
}

export async function startBrandWorld(options: { seed?: number; customers?: number; now?: Date } = {}): Promise<BrandWorld> {
  const seed = options.seed ?? 1;
  const world = await startConnectorWorld({
    seed,
    now: options.now ?? new Date('2026-11-02T08:00:00Z'),
    warehouse: WAREHOUSE,
    config: BRAND_CONFIG,
  });
  try {
    const { sb, sim, db } = world;
    const showroom = db.seed('location', { name: 'London showroom' });
    const { standard, express } = seedShipMethods(db);

    // The catalogue, created as a NetSuite user: the item user event upserts each product in Scend.
    const items: Record<string, number> = {};
    for (const spec of CATALOGUE) {
      items[spec.key] = createBrandItem(sb, spec, items);
      if (spec.type === 'inventoryitem') {
        db.seedInventory(items[spec.key], world.location, OPENING_STOCK);
        await sim.control.setStock({ Sku: spec.itemid, Warehouse: WAREHOUSE, OnHand: OPENING_STOCK });
      }
    }

    const customers: BrandWorld['customers'] = {};
    for (const spec of brandCustomers(options.customers ?? 50, seed)) {
      customers[spec.key] = { id: db.seed('customer', { entityid: spec.companyname, companyname: spec.companyname, email: spec.email }), spec };
    }
    return { ...world, locations: { warehouse: world.location, showroom }, shipMethods: { standard, express }, items, customers };
  } catch (e) {
    await world.close();
    throw e;
  }
}

const RATES: Record<string, number> = Object.fromEntries(CATALOGUE.map((c) => [c.key, c.rate]));

/** Enters a sales order as a NetSuite user would (user events fire). Returns its internal id. */
export function enterOrder(w: BrandWorld, spec: OrderSpec, status: 'A' | 'B' = 'A'): string {
  const customer = w.customers[spec.customerKey];
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: customer.id });
  rec.setValue({ fieldId: 'location', value: w.locations.warehouse });
  rec.setValue({ fieldId: 'orderstatus', value: status });
  rec.setValue({ fieldId: 'shipmethod', value: spec.shipMethod === 'express' ? w.shipMethods.express : w.shipMethods.standard });
  if (spec.externalId) rec.setValue({ fieldId: 'externalid', value: spec.externalId });
  if (customer.spec.address) {
    const address = rec.getSubrecord({ fieldId: 'shippingaddress' });
    for (const [fieldId, value] of Object.entries(customer.spec.address)) address.setValue({ fieldId, value });
  }
  spec.lines.forEach((l, line) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: w.items[l.itemKey] });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: (w.rates ?? RATES)[l.itemKey] });
  });
  return String(rec.save());
}
