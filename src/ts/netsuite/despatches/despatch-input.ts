/**
 * getInputData of the despatch import: turns a batch of feed items into one DespatchWork per
 * DespatchId with everything map needs, read for the whole batch at once — ledger rows by
 * ClientReference, the orders' lines with their items, kit members, lot/serial numbers and the
 * fulfilments already recorded — so a despatch key pays only for its transform and save.
 */
import * as record from 'N/record';
import { ITEM_FIELDS, NS, RECORDS } from '../../ids';
import type { ConnectorConfig } from '../../core/config';
import { fulfilmentExternalId, numberKey, type DespatchOrder, type DespatchWork, type KitMemberFacts, type OrderLineFacts } from '../../core/despatches/despatch-order';
import { shipMethodFor } from '../../core/despatches/plan-fulfilment';
import type { FeedItemResult } from '../../scend/client';
import type { Despatch } from '../../scend/contract';
import { amount, flag, rowsForKeys, text } from '../suiteql';

const S = RECORDS.sync.fields;

/** ClientReference -> sales order id, preferring the ledger row that holds the despatch's OrderId. */
function ordersByReference(despatches: Despatch[]): Map<string, string> {
  const rows = rowsForKeys(
    `SELECT ${S.clientReference}, ${S.transaction}, ${S.scendId} FROM ${RECORDS.sync.id} WHERE ${S.kind} = ? AND ${S.clientReference} IN ({in})`,
    despatches.map((d) => d.ClientReference),
    ['order'],
  );
  const scendIds = new Set(despatches.map((d) => d.OrderId));
  const out = new Map<string, string>();
  for (const [ref, so, scendId] of rows) {
    if (!text(so)) continue;
    if (!out.has(text(ref)) || scendIds.has(text(scendId))) out.set(text(ref), text(so));
  }
  return out;
}

function kitMembers(kitIds: string[]): Map<string, Array<{ itemId: string; quantity: number }>> {
  const out = new Map<string, Array<{ itemId: string; quantity: number }>>();
  for (const id of kitIds) {
    const kit = record.load({ type: NS.types.kitItem, id });
    const members: Array<{ itemId: string; quantity: number }> = [];
    for (let i = 0; i < kit.getLineCount({ sublistId: 'member' }); i++) {
      members.push({
        itemId: text(kit.getSublistValue({ sublistId: 'member', fieldId: 'item', line: i })),
        quantity: Number(kit.getSublistValue({ sublistId: 'member', fieldId: 'quantity', line: i })) || 0,
      });
    }
    out.set(id, members);
  }
  return out;
}

function skusOf(itemIds: string[]): Map<string, string> {
  const rows = rowsForKeys(`SELECT id, itemid, ${ITEM_FIELDS.scendSku} FROM item WHERE id IN ({in})`, itemIds);
  return new Map(rows.map(([id, name, sku]) => [text(id), text(sku) || text(name)]));
}

function readOrders(orderIds: string[]): Map<string, DespatchOrder> {
  const rows = rowsForKeys(
    'SELECT t.id, t.tranid, t.status, tl.id, tl.item, tl.itemtype, tl.quantity, tl.quantityshiprecv, tl.isclosed, ' +
      `i.itemid, i.${ITEM_FIELDS.scendSku}, i.islotitem, i.isserialitem ` +
      "FROM transaction t JOIN transactionline tl ON tl.transaction = t.id JOIN item i ON i.id = tl.item WHERE tl.mainline = 'F' AND t.id IN ({in})",
    orderIds,
  );
  const orders = new Map<string, DespatchOrder>();
  for (const [id, tranId, status, line, item, itemType, qty, shipped, closed, name, sku, lot, serial] of rows) {
    const order = orders.get(text(id)) ?? { salesOrderId: text(id), tranId: text(tranId), status: text(status), lines: [] };
    const facts: OrderLineFacts = {
      line: text(line),
      itemId: text(item),
      itemType: text(itemType),
      sku: text(sku) || text(name),
      ordered: amount(qty),
      fulfilled: amount(shipped),
      isClosed: flag(closed),
      tracking: flag(serial) ? 'serial' : flag(lot) ? 'lot' : 'none',
    };
    order.lines.push(facts);
    orders.set(text(id), order);
  }
  const kits = Array.from(new Set(Array.from(orders.values()).flatMap((o) => o.lines.filter((l) => l.itemType === 'Kit').map((l) => l.itemId))));
  if (kits.length) {
    const members = kitMembers(kits);
    const skus = skusOf(Array.from(members.values()).flatMap((m) => m.map((x) => x.itemId)));
    for (const o of orders.values()) {
      for (const l of o.lines) {
        const list = l.itemType === 'Kit' ? members.get(l.itemId) : undefined;
        if (list) l.members = list.map((m): KitMemberFacts => ({ itemId: m.itemId, quantity: m.quantity, sku: skus.get(m.itemId) ?? '' }));
      }
    }
  }
  return orders;
}

/** Lot and serial numbers of the batch: `<itemId>|<number>` -> inventorynumber id. */
function inventoryNumbers(despatches: Despatch[]): Record<string, string> {
  const texts: string[] = [];
  for (const d of despatches) for (const p of d.Parcels) for (const l of p.Lines) { if (l.Lot) texts.push(l.Lot); texts.push(...l.Serials); }
  const out: Record<string, string> = {};
  if (!texts.length) return out;
  for (const [id, number, item] of rowsForKeys('SELECT id, inventorynumber, item FROM inventorynumber WHERE inventorynumber IN ({in})', texts)) {
    out[numberKey(text(item), text(number))] = text(id);
  }
  return out;
}

function recordedDespatches(despatchIds: string[]): Set<string> {
  const rows = rowsForKeys("SELECT externalid FROM transaction WHERE type = 'ItemShip' AND externalid IN ({in})", despatchIds.map(fulfilmentExternalId));
  return new Set(rows.map(([ext]) => text(ext).replace(/^despatch:/, '')));
}

/** The DespatchId of a malformed item, if it has a usable one. */
function idOf(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { DespatchId?: unknown }).DespatchId : undefined;
  return typeof id === 'string' && id ? id : `unidentified-${index}`;
}

export function despatchWork(items: Array<FeedItemResult<Despatch>>, config: Pick<ConnectorConfig, 'shipMethods'>): DespatchWork[] {
  const good = items.filter((i): i is { ok: true; item: Despatch } => i.ok).map((i) => i.item);
  const refs = good.length ? ordersByReference(good) : new Map<string, string>();
  const orders = refs.size ? readOrders(Array.from(new Set(refs.values()))) : new Map<string, DespatchOrder>();
  const numbers = inventoryNumbers(good);
  const recorded = good.length ? recordedDespatches(good.map((d) => d.DespatchId)) : new Set<string>();
  const work = new Map<string, DespatchWork>();
  items.forEach((i, index) => {
    if (!i.ok) {
      const despatchId = idOf(i.raw, index);
      work.set(despatchId, { despatchId, malformed: { problem: i.problem, raw: JSON.stringify(i.raw).slice(0, 3900) }, numbers: {} });
      return;
    }
    const d = i.item;
    const so = refs.get(d.ClientReference);
    const order = so ? orders.get(so) : undefined;
    const own: Record<string, string> = {};
    if (order) {
      const itemIds = new Set(order.lines.map((l) => l.itemId));
      for (const k of Object.keys(numbers)) if (itemIds.has(k.slice(0, k.indexOf('|')))) own[k] = numbers[k];
    }
    const shipMethodId = shipMethodFor(d.Service, config.shipMethods);
    work.set(d.DespatchId, {
      despatchId: d.DespatchId,
      despatch: d,
      ...(order ? { order } : {}),
      ...(shipMethodId ? { shipMethodId } : {}),
      numbers: own,
      ...(recorded.has(d.DespatchId) ? { recorded: true } : {}),
    });
  });
  return Array.from(work.values());
}
