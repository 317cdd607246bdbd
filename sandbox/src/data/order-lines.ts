/** Order-like transactions (sales order, purchase order, return authorization): line keys, item types, amounts and the status that follows from the lines. */
import type { DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { ITEM_TYPE_CODES } from './standard-types';
import type { Line, RecordData } from './store';

/** Item record types whose lines move stock or can be fulfilled/received. */
export const FULFILLABLE = new Set(['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem', 'kititem', 'noninventoryitem']);

export const itemRecordType = (db: DataAccess, item: unknown): string | undefined => {
  const id = idOf(item);
  return id === null ? undefined : db.refs.find('item', id)?.type;
};

/** Give every line a unique key (`line`) that later records (fulfilment `orderline`) point at; keys are never reused. */
export function keyLines(lines: Line[], oldLines: Line[]): void {
  let next = 1;
  for (const l of [...lines, ...oldLines]) if (typeof l.line === 'number') next = Math.max(next, l.line + 1);
  for (const l of lines) if (typeof l.line !== 'number') l.line = next++;
}

export function deriveLineFields(db: DataAccess, lines: Line[]): void {
  for (const l of lines) {
    if (idOf(l.item) === null) fail(E.MANDATORY, 'Please enter value(s) for: Item');
    const type = itemRecordType(db, l.item);
    l.itemtype = type ? ITEM_TYPE_CODES[type] : '';
    if (l.quantity === undefined || l.quantity === '') l.quantity = 1;
    if (num(l.quantity) < 0) fail(E.INVALID_VALUE, `Invalid quantity ${String(l.quantity)} on line ${String(l.line)}`);
    // An amount the script set is kept (NetSuite does not recompute it at save); only a missing one is derived.
    if ((l.amount === undefined || l.amount === '') && l.rate !== undefined && l.rate !== '') l.amount = Math.round(num(l.quantity) * num(l.rate) * 100) / 100;
    if (l.isclosed === undefined) l.isclosed = false;
  }
}

/**
 * Lines already fulfilled/received keep what happened to them: their done quantity comes from the
 * committed record, they cannot be removed, re-itemed, or reduced below it.
 */
export function protectDoneLines(data: RecordData, old: RecordData | undefined, sublistId: string, doneFields: string[]): void {
  const lines = data.sublists[sublistId] ?? [];
  const oldByKey = new Map((old?.sublists[sublistId] ?? []).map((l) => [l.line as number, l]));
  const kept = new Set<number>();
  const doneOf = (l: Line | undefined): number => Math.max(0, ...doneFields.map((f) => num(l?.[f])));
  for (const l of lines) {
    const prev = oldByKey.get(l.line as number);
    const done = doneOf(prev);
    for (const f of doneFields) l[f] = num(prev?.[f]);
    if (!prev) continue;
    kept.add(l.line as number);
    if (done > 0 && String(prev.item) !== String(l.item)) fail(E.INVALID_VALUE, `Line ${String(l.line)} has been processed; its item cannot change.`);
    if (num(l.quantity) < done) fail(E.INVALID_VALUE, `Line ${String(l.line)}: quantity ${String(l.quantity)} is less than the ${done} already processed.`);
  }
  for (const [key, prev] of oldByKey) {
    if (!kept.has(key) && doneOf(prev) > 0) fail(E.INVALID_SUBLIST_OPERATION, `Line ${key} has been processed and cannot be removed.`);
  }
}
