/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import * as error from 'N/error';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { closesOrder } from '../core/orders/approval';
import { onOrderClosed, onOrderClosing, onOrderSaved } from '../core/orders/order-events';
import { loadConfig } from '../netsuite/config-repository';
import { configOrRaise } from '../netsuite/configured';
import { readItemCatalogue } from '../netsuite/orders/item-reader';
import { orderPorts } from '../netsuite/orders/order-ports';
import { addRetryButton } from '../netsuite/orders/retry-button';
import { loadSnapshot, snapshotOf } from '../netsuite/orders/sales-order-reader';
import { saveKindOf } from '../netsuite/orders/save-kind';
import { plain } from '../netsuite/orders/values';

const units = (): number => runtime.getCurrentScript().getRemainingUsage();

/** A person viewing an order Scend does not have yet gets Retry now (re-queues it). */
export function beforeLoad(context: EntryPoints.UserEvent.beforeLoadContext): void {
  addRetryButton(context);
}

/**
 * Cancelling or closing an order Scend may hold: Scend's live status is checked first, and the
 * change is refused if the warehouse is packing it (or cannot be asked). Nothing is changed in
 * Scend here: the save may still fail after this; afterSubmit stops it in Scend once it committed.
 */
export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  const kind = saveKindOf(String(context.type));
  if ((kind !== 'cancel' && kind !== 'edit' && kind !== 'xedit') || !context.oldRecord) return;
  const oldOrder = snapshotOf(context.oldRecord);
  // Pending approval or already closed: Scend never had it (or already stopped it).
  if (['A', 'C', 'H'].indexOf(oldOrder.status) >= 0) return;
  const rec = context.newRecord;
  const newStatus = plain(rec.getValue({ fieldId: 'orderstatus' })) || undefined;
  const newOrder = kind === 'edit' && rec.getLineCount({ sublistId: 'item' }) > 0 ? snapshotOf(rec) : undefined;
  const config = loadConfig();
  const decision = onOrderClosing(
    { kind, newStatus, oldOrder, newOrder, items: readItemCatalogue },
    oldOrder.id,
    oldOrder.tranId,
    config,
    new Date(),
    orderPorts(config),
  );
  if (decision.kind === 'not-closing') return;
  log.audit({ title: 'Scend cancel check', details: JSON.stringify({ order: oldOrder.id, decision: decision.kind, unitsLeft: units() }) });
  if (decision.kind === 'refuse') throw error.create({ name: 'SCEND_CANCEL_REFUSED', message: decision.message, notifyOff: true });
}

/**
 * Approval pushes the order; edits re-try, amend or leave it to the backlog; a committed cancel or
 * close stops it in Scend. Never fails the save for Scend.
 */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const kind = saveKindOf(String(context.type));
  if (kind === 'delete' || kind === 'other') return;
  const rec = context.newRecord;
  const newStatus = plain(rec.getValue({ fieldId: 'orderstatus' })) || undefined;
  const wasClosed = ['C', 'H'].indexOf(context.oldRecord ? plain(context.oldRecord.getValue({ fieldId: 'orderstatus' })) : '') >= 0;
  if (closesOrder(kind, newStatus)) {
    if (wasClosed || !context.oldRecord) return;
    const now = new Date();
    const config = configOrRaise(now);
    if (!config) return;
    const outcome = onOrderClosed(snapshotOf(context.oldRecord), now, orderPorts(config));
    log.audit({ title: 'Scend order cancel', details: JSON.stringify({ order: plain(rec.id), outcome, unitsLeft: units() }) });
    return;
  }
  if (kind === 'cancel') return;
  // Only approved (pending fulfilment) orders concern Scend: anything else costs no units.
  if (kind !== 'xedit' && plain(rec.getValue({ fieldId: 'orderstatus' })) !== 'B') return;
  const oldStatus = context.oldRecord ? plain(context.oldRecord.getValue({ fieldId: 'orderstatus' })) : undefined;
  // An inline edit's newRecord carries only the edited fields: read the whole order then.
  const order = () => (kind === 'xedit' || rec.getLineCount({ sublistId: 'item' }) === 0 ? loadSnapshot(plain(rec.id)) : snapshotOf(rec));
  const now = new Date();
  // Unconfigured: the admin hears about it; the order waits for the backlog, the save stands.
  const config = configOrRaise(now);
  if (!config) return;
  const outcome = onOrderSaved({ kind, oldStatus, order, items: readItemCatalogue }, config, now, orderPorts(config));
  if (outcome.kind !== 'ignored') {
    log.audit({ title: 'Scend order push', details: JSON.stringify({ order: plain(rec.id), outcome, unitsLeft: units() }) });
  }
}
