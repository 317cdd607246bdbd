/** Which item record types hold stock, and which of those track lot or serial numbers. */
import type { StoredRecord } from './store';

export const STOCK_ITEM_TYPES = new Set(['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem']);

export const isStockItem = (type: string | undefined): boolean => type !== undefined && STOCK_ITEM_TYPES.has(type);

export type Numbering = 'lot' | 'serial' | null;

export const numberingOf = (item: StoredRecord | undefined): Numbering =>
  item?.type === 'lotnumberedinventoryitem' ? 'lot' : item?.type === 'serializedinventoryitem' ? 'serial' : null;
