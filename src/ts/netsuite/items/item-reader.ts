/**
 * Item snapshots from NetSuite: from a record a user event already holds (free), or by
 * lookupFields (1 unit) for items the script does not hold, such as a kit's members.
 */
import * as search from 'N/search';
import type { ItemSnapshot, ItemTypeCode } from '../../core/items/item';
import { skuOf } from '../../core/items/sku';
import { ITEM_FIELDS } from '../../ids';
import { bool, optionalText, plain } from '../orders/values';
import { ITEM_FIELD as F, ITEM_SEARCH_TYPE, KIT_MEMBER, NUMBERING_BY_RECORD_TYPE, TYPE_CODE_BY_RECORD_TYPE } from './item-fields';

type Rec = { id: number | string | null; type: string | unknown; getValue(options: { fieldId: string }): unknown };

export class UnknownItemTypeError extends Error {
  override readonly name = 'UnknownItemTypeError';
  readonly code = 'SCEND_UNKNOWN_ITEM_TYPE';
  readonly retry = 'permanent' as const;
  constructor(readonly recordType: string) {
    super(`Item record type ${recordType} is not one the Scend connector knows`);
  }
}

const num = (value: unknown): number | null => {
  const text = plain(value).trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

export function typeCodeOf(recordType: string): ItemTypeCode {
  const code = TYPE_CODE_BY_RECORD_TYPE[recordType.toLowerCase()];
  if (!code) throw new UnknownItemTypeError(recordType);
  return code;
}

/** `get(fieldId)` abstracts a record, a lookupFields answer or a search row. */
function snapshotFrom(id: string, recordType: string, type: ItemTypeCode, get: (fieldId: string) => unknown, matrixParent: boolean): ItemSnapshot {
  return {
    ...(matrixParent ? { matrixParent: true } : {}),
    id,
    type,
    recordType,
    // A matrix child's itemid is "Parent : Child" in a search: the SKU is derived the same way everywhere.
    itemId: skuOf({ itemId: plain(get(F.itemId)), parentId: plain(get(F.parent)) }),
    displayName: optionalText(get(F.displayName)) ?? null,
    upcCode: optionalText(get(F.upcCode)) ?? null,
    weight: num(get(F.weight)),
    weightUnit: optionalText(get(F.weightUnit)) ?? null,
    lengthCm: num(get(ITEM_FIELDS.lengthCm)),
    widthCm: num(get(ITEM_FIELDS.widthCm)),
    heightCm: num(get(ITEM_FIELDS.heightCm)),
    // Lot-numbered and serialized variants are tracked by what they are; their records lack the other variant's field.
    lotTracked: NUMBERING_BY_RECORD_TYPE[recordType.toLowerCase()] === 'lot' || bool(get(F.lotTracked)),
    serialTracked: NUMBERING_BY_RECORD_TYPE[recordType.toLowerCase()] === 'serial' || bool(get(F.serialTracked)),
    inactive: bool(get(F.inactive)),
    scendSku: optionalText(get(ITEM_FIELDS.scendSku)) ?? null,
    skuAligned: bool(get(ITEM_FIELDS.skuAligned)),
  };
}

/** Only physical items carry weight and tracking fields; reading others' would be INVALID_FLD. */
const hasPhysicalFields = (type: ItemTypeCode): boolean => type === 'InvtPart' || type === 'Assembly' || type === 'Kit';
/** Kits are never products themselves: they have no tracking or dimension fields. */
const hasTrackingFields = (type: ItemTypeCode): boolean => type === 'InvtPart' || type === 'Assembly';
const TRACKING_FIELDS: string[] = [F.lotTracked, F.serialTracked, ITEM_FIELDS.lengthCm, ITEM_FIELDS.widthCm, ITEM_FIELDS.heightCm];

export function snapshotOfRecord(rec: Rec): ItemSnapshot {
  const recordType = String(rec.type);
  const type = typeCodeOf(recordType);
  return snapshotFrom(plain(rec.id), recordType, type, (fieldId) => {
    if (TRACKING_FIELDS.indexOf(fieldId) >= 0 && !hasTrackingFields(type)) return null;
    if ((fieldId === F.lotTracked || fieldId === F.serialTracked) && NUMBERING_BY_RECORD_TYPE[recordType.toLowerCase()]) return null;
    if (!hasPhysicalFields(type) && fieldId !== F.itemId && fieldId !== F.displayName && fieldId !== F.inactive && fieldId !== F.parent) return null;
    return rec.getValue({ fieldId });
  }, type === 'InvtPart' && plain(rec.getValue({ fieldId: F.matrixType })).toUpperCase() === 'PARENT');
}

/** Search columns Matrix Item and Matrix Child Item: a parent is the first without the second. */
const isMatrixParent = (get: (name: string) => unknown): boolean => bool(get(F.matrix)) && !bool(get(F.matrixChild));

/** Internal ids of a kit's member items. */
export function kitMemberIds(rec: { getLineCount(o: { sublistId: string }): number; getSublistValue(o: { sublistId: string; fieldId: string; line: number }): unknown }): string[] {
  const ids: string[] = [];
  const count = rec.getLineCount({ sublistId: KIT_MEMBER.sublistId });
  for (let line = 0; line < count; line++) {
    const id = plain(rec.getSublistValue({ sublistId: KIT_MEMBER.sublistId, fieldId: KIT_MEMBER.item, line }));
    if (id && ids.indexOf(id) < 0) ids.push(id);
  }
  return ids;
}

export const SNAPSHOT_COLUMNS: string[] = [
  F.type,
  F.itemId,
  F.parent,
  F.displayName,
  F.upcCode,
  F.weight,
  F.weightUnit,
  F.lotTracked,
  F.serialTracked,
  F.inactive,
  ITEM_FIELDS.scendSku,
  ITEM_FIELDS.skuAligned,
  ITEM_FIELDS.lengthCm,
  ITEM_FIELDS.widthCm,
  ITEM_FIELDS.heightCm,
  F.matrix,
  F.matrixChild,
];

/** A search row of the item search (columns = SNAPSHOT_COLUMNS); `recordType` comes from the result. */
export function snapshotOfSearchRow(row: search.Result): ItemSnapshot {
  const type = plain(row.getValue({ name: F.type })) as ItemTypeCode;
  // The weight unit's text (lb/oz/kg/g) is unambiguous; its value is the select id.
  const get = (name: string): unknown => (name === F.weightUnit ? row.getText({ name }) || row.getValue({ name }) : row.getValue({ name }));
  return snapshotFrom(plain(row.id), String(row.recordType), type, get, isMatrixParent(get));
}

/** One item by internal id, 1 unit. */
export function lookupItemSnapshot(id: string): ItemSnapshot {
  const found = search.lookupFields({ type: ITEM_SEARCH_TYPE, id, columns: ['recordtype', ...SNAPSHOT_COLUMNS] });
  const recordType = plain(found.recordtype);
  const type = (plain(found[F.type]) as ItemTypeCode) || typeCodeOf(recordType);
  const get = (name: string): unknown => found[name];
  return snapshotFrom(id, recordType, type, get, isMatrixParent(get));
}
