/**
 * Inventory adjustments with a NetSuite-enforced natural key: the externalid (`movement:<id>` or
 * `stocksync:<SnapshotId>:<location>:<chunk>`). A second save for the same key is DUP_RCRD, which
 * means "already done": the existing adjustment is returned, never a second one.
 * Governance: create 10 + save 20 (+ one search, 10, only after DUP_RCRD).
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { NS } from '../../ids';

export interface LotQuantity {
  /** Internal id of the inventorynumber record. */
  numberId: string;
  quantity: number;
}

export interface AdjustmentLineDraft {
  itemId: string;
  quantity: number;
  /** Lots to take the units from (lot-numbered items leaving stock). */
  lots?: LotQuantity[];
}

export interface AdjustmentDraft {
  externalId: string;
  account: string;
  locationId: string;
  memo: string;
  lines: AdjustmentLineDraft[];
}

const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');

export function findAdjustment(externalId: string): string | undefined {
  const rows = search
    .create({ type: search.Type.INVENTORY_ADJUSTMENT, filters: [['externalid', 'anyof', externalId], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1 });
  return rows.length ? String(rows[0].id) : undefined;
}

/** Creates the adjustment once; `created` false when it already existed (redelivery, restart). */
export function createAdjustment(draft: AdjustmentDraft): { id: string; created: boolean } {
  const rec = record.create({ type: NS.types.inventoryAdjustment });
  rec.setValue({ fieldId: 'externalid', value: draft.externalId });
  rec.setValue({ fieldId: 'account', value: draft.account });
  rec.setValue({ fieldId: 'adjlocation', value: draft.locationId });
  rec.setValue({ fieldId: 'memo', value: draft.memo });
  draft.lines.forEach((l, line) => {
    rec.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line, value: l.itemId });
    rec.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line, value: draft.locationId });
    rec.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line, value: l.quantity });
    if (l.lots?.length) {
      const detail = rec.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line });
      l.lots.forEach((lot, i) => {
        detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', line: i, value: lot.numberId });
        detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: i, value: lot.quantity });
      });
    }
  });
  try {
    return { id: String(rec.save({ enableSourcing: false, ignoreMandatoryFields: false })), created: true };
  } catch (e) {
    if (errorName(e) !== 'DUP_RCRD') throw e;
    const existing = findAdjustment(draft.externalId);
    if (existing === undefined) throw e;
    return { id: existing, created: false };
  }
}

/**
 * Lots of an item on hand at a location, oldest number first, covering `quantity` units (one
 * search, 10 units); undefined when the location holds fewer.
 */
export function pickLots(itemId: string, locationId: string, quantity: number): LotQuantity[] | undefined {
  const picked: LotQuantity[] = [];
  let left = quantity;
  search
    .create({
      type: 'inventorynumber',
      filters: [['item', 'anyof', itemId], 'and', ['location', 'anyof', locationId], 'and', ['quantityonhand', 'greaterthan', 0]],
      columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'quantityonhand'],
    })
    .run()
    .each((row) => {
      const take = Math.min(left, Number(row.getValue({ name: 'quantityonhand' })) || 0);
      if (take > 0) picked.push({ numberId: String(row.id), quantity: take });
      left -= take;
      return left > 0;
    });
  return left > 0 ? undefined : picked;
}
