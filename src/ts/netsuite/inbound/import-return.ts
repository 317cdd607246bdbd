/**
 * One Scend return into NetSuite (a map key of the return import): the order's open return
 * authorization is received (item receipt transformed from it, externalid `return:<ReturnId>`):
 * RESTOCK units at the authorization's location, DAMAGED units at the damaged-returns location or
 * not at all (script parameter) — a second receipt, externalid `return:<ReturnId>:damaged`, since
 * one receipt line per authorization line has one location. A return with no open authorization, or units
 * beyond it, become a customer-service exception with what arrived. Every exception path first
 * checks the receipt does not exist, so a redelivered return raises nothing again.
 */
import * as search from 'N/search';
import { NS } from '../../ids';
import type { Return } from '../../scend/contract';
import { planReturn, type AuthorizedLine } from '../../core/inbound/return-plan';
import { returnWithoutAuthorizationException } from '../../core/inbound/inbound-exceptions';
import type { ExceptionSink } from '../../core/orders/ports';
import type { ItemFact } from './receipt-source';
import { receiptExists, saveReceipt, startReceipt } from './item-receipt-writer';

export interface ReturnWork {
  ret: Return;
  /** The sales order this ClientReference was sent for, if the connector sent it. */
  orderId?: string;
  items: Record<string, ItemFact>;
}

export type ReturnOutcome = 'received' | 'duplicate' | 'no-authorization' | 'nothing';

export const returnExternalId = (returnId: string): string => `return:${returnId}`;
/** The receipt of a return's damaged units at the damaged-returns location. */
export const damagedExternalId = (returnId: string): string => `return:${returnId}:damaged`;

/** The oldest open (pending receipt / partially received) authorization created from the order (10 units). */
export function openAuthorization(orderId: string): string | undefined {
  const rows = search
    .create({
      type: NS.types.returnAuthorization,
      filters: [['createdfrom', 'anyof', orderId], 'and', ['mainline', 'is', 'T'], 'and', ['status', 'anyof', ['RtnAuth:B', 'RtnAuth:D', 'RtnAuth:E']]],
      columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC })],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  return rows.length ? String(rows[0].id) : undefined;
}

export function importReturn(work: ReturnWork, damagedLocation: string | undefined, exceptions: Pick<ExceptionSink, 'raise'>, now: Date): ReturnOutcome {
  const { ret, orderId } = work;
  const externalId = returnExternalId(ret.ReturnId);
  const refuse = (why: string): ReturnOutcome => {
    if (receiptExists(externalId)) return 'duplicate';
    exceptions.raise(returnWithoutAuthorizationException(ret, orderId, why), now);
    return 'no-authorization';
  };
  if (!orderId) return refuse('the connector never sent an order with this reference');
  const raId = openAuthorization(orderId);
  if (!raId) return refuse('the order has no open return authorization');
  const draft = startReceipt(NS.types.returnAuthorization, raId);
  if (!draft) return refuse('its return authorization has nothing left to receive');
  const lines: AuthorizedLine[] = draft.lines.map((l) => ({
    orderLine: l.orderLine,
    itemId: l.itemId,
    sku: work.items[l.itemId]?.sku,
    remaining: l.remaining,
    numbered: !!(work.items[l.itemId]?.lot || work.items[l.itemId]?.serial),
  }));
  const plan = planReturn(ret, lines, damagedLocation);
  const outside = plan.notReceived.filter((n) => n.condition !== 'DAMAGED' || !!damagedLocation);
  if (outside.length) {
    if (receiptExists(externalId)) return 'duplicate';
    const what = outside.map((n) => `${n.quantity} × ${n.sku} ${n.condition}: ${n.why}`).join('; ');
    exceptions.raise(returnWithoutAuthorizationException(ret, orderId, `part of it is outside the return authorization (${what})`), now);
  }
  if (plan.receive.length === 0) return outside.length ? 'no-authorization' : 'nothing';
  const kept = plan.notReceived.filter((n) => n.condition === 'DAMAGED' && !damagedLocation).map((n) => `${n.quantity} × ${n.sku} damaged, not received`);
  const memo = `Scend return ${ret.ReturnId} at ${ret.ReceivedAt}${kept.length ? `; ${kept.join('; ')}` : ''}`;
  // One receipt line per authorization line: damaged units at another location are a second receipt.
  const restock = plan.receive.filter((r) => !r.location);
  const damaged = plan.receive.filter((r) => !!r.location);
  let received = false;
  if (restock.length) received = saveReceipt(draft, externalId, memo, restock).saved || received;
  if (damaged.length) {
    const second = restock.length ? startReceipt(NS.types.returnAuthorization, raId) : draft;
    if (second) received = saveReceipt(second, damagedExternalId(ret.ReturnId), `${memo}; damaged units`, damaged).saved || received;
  }
  return received ? 'received' : 'duplicate';
}
