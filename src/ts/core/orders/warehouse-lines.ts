/**
 * Which order lines a warehouse can ship: open physical lines (inventory, assembly, kit members)
 * at a location mapped to a Scend warehouse. Everything else is filtered out with a reason, and
 * physical lines whose item Scend does not know under its current SKU are held.
 */
import type { OrderLine } from '../../scend/contract';
import { KIT_ITEM_TYPE, isPhysicalType, skuProblem, type ItemCatalogue, type ItemFacts, type SkuProblem } from './items';
import type { SalesOrderLine, SalesOrderSnapshot } from './sales-order';
import type { OrderSettings } from './settings';

export type FilterReason = 'closed' | 'not-physical' | 'unmapped-location' | 'no-quantity';

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

export interface WarehouseLines {
  lines: OrderLine[];
  filtered: FilteredLine[];
  held: HeldItem[];
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

/** A kit becomes its physical members, quantities multiplied; LineRef `<line>.<member item>`. */
function explode(line: SalesOrderLine, items: ItemCatalogue): { pickables: Pickable[]; dropped: boolean } {
  if (line.itemType !== KIT_ITEM_TYPE) {
    return { pickables: [{ lineRef: line.line, item: items.get(line.itemId), itemId: line.itemId, quantity: line.quantity, unitPrice: line.rate }], dropped: false };
  }
  const members = items.get(line.itemId)?.members ?? [];
  const pickables: Pickable[] = [];
  for (const m of members) {
    const item = items.get(m.itemId);
    if (item && !isPhysicalType(item.type)) continue;
    pickables.push({ lineRef: `${line.line}.${m.itemId}`, item, itemId: m.itemId, quantity: line.quantity * m.quantity });
  }
  return { pickables, dropped: pickables.length === 0 };
}

export function warehouseLinesOf(order: SalesOrderSnapshot, items: ItemCatalogue, settings: OrderSettings): WarehouseLines {
  const lines: OrderLine[] = [];
  const filtered: FilteredLine[] = [];
  const held = new Map<string, HeldItem>();
  for (const line of order.lines) {
    const filter = (reason: FilterReason) => filtered.push({ line: line.line, itemId: line.itemId, itemType: line.itemType, reason });
    if (line.isClosed) { filter('closed'); continue; }
    if (!isPhysicalType(line.itemType) && line.itemType !== KIT_ITEM_TYPE) { filter('not-physical'); continue; }
    if (!(line.quantity > 0)) { filter('no-quantity'); continue; }
    const location = lineLocation(line, order);
    if (!location || !settings.locations[location]) { filter('unmapped-location'); continue; }
    const { pickables, dropped } = explode(line, items);
    if (dropped) { filter('not-physical'); continue; }
    for (const p of pickables) {
      const problem: SkuProblem | undefined = p.item ? skuProblem(p.item) : { kind: 'unmapped' };
      if (problem) {
        held.set(p.itemId, { itemId: p.itemId, name: p.item?.name ?? `item ${p.itemId}`, problem });
        continue;
      }
      const sku = (p.item as ItemFacts).scendSku as string;
      lines.push({ LineRef: p.lineRef, Sku: sku, Quantity: p.quantity, ...(p.unitPrice !== undefined ? { UnitPrice: p.unitPrice } : {}) });
    }
  }
  return { lines, filtered, held: Array.from(held.values()) };
}

/** Item ids whose facts the mapping needs: every open physical or kit line's item. */
export function itemIdsToRead(order: SalesOrderSnapshot): string[] {
  const ids = new Set<string>();
  for (const l of order.lines) if (!l.isClosed && (isPhysicalType(l.itemType) || l.itemType === KIT_ITEM_TYPE)) ids.add(l.itemId);
  return Array.from(ids);
}
