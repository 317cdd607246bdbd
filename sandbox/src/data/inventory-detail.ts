/**
 * The inventory detail subrecord of a transaction line (fulfilment, receipt, adjustment): which lot or
 * serial numbers the line's quantity is made of. Lot/serial items need one; its inventoryassignment
 * quantities must add up to the line quantity; serial numbers are one each and unique; issued numbers
 * must belong to the item (NetSuite Help: "Inventory Detail Subrecord", "Serialized Inventory",
 * "Lot Numbered Inventory").
 */
import type { DataAccess } from './behaviour';
import { num } from './behaviour';
import { E, fail } from './errors';
import type { NumberMove } from './inventory-numbers';
import { numberingOf } from './item-kinds';
import type { Line, StoredRecord } from './store';

export const E_DETAIL = {
  /** Sandbox-chosen names: NetSuite shows these as user errors ("Please configure the inventory detail for ..."). */
  REQUIRED: 'INVENTORY_DETAIL_REQUIRED',
  QTY_MISMATCH: 'INVENTORY_DETAIL_QTY_MISMATCH',
  INVALID_NUMBER: 'INVALID_INVENTORY_NUMBER',
  DUP_SERIAL: 'DUP_SERIAL_NUMBER',
} as const;

const assignments = (line: Line): Line[] => ((line.inventorydetail as { inventoryassignment?: Line[] } | undefined)?.inventoryassignment ?? []);

/**
 * Number moves of one line. `sign` +1 receives (receiptinventorynumber: a new or existing number
 * text), -1 issues (issueinventorynumber: an existing inventorynumber id of this item). Lines of
 * items without numbers must not carry an inventory detail with assignments.
 */
export function numberMoves(db: DataAccess, item: StoredRecord, location: number, qty: number, sign: 1 | -1, line: Line, where: string): NumberMove[] {
  const numbering = numberingOf(item);
  const rows = assignments(line);
  if (!numbering) {
    if (rows.length) fail(E.INVALID_VALUE, `${where}: item ${item.id} is not lot-numbered or serialized; it takes no serial/lot numbers.`);
    return [];
  }
  if (rows.length === 0) fail(E_DETAIL.REQUIRED, `${where}: please configure the inventory detail for item ${item.id} (${numbering} numbers for ${qty}).`);
  const out: NumberMove[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const r of rows) {
    const q = r.quantity === undefined || r.quantity === '' ? (numbering === 'serial' ? 1 : 0) : num(r.quantity);
    if (q <= 0) fail(E.INVALID_VALUE, `${where}: inventory detail quantities must be greater than zero.`);
    if (numbering === 'serial' && q !== 1) fail(E.INVALID_VALUE, `${where}: each serial number has quantity 1 (got ${q}).`);
    let text: string;
    if (sign > 0) {
      text = String(r.receiptinventorynumber ?? '').trim();
      if (!text) fail(E.MANDATORY, `Please enter value(s) for: Serial/Lot Number (receiptinventorynumber) — ${where}`);
      if (numbering === 'serial') {
        const id = db.numbers.idOf(item.id, text);
        if (id !== undefined && db.numbers.totalOnHand(item.id, id) > 0) fail(E_DETAIL.DUP_SERIAL, `${where}: serial number ${text} of item ${item.id} is already in stock.`);
      }
    } else {
      const id = Number(r.issueinventorynumber);
      const rec = Number.isInteger(id) ? db.store.get('inventorynumber', id) : undefined;
      if (!rec) fail(E.MANDATORY, `Please enter value(s) for: Serial/Lot Number (issueinventorynumber) — ${where}`);
      if (String(rec!.data.fields.item) !== String(item.id)) fail(E_DETAIL.INVALID_NUMBER, `${where}: inventory number ${id} does not belong to item ${item.id}.`);
      text = String(rec!.data.fields.inventorynumber);
    }
    if (numbering === 'serial' && seen.has(text)) fail(E_DETAIL.DUP_SERIAL, `${where}: serial number ${text} is listed twice.`);
    seen.add(text);
    total += q;
    out.push({ item: item.id, location, text, delta: sign * q });
  }
  if (Math.abs(total - qty) > 1e-9) fail(E_DETAIL.QTY_MISMATCH, `${where}: the inventory detail quantity (${total}) must equal the line quantity (${qty}).`);
  return out;
}

/** Reversal of what a committed line moved (deleting or editing the transaction): the same numbers, opposite sign. */
export function committedNumberMoves(db: DataAccess, item: StoredRecord | undefined, location: number, sign: 1 | -1, line: Line): NumberMove[] {
  if (!item || !numberingOf(item)) return [];
  return assignments(line).map((r) => {
    const text = r.receiptinventorynumber ? String(r.receiptinventorynumber) : String(db.store.get('inventorynumber', Number(r.issueinventorynumber))?.data.fields.inventorynumber ?? '');
    const q = r.quantity === undefined || r.quantity === '' ? 1 : num(r.quantity);
    return { item: item.id, location, text, delta: sign * q };
  });
}
