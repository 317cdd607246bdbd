/** Turns a fulfilled/received line into on-hand moves: inventory items move themselves, kits move their inventory members. */
import type { DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { isStockItem, numberingOf } from './item-kinds';
import type { Line, StoredRecord } from './store';

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

/** How one line of a transformed transaction (fulfilment, receipt) draws on its source order line. */
export interface SourceLineRule {
  /** The source line field counting what is already done: quantityfulfilled, quantityreceived. */
  doneField: string;
  verb: 'fulfil' | 'receive';
  noun: 'Fulfilment' | 'Receipt';
  sourceLabel: string;
  /** Location used when neither the line nor its source line has one. */
  fallbackLocation: unknown;
  /** -1 ships stock out, +1 receives it. */
  sign: 1 | -1;
}

/**
 * Checks one line against what remains on its source line (NetSuite refuses more than remains)
 * and returns its quantity and stock moves; sets the line's location to the one used.
 */
export function takeFromSourceLine(db: DataAccess, line: Line, sourceLines: Map<number, Line>, rule: SourceLineRule): { qty: number; moves: Move[] } {
  const ol = sourceLines.get(Number(line.orderline));
  if (!ol || ol.isclosed) fail(E.INVALID_VALUE, `Order line ${String(line.orderline)} is closed or no longer on the ${rule.sourceLabel}.`);
  const qty = num(line.quantity);
  const remaining = num(ol!.quantity) - num(ol![rule.doneField]);
  if (qty <= 0) fail(E.INVALID_VALUE, `${rule.noun} quantity must be greater than zero (order line ${String(line.orderline)}).`);
  if (qty > remaining + 1e-9) fail(E.QTY_EXCEEDS_REMAINING, `You cannot ${rule.verb} ${qty} of order line ${String(line.orderline)}: only ${remaining} remain.`);
  const item = db.refs.find('item', Number(ol!.item));
  const location = idOf(line.location) ?? idOf(ol!.location) ?? idOf(rule.fallbackLocation);
  if (!tracksStock(item)) return { qty, moves: [] };
  if (location === null) fail(E.MANDATORY, `Please enter value(s) for: Location (order line ${String(line.orderline)})`);
  line.location = String(location);
  return { qty, moves: movesFor(db, item, location!, qty, rule.sign) };
}
