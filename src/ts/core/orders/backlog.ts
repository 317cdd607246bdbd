/**
 * The backlog: queued entries whose next attempt is due, approved orders the user event never
 * queued (CSV import, contexts it did not cover), and stalled orders. Planning is pure; each
 * order is then worked on its own (one map key), re-reading its entry so restarts stay safe.
 *
 * The input is already narrowed by NetSuite (open entries that are due or old enough to stall,
 * orders with no ledger entry); planning re-checks both, so a wider input only costs map keys.
 */
import { isDue, orderLedgerKey, PENDING_STATES, type LedgerEntry } from '../sync/ledger';
import type { ItemCatalogue } from './items';
import { stalledException } from './order-exceptions';
import type { OrderPorts } from './ports';
import { pushApprovedOrder, resumeOrder, type PushOutcome, type PushSettings } from './push-order';
import type { SalesOrderSnapshot } from './sales-order';
import { isStalled } from './stalled';

export interface BacklogWork {
  orderId: string;
  reason: 'retry' | 'unqueued' | 'stalled-only';
  stalled: boolean;
}

/**
 * `openEntries`: ledger entries in an open state (sending, retrying, blocked); others are ignored.
 * `unqueuedOrderIds`: approved orders with no ledger entry when they were read; one that has an
 * entry among `openEntries` (queued in between) is worked as that entry.
 */
export function planBacklog(
  openEntries: readonly LedgerEntry[],
  unqueuedOrderIds: readonly string[],
  settings: Pick<PushSettings, 'stalledAfterHours'>,
  now: Date,
): BacklogWork[] {
  const work = new Map<string, BacklogWork>();
  const queued = new Set<string>();
  for (const e of openEntries) {
    queued.add(e.transactionId);
    if (PENDING_STATES.indexOf(e.state) < 0) continue;
    const stalled = isStalled(e, now, settings.stalledAfterHours);
    const due = isDue(e, now);
    if (due || stalled) work.set(e.transactionId, { orderId: e.transactionId, reason: due ? 'retry' : 'stalled-only', stalled });
  }
  for (const id of unqueuedOrderIds) if (!queued.has(id)) work.set(id, { orderId: id, reason: 'unqueued', stalled: false });
  return Array.from(work.values());
}

export type BacklogOutcome = PushOutcome | { kind: 'stalled-flagged' } | { kind: 'not-due' };

export interface BacklogDeps {
  readOrder(orderId: string): SalesOrderSnapshot;
  readItems(order: SalesOrderSnapshot): ItemCatalogue;
  /** A held order's products pushed to Scend before re-planning (core/items/held-products.ts); true when the items must be re-read. */
  retryProducts?(entry: LedgerEntry, order: SalesOrderSnapshot, items: ItemCatalogue): boolean;
}

/** One order's backlog work. `restarted`: this key ran before and died (map/reduce restart). */
export function workBacklogItem(
  work: BacklogWork,
  settings: PushSettings,
  now: Date,
  ports: OrderPorts,
  deps: BacklogDeps,
  restarted: boolean,
): BacklogOutcome {
  // Fresh read: the input may be minutes old, and a restart may have moved it on already.
  const entry = ports.ledger.find(orderLedgerKey(work.orderId));
  const order = () => deps.readOrder(work.orderId);
  if (entry && work.stalled && isStalled(entry, now, settings.stalledAfterHours)) {
    const o = order();
    ports.exceptions.raise(stalledException({ id: o.id, tranId: o.tranId, clientReference: entry.clientReference }, settings.stalledAfterHours, entry.lastError ?? ''), now);
    if (work.reason === 'stalled-only') return { kind: 'stalled-flagged' };
  }
  if (!entry) {
    const o = order();
    return pushApprovedOrder({ order: o, items: deps.readItems(o), settings, now, actor: 'backlog' }, ports);
  }
  if (PENDING_STATES.indexOf(entry.state) < 0) return { kind: 'done', state: entry.state };
  if (!isDue(entry, now) && !restarted) return { kind: 'not-due' };
  const o = order();
  let items = deps.readItems(o);
  if (deps.retryProducts && deps.retryProducts(entry, o, items)) items = deps.readItems(o);
  return resumeOrder(entry, { order: o, items, settings, now, actor: 'backlog' }, ports, { restarted, actor: 'backlog' });
}
