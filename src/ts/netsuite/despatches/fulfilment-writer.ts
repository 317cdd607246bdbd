/**
 * Item fulfilments for Scend despatches: `record.transform` of the sales order (10 units), only
 * the despatched lines and quantities, Shipped, one package per parcel, lots/serials in the line's
 * inventory detail, then save (20) with externalid `despatch:<DespatchId>` — NetSuite refuses a
 * second one (DUP_RCRD), which is how a redelivered or replayed despatch is recognised.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { NS, TRANSACTION_FIELDS } from '../../ids';
import { fulfilmentExternalId, type DespatchOrder, type DespatchWork } from '../../core/despatches/despatch-order';
import type { FulfilmentPort, RecordResult } from '../../core/despatches/import-despatch';
import type { FulfilmentPlan, PlanResult } from '../../core/despatches/plan-fulfilment';
import type { Despatch } from '../../scend/contract';

const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');
/** What a transform of an order with nothing left to fulfil throws. */
const NOTHING_LEFT = ['INVALID_INITIALIZE_REF', 'VALID_LINE_ITEM_REQD'];
/** Shipped (NetSuite's shipstatus C): stock leaves and the order moves on. */
const SHIPPED = 'C';

function apply(rec: record.Record, plan: FulfilmentPlan): void {
  const byOrderLine = new Map(plan.lines.map((l) => [l.orderLine, l]));
  for (let i = 0; i < rec.getLineCount({ sublistId: 'item' }); i++) {
    // Kit component lines (kitmemberof) follow their kit line.
    if (String(rec.getSublistValue({ sublistId: 'item', fieldId: 'kitmemberof', line: i }) ?? '')) continue;
    const planned = byOrderLine.get(String(rec.getSublistValue({ sublistId: 'item', fieldId: 'orderline', line: i })));
    rec.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: i, value: !!planned });
    if (!planned) continue;
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: planned.quantity });
    if (!planned.numbers.length) continue;
    const detail = rec.getSublistSubrecord({ sublistId: 'item', fieldId: 'inventorydetail', line: i });
    planned.numbers.forEach((n, j) => {
      detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'issueinventorynumber', line: j, value: n.id });
      detail.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: j, value: n.quantity });
    });
  }
  plan.packages.forEach((p, j) => {
    rec.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: j, value: p.trackingNumber });
    if (p.weightKg !== undefined) rec.setSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: j, value: p.weightKg });
    rec.setSublistValue({ sublistId: 'package', fieldId: 'packagedescr', line: j, value: p.description });
  });
  rec.setValue({ fieldId: 'externalid', value: fulfilmentExternalId(plan.despatchId) });
  rec.setValue({ fieldId: 'shipstatus', value: SHIPPED });
  rec.setValue({ fieldId: 'memo', value: plan.memo });
  rec.setValue({ fieldId: TRANSACTION_FIELDS.scendTracking, value: plan.tracking });
  if (plan.shipMethodId) rec.setValue({ fieldId: 'shipmethod', value: plan.shipMethodId });
}

/** Transform-and-save attempts per invocation when another fulfilment of the order saved first. */
const ATTEMPTS = 3;

export class FulfilmentWriter implements FulfilmentPort {
  /**
   * Another despatch of the same order saving between this transform and save makes NetSuite refuse
   * the save (RCRD_HAS_BEEN_CHANGED): transform again (the remaining quantities have moved) rather
   * than fail the key, up to ATTEMPTS times (30 units each); then the key's own retries take over.
   */
  record(work: DespatchWork & { despatch: Despatch; order: DespatchOrder }, plan: (remaining: ReadonlyMap<string, number>) => PlanResult): RecordResult {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.recordOnce(work, plan);
      } catch (e) {
        if (errorName(e) !== 'RCRD_HAS_BEEN_CHANGED' || attempt >= ATTEMPTS) throw e;
      }
    }
  }

  private recordOnce(work: DespatchWork & { despatch: Despatch; order: DespatchOrder }, plan: (remaining: ReadonlyMap<string, number>) => PlanResult): RecordResult {
    let rec: record.Record;
    try {
      rec = record.transform({ fromType: NS.types.salesOrder, fromId: Number(work.order.salesOrderId), toType: NS.types.itemFulfillment });
    } catch (e) {
      if (NOTHING_LEFT.indexOf(errorName(e)) < 0) throw e;
      const none = plan(new Map());
      return none.ok ? { kind: 'problem', problem: { kind: 'alreadyShipped', lines: [] } } : { kind: 'problem', problem: none.problem };
    }
    const remaining = new Map<string, number>();
    for (let i = 0; i < rec.getLineCount({ sublistId: 'item' }); i++) {
      const line = String(rec.getSublistValue({ sublistId: 'item', fieldId: 'orderline', line: i }));
      const left = rec.getSublistValue({ sublistId: 'item', fieldId: 'quantityremaining', line: i });
      remaining.set(line, Number(left ?? rec.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i })) || 0);
    }
    const planned = plan(remaining);
    if (!planned.ok) return { kind: 'problem', problem: planned.problem };
    apply(rec, planned.plan);
    try {
      return { kind: 'created', id: String(rec.save({ enableSourcing: false, ignoreMandatoryFields: true })) };
    } catch (e) {
      if (errorName(e) === 'DUP_RCRD') return { kind: 'duplicate' };
      throw e;
    }
  }

  exists(despatchId: string): boolean {
    return search
      .create({ type: search.Type.ITEM_FULFILLMENT, filters: [['externalid', 'anyof', fulfilmentExternalId(despatchId)], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] })
      .run()
      .getRange({ start: 0, end: 1 }).length > 0;
  }

  despatchesOf(salesOrderId: string): string[] {
    const found = new Set<string>();
    search
      .create({ type: search.Type.ITEM_FULFILLMENT, filters: [['createdfrom', 'anyof', salesOrderId], 'and', ['mainline', 'is', 'T']], columns: ['externalid'] })
      .run()
      .each((row) => {
        const ext = String(row.getValue({ name: 'externalid' }) ?? '');
        if (ext.indexOf('despatch:') === 0) found.add(ext.slice('despatch:'.length));
        return true;
      });
    return Array.from(found);
  }
}
