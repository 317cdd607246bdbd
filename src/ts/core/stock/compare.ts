/**
 * The stock sync's decision, pure: Scend's snapshot against NetSuite's on-hand, per SKU and mapped
 * location, allowing for work in flight (see in-flight.ts). For each SKU-location, d = Scend OnHand
 * - NetSuite on hand:
 * - d = 0: `match`;
 * - the SKU has feed items NetSuite has not imported yet (any time, before or after the snapshot):
 *   `timing` when those booked up to the snapshot's AsOf explain d exactly (per location, or summed
 *   over the SKU's locations for feeds that name no warehouse), else `inFlight`. Neither moves the
 *   ledger: the next run compares again once the imports have caught up;
 * - a feed could not be read to its end (NetSuite's imports are behind): `inFlight`, too;
 * - otherwise d is a variance: lot/serial items `numbered` (no numbers to adjust with: finance),
 *   |d| <= tolerance `adjust` (adjustment line of d), else `drift` (an exception for finance).
 * Scend SKUs NetSuite does not know are `unknownItem` (the catalogue check owns them).
 */
import type { PendingMove, StockFeed } from './in-flight';

export interface ScendStockRow {
  sku: string;
  /** Scend's ExternalId: the NetSuite item internal id. */
  externalId: string;
  warehouse: string;
  onHand: number;
}

export interface NetSuiteItem {
  itemId: string;
  sku: string;
  numbered: 'lot' | 'serial' | null;
}

export interface NetSuiteOnHand {
  itemId: string;
  locationId: string;
  onHand: number;
}

export interface CompareInput {
  scend: ScendStockRow[];
  /** NetSuite items with a Scend SKU. */
  items: NetSuiteItem[];
  /** On hand at the mapped locations. */
  onHand: NetSuiteOnHand[];
  /** NetSuite location id -> Scend warehouse code. */
  locations: Readonly<Record<string, string>>;
  /** Feed items newer than each feed's stored position. */
  pending: PendingMove[];
  asOf: string;
  tolerance: number;
  /** Feeds whose unread part could not be read to the end this run. */
  incompleteFeeds: StockFeed[];
}

export type RowStatus = 'match' | 'timing' | 'inFlight' | 'adjust' | 'drift' | 'numbered' | 'unknownItem';
export const ROW_STATUSES: readonly RowStatus[] = ['match', 'timing', 'inFlight', 'adjust', 'drift', 'numbered', 'unknownItem'];

export interface ComparisonRow {
  sku: string;
  itemId: string | null;
  locationId: string;
  warehouse: string;
  scend: number;
  netsuite: number;
  /** What unimported work booked up to AsOf explains at this location (SKU-level feeds included when the SKU has one location). */
  pending: number;
  /** Scend - NetSuite. */
  difference: number;
  status: RowStatus;
}

export interface AdjustmentLine {
  itemId: string;
  sku: string;
  /** Signed: what NetSuite's on hand moves by. */
  quantity: number;
}

export interface StockPlan {
  rows: ComparisonRow[];
  /** Location id -> adjustment lines (status `adjust`). */
  adjustments: Record<string, AdjustmentLine[]>;
  /** Location id -> rows finance must look at (`drift`, `numbered`); every mapped location has an entry. */
  drift: Record<string, ComparisonRow[]>;
  counts: Record<RowStatus, number>;
}

/** The first location (lowest id) mapped to each warehouse. */
function warehouseLocations(locations: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of Object.keys(locations).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))) {
    if (!out.has(locations[id])) out.set(locations[id], id);
  }
  return out;
}

interface Cell {
  sku: string;
  itemId: string | null;
  locationId: string;
  warehouse: string;
  scend: number;
  netsuite: number;
}

export function compareStock(input: CompareInput): StockPlan {
  const byWarehouse = warehouseLocations(input.locations);
  const itemsById = new Map(input.items.map((i) => [i.itemId, i]));
  const itemsBySku = new Map(input.items.map((i) => [i.sku, i]));
  const cells = new Map<string, Cell>();
  const cell = (sku: string, itemId: string | null, locationId: string): Cell => {
    const key = `${itemId ?? `sku:${sku}`}|${locationId}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { sku, itemId, locationId, warehouse: input.locations[locationId], scend: 0, netsuite: 0 }));
    return c;
  };
  for (const s of input.scend) {
    const locationId = byWarehouse.get(s.warehouse);
    if (locationId === undefined) continue; // a warehouse NetSuite does not map: not ours to compare
    const item = itemsById.get(s.externalId) ?? itemsBySku.get(s.sku);
    cell(item?.sku ?? s.sku, item?.itemId ?? null, locationId).scend += s.onHand;
  }
  for (const n of input.onHand) {
    const item = itemsById.get(n.itemId);
    if (!item || input.locations[n.locationId] === undefined || n.onHand === 0) continue;
    cell(item.sku, item.itemId, n.locationId).netsuite += n.onHand;
  }

  // Work in flight, per SKU: what it explains (booked up to AsOf) and whether any touches the SKU.
  const asOf = Date.parse(input.asOf);
  const touched = new Set<string>();
  const explainedAt = new Map<string, number>(); // sku|warehouse
  const explainedSku = new Map<string, number>(); // warehouse-less feeds
  for (const m of input.pending) {
    touched.add(m.sku);
    const at = Date.parse(m.at);
    if (!isNaN(at) && at > asOf) continue;
    if (m.warehouse !== undefined) explainedAt.set(`${m.sku}|${m.warehouse}`, (explainedAt.get(`${m.sku}|${m.warehouse}`) ?? 0) + m.quantity);
    else explainedSku.set(m.sku, (explainedSku.get(m.sku) ?? 0) + m.quantity);
  }
  const cellsOfSku = new Map<string, Cell[]>();
  for (const c of cells.values()) {
    const list = cellsOfSku.get(c.sku) ?? [];
    list.push(c);
    cellsOfSku.set(c.sku, list);
  }
  const skuExplained = (sku: string): number => {
    let total = explainedSku.get(sku) ?? 0;
    for (const [k, q] of explainedAt) if (k.slice(0, k.lastIndexOf('|')) === sku) total += q;
    return total;
  };

  const plan: StockPlan = { rows: [], adjustments: {}, drift: {}, counts: { match: 0, timing: 0, inFlight: 0, adjust: 0, drift: 0, numbered: 0, unknownItem: 0 } };
  for (const id of Object.keys(input.locations)) plan.drift[id] = [];
  const sorted = [...cells.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : Number(a.locationId) - Number(b.locationId)));
  for (const c of sorted) {
    const difference = c.scend - c.netsuite;
    const siblings = cellsOfSku.get(c.sku) ?? [c];
    const pending = (explainedAt.get(`${c.sku}|${c.warehouse}`) ?? 0) + (siblings.length === 1 ? explainedSku.get(c.sku) ?? 0 : 0);
    const item = c.itemId ? itemsById.get(c.itemId) : undefined;
    let status: RowStatus;
    if (!item) status = 'unknownItem';
    else if (difference === 0) status = 'match';
    else if (touched.has(c.sku)) {
      const skuDifference = siblings.reduce((sum, s) => sum + s.scend - s.netsuite, 0);
      status = difference === pending || skuDifference === skuExplained(c.sku) ? 'timing' : 'inFlight';
    } else if (input.incompleteFeeds.length > 0) status = 'inFlight';
    else if (item.numbered) status = 'numbered';
    else status = Math.abs(difference) <= input.tolerance ? 'adjust' : 'drift';
    const row: ComparisonRow = { ...c, pending, difference, status };
    plan.rows.push(row);
    plan.counts[status] += 1;
    if (status === 'adjust' && item) (plan.adjustments[c.locationId] ??= []).push({ itemId: item.itemId, sku: c.sku, quantity: difference });
    if (status === 'drift' || status === 'numbered') (plan.drift[c.locationId] ??= []).push(row);
  }
  return plan;
}
