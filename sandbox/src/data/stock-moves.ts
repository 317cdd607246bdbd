/** Turns a fulfilled/received line into on-hand moves: inventory items move themselves, kits move their inventory members. */
import type { DataAccess } from './behaviour';
import { num } from './behaviour';
import type { StoredRecord } from './store';

export interface Move { item: number; location: number; delta: number }

export function movesFor(db: DataAccess, item: StoredRecord | undefined, location: number, qty: number, sign: 1 | -1): Move[] {
  if (!item) return [];
  if (item.type === 'inventoryitem') return [{ item: item.id, location, delta: sign * qty }];
  if (item.type !== 'kititem') return [];
  const out: Move[] = [];
  for (const m of item.data.sublists.member ?? []) {
    const member = db.refs.find('item', Number(m.item));
    if (member?.type === 'inventoryitem') out.push({ item: member.id, location, delta: sign * qty * num(m.quantity) });
  }
  return out;
}

export const tracksStock = (item: StoredRecord | undefined): boolean => item?.type === 'inventoryitem' || item?.type === 'kititem';
