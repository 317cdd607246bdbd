/**
 * The trading week's world: the proving ground with a brand of a few hundred SKUs created as a
 * NetSuite user (the item user event puts each physical product into Scend, paced under Scend's
 * rate limit), opening stock counted the same in both systems (lots and serials included), a
 * vendor for purchase orders and the brand's customers.
 */
import { BRAND_CONFIG, createBrandItem, seedShipMethods } from '../harness/brand-setup';
import { startConnectorWorld } from '../harness/connector-world';
import { RECORDS } from '../src/ts/ids';
import { customers as brandCustomers, type WeekItemSpec } from './brand';
import type { BrandWorld } from './world';
import { WAREHOUSE } from './world';

const PLAIN_STOCK = 2_000;
const LOT_QTY_PER_DAY = 80;

export interface WeekWorld extends BrandWorld {
  catalogue: WeekItemSpec[];
  vendor: number;
  adjustmentAccount: number;
}

const STOCKED = new Set(['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem']);
export const isStocked = (spec: WeekItemSpec): boolean => STOCKED.has(spec.type);
export const isPhysical = (spec: WeekItemSpec): boolean => STOCKED.has(spec.type) || spec.type === 'kititem';

/** Scend names a lot by the product and the order's date (the simulator's rule): the brand's lots are named so too. */
export const lotName = (itemId: number, day: Date): string => `LOT-${itemId}-${day.toISOString().slice(0, 10).replace(/-/g, '')}`;
export const serialName = (n: number): string => `SN${String(n).padStart(8, '0')}`;

export interface WeekWorldOptions {
  seed: number;
  start: Date;
  days: number;
  catalogue: WeekItemSpec[];
  customers: number;
  /** Serial numbers on hand per serialized item (Scend numbers serials across all items: 1..n). */
  serials: number;
  onItem?: (done: number, total: number) => void;
}

export async function startWeekWorld(o: WeekWorldOptions): Promise<WeekWorld> {
  const world = await startConnectorWorld({
    seed: o.seed,
    now: o.start,
    warehouse: WAREHOUSE,
    config: BRAND_CONFIG,
  });
  try {
    const { sb, sim, db } = world;
    const showroom = db.seed('location', { name: 'London showroom' });
    const { standard, express } = seedShipMethods(db);
    const adjustmentAccount = db.seed('account', { acctname: 'Opening stock', accttype: 'Expense' });
    const vendor = db.seed('vendor', { companyname: 'Fellside Mills', entityid: 'Fellside Mills' });

    // The catalogue, created as a NetSuite user: the item user event upserts each product in Scend.
    // The clock moves between saves as a person's would, so the pushes stay under 120 requests a minute.
    const items: Record<string, number> = {};
    o.catalogue.forEach((spec, i) => {
      sb.clock.advance(700);
      items[spec.key] = createBrandItem(sb, spec, items);
      o.onItem?.(i + 1, o.catalogue.length);
    });

    // Opening stock, the same count in both books. NetSuite: plain items straight in, lots and
    // serials by an adjustment with inventory detail (a lot per trading day, Scend's lot names).
    const days = Array.from({ length: o.days + 1 }, (_, d) => new Date(o.start.getTime() + d * 86_400_000));
    for (const spec of o.catalogue.filter(isStocked)) {
      const id = items[spec.key];
      let onHand = PLAIN_STOCK;
      if (spec.type === 'inventoryitem') db.seedInventory(id, world.location, PLAIN_STOCK);
      else {
        const numbers: Array<[string, number]> =
          spec.type === 'lotnumberedinventoryitem' ? days.map((d) => [lotName(id, d), LOT_QTY_PER_DAY]) : Array.from({ length: o.serials }, (_, n) => [serialName(n + 1), 1]);
        onHand = numbers.reduce((n, [, q]) => n + q, 0);
        adjustIn(world.sb, adjustmentAccount, world.location, id, numbers);
      }
      await sim.control.setStock({ Sku: spec.itemid, Warehouse: WAREHOUSE, OnHand: onHand });
    }
    // The counts above are Scend's opening stock movements: the brand goes live after them, so the
    // movement feed's position starts at its end (as an admin sets it at go-live).
    await startFeedAtEnd(world, 'stock-movements', '/stock-movements');

    const customers: BrandWorld['customers'] = {};
    for (const spec of brandCustomers(o.customers, o.seed)) {
      customers[spec.key] = { id: db.seed('customer', { entityid: spec.companyname, companyname: spec.companyname, email: spec.email }), spec };
    }
    return {
      ...world,
      locations: { warehouse: world.location, showroom },
      shipMethods: { standard, express },
      items,
      customers,
      rates: Object.fromEntries(o.catalogue.map((c) => [c.key, c.rate])),
      catalogue: o.catalogue,
      vendor,
      adjustmentAccount,
    };
  } catch (e) {
    await world.close();
    throw e;
  }
}

function adjustIn(sb: BrandWorld['sb'], account: number, location: number, item: number, numbers: Array<[string, number]>): void {
  const adj = sb.record.create({ type: 'inventoryadjustment' });
  adj.setValue({ fieldId: 'account', value: account });
  adj.setValue({ fieldId: 'adjlocation', value: location });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: item });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line: 0, value: location });
  adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: numbers.reduce((n, [, q]) => n + q, 0) });
  const detail = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line: 0 });
  numbers.forEach(([text, quantity], i) => {
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: i, value: text });
    detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: i, value: quantity });
  });
  adj.save();
}

async function startFeedAtEnd(w: Pick<BrandWorld, 'scend' | 'db'>, feed: string, path: string): Promise<void> {
  let cursor: string | undefined;
  for (;;) {
    const page = await w.scend<{ Items: unknown[]; NextCursor?: string; HasMore: boolean }>(`${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    cursor = page.NextCursor ?? cursor;
    if (!page.HasMore) break;
  }
  const F = RECORDS.feedCursor.fields;
  if (cursor) w.db.seed(RECORDS.feedCursor.id, { externalid: `feed:${feed}`, [F.feed]: feed, [F.cursor]: cursor });
}

