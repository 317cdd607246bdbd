/**
 * What every seeded brand on the proving ground sets up the same way (the demo's day, the trading
 * week, the soak): the connector configuration an admin enters, the ship methods mapped to Scend's
 * courier services, and an item created as a NetSuite user would (so the item user event pushes it).
 */
import type { Sandbox } from '../sandbox/src/index';
import type { Database } from '../sandbox/src/data/database';
import { RECORDS } from '../src/ts/ids';

const cfg = RECORDS.config.fields;

/** The configuration fields a brand's admin sets beyond what the harness sets. */
export const BRAND_CONFIG = {
  [cfg.defaultCourierService]: 'RM-TRACKED-48',
  [cfg.despatchLeadDays]: 2,
  [cfg.stalledAfterHours]: 4,
  [cfg.alertEmail]: 'integration-admin@brand.example',
};

/** Standard (Royal Mail Tracked 48) and express (DPD Next Day), each mapped to its Scend courier service. */
export function seedShipMethods(db: Database): { standard: number; express: number } {
  const standard = db.seed('shipitem', { itemid: 'Royal Mail Tracked 48' });
  const express = db.seed('shipitem', { itemid: 'DPD Next Day' });
  const sm = RECORDS.shipMethodMap.fields;
  db.seed(RECORDS.shipMethodMap.id, { [sm.shipMethod]: String(standard), [sm.courierService]: 'RM-TRACKED-48', [sm.priorityDays]: 2 });
  db.seed(RECORDS.shipMethodMap.id, { [sm.shipMethod]: String(express), [sm.courierService]: 'DPD-NEXT-DAY', [sm.priorityDays]: 0 });
  return { standard, express };
}

export interface BrandItem {
  type: string;
  itemid: string;
  displayname?: string;
  upccode?: string;
  weightKg?: number;
  members?: Array<{ key: string; quantity: number }>;
}

/** Creates the item as a NetSuite user (kit members by key from `items`); returns its internal id. */
export function createBrandItem(sb: Sandbox, spec: BrandItem, items: Record<string, number>): number {
  const rec = sb.record.create({ type: spec.type });
  rec.setValue({ fieldId: 'itemid', value: spec.itemid });
  if (spec.displayname) rec.setValue({ fieldId: 'displayname', value: spec.displayname });
  if (spec.upccode) rec.setValue({ fieldId: 'upccode', value: spec.upccode });
  if (spec.weightKg !== undefined) {
    rec.setValue({ fieldId: 'weight', value: spec.weightKg });
    rec.setValue({ fieldId: 'weightunit', value: 3 }); // kg
  }
  (spec.members ?? []).forEach((m, line) => {
    rec.setSublistValue({ sublistId: 'member', fieldId: 'item', line, value: items[m.key] });
    rec.setSublistValue({ sublistId: 'member', fieldId: 'quantity', line, value: m.quantity });
  });
  return Number(rec.save());
}
