/** Turns a fulfilled/received line into on-hand moves: inventory items move themselves, kits move their inventory members. */
import type { DataAccess } from './behaviour';
import { num } from './behaviour';
import { E, fail } from './errors';
import { isStockItem, numberingOf } from './item-kinds';
import type { StoredRecord } from './store';

export interface Move { item: number; location: number; delta: number }

export function movesFor(db: DataAccess, item: StoredRecord | undefined, location: number, qty: number, sign: 1 | -1): Move[] {
  if (!item) return [];
  if (isStockItem(item.type)) return [{ item: item.id, location, delta: sign * qty }];
  if (item.type !== 'kititem') return [];
  const out: Move[] = [];
  for (const m of item.data.sublists.member ?? []) {
    const member = db.refs.find('item', Number(m.item));
    if (numberingOf(member)) fail(E.UNSUPPORTED, `Kit ${item.id} has a lot-numbered or serialized member (${member!.id}); the sandbox does not fulfil such kits.`);
    if (member && isStockItem(member.type)) out.push({ item: member.id, location, delta: sign * qty * num(m.quantity) });
  }
  return out;
}

export const tracksStock = (item: StoredRecord | undefined): boolean => isStockItem(item?.type) || item?.type === 'kititem';
