/**
 * The sales order user event's two decisions, as use cases:
 * - after a save: push a newly approved order, re-try a blocked/skipped one after an edit,
 *   amend a sent one;
 * - before a cancel/close (or closing lines): make Scend stop it first, or say why not.
 */
import type { LedgerEntry } from '../sync/ledger';
import { orderLedgerKey } from '../sync/ledger';
import { amendSentOrder, type AmendOutcome } from './amend-order';
import { becameApproved, closesOrder, type SaveKind } from './approval';
import { cancelInScend, checkCancel, type CancelOutcome } from './cancel-order';
import { PACKING_MESSAGE, unreachableMessage, type CancelDecision } from './cancellation';
import { KIT_ITEM_TYPE, isPhysicalType, type ItemCatalogue } from './items';
import type { OrderPorts } from './ports';
import { pushApprovedOrder, resumeOrder, type PushOutcome, type PushSettings } from './push-order';
import { isApprovedStatus, type SalesOrderSnapshot } from './sales-order';
import type { CancelSettings } from './settings';

export interface OrderSaved {
  kind: SaveKind;
  oldStatus?: string;
  /** Reads the full order (free from newRecord; a load when the event only carries changed fields). */
  order: () => SalesOrderSnapshot;
  items: (order: SalesOrderSnapshot) => ItemCatalogue;
}

export type SavedOutcome = PushOutcome | AmendOutcome | { kind: 'ignored' };

export function onOrderSaved(ev: OrderSaved, settings: PushSettings, now: Date, ports: OrderPorts): SavedOutcome {
  if (ev.kind === 'delete' || ev.kind === 'cancel' || ev.kind === 'other') return { kind: 'ignored' };
  const order = ev.order();
  if (becameApproved(ev.kind, ev.oldStatus, order.status)) {
    return pushApprovedOrder({ order, items: ev.items(order), settings, now }, ports);
  }
  if (!isApprovedStatus(order.status) || ev.kind === 'create') return { kind: 'ignored' };
  // An edit of an approved order: whatever the ledger says decides.
  const entry = ports.ledger.find(orderLedgerKey(order.id));
  if (!entry) return pushApprovedOrder({ order, items: ev.items(order), settings, now }, ports);
  const input = () => ({ order, items: ev.items(order), settings, now });
  switch (entry.state) {
    case 'sent':
      return amendSentOrder(entry, input(), ports);
    case 'blocked':
    case 'skipped':
      return resumeOrder(entry, input(), ports, { restarted: false, actor: 'user-event' });
    case 'sending':
    case 'retrying':
    case 'failed':
    case 'cancelled':
      // Queued work belongs to the backlog, which re-reads the order before sending it.
      return { kind: 'ignored' };
    default: {
      const unreachable: never = entry.state;
      return unreachable;
    }
  }
}

export interface OrderClosing {
  kind: SaveKind;
  newStatus?: string;
  oldOrder?: SalesOrderSnapshot;
  /** The order as it will be saved; undefined for a cancel or an inline edit without lines. */
  newOrder?: SalesOrderSnapshot;
  items: (order: SalesOrderSnapshot) => ItemCatalogue;
}

export type ClosingDecision = CancelDecision | { kind: 'not-closing' } | { kind: 'amended' };

const warehouseLineIds = (o: SalesOrderSnapshot): string[] =>
  o.lines.filter((l) => !l.isClosed && (isPhysicalType(l.itemType) || l.itemType === KIT_ITEM_TYPE)).map((l) => l.line);

/** Which kind of close this save is: the whole order, some of its warehouse lines, or neither. */
export function closingScope(ev: Pick<OrderClosing, 'kind' | 'newStatus' | 'oldOrder' | 'newOrder'>): 'order' | 'lines' | 'none' {
  if (closesOrder(ev.kind, ev.newStatus)) return 'order';
  if (!ev.oldOrder || !ev.newOrder || !ev.newOrder.lines.length) return 'none';
  const before = warehouseLineIds(ev.oldOrder);
  const after = warehouseLineIds(ev.newOrder);
  const closed = before.filter((id) => after.indexOf(id) < 0 && ev.newOrder?.lines.some((l) => l.line === id && l.isClosed));
  if (closed.length === 0) return 'none';
  return after.length === 0 ? 'order' : 'lines';
}

export function onOrderClosing(
  ev: OrderClosing,
  orderId: string,
  tranId: string,
  settings: CancelSettings & PushSettings,
  now: Date,
  ports: OrderPorts,
): ClosingDecision {
  const scope = closingScope(ev);
  if (scope === 'none') return { kind: 'not-closing' };
  const entry: LedgerEntry | undefined = ports.ledger.find(orderLedgerKey(orderId));
  if (scope === 'order' || !entry || entry.state !== 'sent' || !ev.newOrder) {
    return scope === 'order' ? checkCancel(entry, { id: orderId, tranId, snapshot: ev.oldOrder }, settings, now, ports) : { kind: 'not-closing' };
  }
  const outcome = amendSentOrder(entry, { order: ev.newOrder, items: ev.items(ev.newOrder), settings, now }, ports);
  if (outcome.kind === 'conflict') return { kind: 'refuse', message: PACKING_MESSAGE, conflict: true };
  if (outcome.kind === 'deferred') return { kind: 'refuse', message: unreachableMessage(outcome.error), conflict: false };
  return { kind: 'amended' };
}

/**
 * After NetSuite committed a cancel or close of the whole order: stop it in Scend and close the
 * ledger (the check before the save allowed it; whatever happened in between becomes an exception).
 */
export function onOrderClosed(order: Pick<SalesOrderSnapshot, 'id' | 'tranId' | 'lines'>, now: Date, ports: OrderPorts): CancelOutcome | { kind: 'no-entry' } {
  const entry = ports.ledger.find(orderLedgerKey(order.id));
  if (!entry) return { kind: 'no-entry' };
  return cancelInScend(entry, { id: order.id, tranId: order.tranId, snapshot: order }, now, ports);
}
