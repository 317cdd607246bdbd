/**
 * Which order lines a warehouse can ship: open physical lines (inventory, assembly, kit members)
 * at a location mapped to a Scend warehouse, neither drop-shipped nor special-ordered (a purchase
 * order supplies those: `createpo`). Everything else is filtered out with a reason, and physical
 * lines whose item Scend does not know under its current SKU are held.
 *
 * Quantities go to Scend in the item's base units: with units of measure, NetSuite's line
 * `quantity` is in the line's `units` and `unitconversionrate` is base units per line unit. A base
 * quantity that is not whole (half a case of 3) cannot be picked; the line is reported.
 */
import type { OrderLine } from '../../scend/contract';
import { KIT_ITEM_TYPE, isPhysicalType, skuProblem, type ItemCatalogue, type ItemFacts, type SkuProblem } from './items';
import type { SalesOrderLine, SalesOrderSnapshot } from './sales-order';
import type { OrderSettings } from './settings';

export type FilterReason = 'closed' | 'not-physical' | 'unmapped-location' | 'no-quantity' | 'drop-ship' | 'special-order' | 'before-go-live';

/** NetSuite's `createpo` values on a sales order line. */
export const CREATE_PO_REASONS: Readonly<Record<string, FilterReason>> = { DropShip: 'drop-ship', SpecOrd: 'special-order' };

export interface FilteredLine {
  line: string;
  itemId: string;
  itemType: string;
  reason: FilterReason;
}

export interface HeldItem {
  itemId: string;
  name: string;
  problem: SkuProblem;
}

/** A line whose quantity in base units is not a whole number. */
export interface FractionalLine {
  line: string;
  itemId: string;
  baseQuantity: number;
}

export interface WarehouseLines {
  lines: OrderLine[];
  filtered: FilteredLine[];
  held: HeldItem[];
  fractional: FractionalLine[];
}

interface Pickable {
  lineRef: string;
  item: ItemFacts | undefined;
  itemId: string;
  quantity: number;
  unitPrice?: number;
}

function lineLocation(line: SalesOrderLine, order: SalesOrderSnapshot): string | undefined {
  return line.locationId || order.locationId;
}

/** The line's quantity in base units (float noise from the conversion rounded away). */
export function baseQuantityOf(line: Pick<SalesOrderLine, 'quantity' | 'unitConversionRate'>): number {
  const rate = line.unitConversionRate && line.unitConversionRate > 0 ? line.unitConversionRate : 1;
  return Math.round(line.quantity * rate * 1e6) / 1e6;
}

/** Why a purchase order, not the warehouse, supplies this line; undefined for a warehouse line. */
export const purchaseReason = (line: Pick<SalesOrderLine, 'createPo'>): FilterReason | undefined =>
  line.createPo ? CREATE_PO_REASONS[line.createPo] ?? 'drop-ship' : undefined;

/** A kit becomes its physical members, quantities multiplied; LineRef `<line>.<member item>`. */
function explode(line: SalesOrderLine, items: ItemCatalogue): { pickables: Pickable[]; dropped: boolean } {
  const quantity = baseQuantityOf(line);
  if (line.itemType !== KIT_ITEM_TYPE) {
    // A rate is per line unit: per base unit it is the line rate over the conversion rate.
    const unitPrice = line.rate !== undefined && quantity !== line.quantity && quantity > 0 ? Math.round((line.rate * line.quantity * 100) / quantity) / 100 : line.rate;
    return { pickables: [{ lineRef: line.line, item: items.get(line.itemId), itemId: line.itemId, quantity, unitPrice }], dropped: false };
  }
  const members = items.get(line.itemId)?.members ?? [];
  const pickables: Pickable[] = [];
  for (const m of members) {
    const item = items.get(m.itemId);
    if (item && !isPhysicalType(item.type)) continue;
    pickables.push({ lineRef: `${line.line}.${m.itemId}`, item, itemId: m.itemId, quantity: Math.round(quantity * m.quantity * 1e6) / 1e6 });
  }
  return { pickables, dropped: pickables.length === 0 };
}

export function warehouseLinesOf(order: SalesOrderSnapshot, items: ItemCatalogue, settings: OrderSettings): WarehouseLines {
  const lines: OrderLine[] = [];
  const filtered: FilteredLine[] = [];
  const held = new Map<string, HeldItem>();
  const fractional: FractionalLine[] = [];
  for (const line of order.lines) {
    const filter = (reason: FilterReason) => filtered.push({ line: line.line, itemId: line.itemId, itemType: line.itemType, reason });
    if (line.isClosed) { filter('closed'); continue; }
    const bought = purchaseReason(line);
    if (bought) { filter(bought); continue; }
    if (!isPhysicalType(line.itemType) && line.itemType !== KIT_ITEM_TYPE) { filter('not-physical'); continue; }
    if (!(line.quantity > 0)) { filter('no-quantity'); continue; }
    const location = lineLocation(line, order);
    if (!location || !settings.locations[location]) { filter('unmapped-location'); continue; }
    const { pickables, dropped } = explode(line, items);
    if (dropped) { filter('not-physical'); continue; }
    for (const p of pickables) {
      if (!Number.isInteger(p.quantity)) {
        fractional.push({ line: p.lineRef, itemId: p.itemId, baseQuantity: p.quantity });
        continue;
      }
      const problem: SkuProblem | undefined = p.item ? skuProblem(p.item) : { kind: 'unmapped' };
      if (problem) {
        held.set(p.itemId, { itemId: p.itemId, name: p.item?.name ?? `item ${p.itemId}`, problem });
        continue;
      }
      const sku = (p.item as ItemFacts).scendSku as string;
      lines.push({ LineRef: p.lineRef, Sku: sku, Quantity: p.quantity, ...(p.unitPrice !== undefined ? { UnitPrice: p.unitPrice } : {}) });
    }
  }
  return { lines, filtered, held: Array.from(held.values()), fractional };
}

/** Item ids whose facts the mapping needs: every open physical or kit line's item. */
export function itemIdsToRead(order: SalesOrderSnapshot): string[] {
  const ids = new Set<string>();
  for (const l of order.lines) if (!l.isClosed && !purchaseReason(l) && (isPhysicalType(l.itemType) || l.itemType === KIT_ITEM_TYPE)) ids.add(l.itemId);
  return Array.from(ids);
}
