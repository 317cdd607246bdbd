/**
 * Item receipts for the receipt and return imports: a transform of the purchase order, transfer
 * order or return authorization (10 units) and one save (20), its externalid the Scend id, so
 * NetSuite itself refuses a second receipt for a redelivered or replayed item (DUP_RCRD).
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { NS } from '../../ids';
import { plain } from '../orders/values';

const DUPLICATE_RECORD = 'DUP_RCRD';
/** What record.transform answers when nothing on the source is left to receive. */
const NOTHING_OPEN = ['INVALID_INITIALIZE_REF', 'VALID_LINE_ITEM_REQD'];

const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');

export interface OpenLine {
  index: number;
  orderLine: string;
  itemId: string;
  remaining: number;
}

export interface ReceiptDraft {
  rec: record.Record;
  lines: OpenLine[];
}

export interface BookLine {
  orderLine: string;
  quantity: number;
  location?: string;
  lots?: Array<{ lot: string; quantity: number }>;
}

/** The receipt NetSuite would start from, or undefined when nothing is left to receive. */
export function startReceipt(fromType: string, fromId: string): ReceiptDraft | undefined {
  let rec: record.Record;
  try {
    rec = record.transform({ fromType, fromId: Number(fromId), toType: NS.types.itemReceipt });
  } catch (e) {
    if (NOTHING_OPEN.indexOf(errorName(e)) >= 0) return undefined;
    throw e;
  }
  const lines: OpenLine[] = [];
  const count = rec.getLineCount({ sublistId: 'item' });
  for (let i = 0; i < count; i++) {
    const get = (fieldId: string) => rec.getSublistValue({ sublistId: 'item', fieldId, line: i });
    lines.push({ index: i, orderLine: plain(get('orderline')), itemId: plain(get('item')), remaining: Number(get('quantityremaining') ?? get('quantity')) || 0 });
  }
  return { rec, lines };
}

/** Whether a receipt with this externalid exists (one search, 10 units). */
export function receiptExists(externalId: string): boolean {
  return search.create({ type: NS.types.itemReceipt, filters: [['externalid', 'anyof', externalId], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] }).run().getRange({ start: 0, end: 1 }).length > 0;
}

/** Saves the draft with only `book`'s lines; false when NetSuite already has this externalid. */
export function saveReceipt(draft: ReceiptDraft, externalId: string, memo: string, book: BookLine[]): { saved: true; id: string } | { saved: false } {
  const { rec } = draft;
  const byLine = new Map(book.map((b) => [b.orderLine, b]));
  for (const l of draft.lines) {
    const b = byLine.get(l.orderLine);
    rec.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: l.index, value: !!b });
    if (!b) continue;
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: l.index, value: b.quantity });
    if (b.location) rec.setSublistValue({ sublistId: 'item', fieldId: 'location', line: l.index, value: b.location });
    if (b.lots && b.lots.length) {
      const detail = rec.getSublistSubrecord({ sublistId: 'item', fieldId: 'inventorydetail', line: l.index });
      b.lots.forEach((lot, j) => {
        detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: j, value: lot.lot });
        detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: j, value: lot.quantity });
      });
    }
  }
  rec.setValue({ fieldId: 'externalid', value: externalId });
  rec.setValue({ fieldId: 'memo', value: memo.slice(0, 999) });
  try {
    return { saved: true, id: String(rec.save({ enableSourcing: false, ignoreMandatoryFields: true })) };
  } catch (e) {
    if (errorName(e) === DUPLICATE_RECORD) return { saved: false };
    throw e;
  }
}
