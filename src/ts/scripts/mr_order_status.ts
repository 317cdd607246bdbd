/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { collapseEvents, planStatusChanges, type StatusChange } from '../core/order-status/collapse';
import type { LostOrder } from '../core/order-status/status-exceptions';
import { applyStatusChange, LOST_AFTER_MS, recheckLostOrder, type LostCheck } from '../core/order-status/sync-status';
import { loadConfig } from '../netsuite/config-repository';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { passPosition, readFeedBatch, withPosition } from '../netsuite/feeds/feed-input';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { ledgerRowsFor, silentSentOrders, StatusLedger } from '../netsuite/order-status/status-ledger';
import { scendClientFor } from '../netsuite/orders/order-ports';
import type { OrderEvent } from '../scend/contract';
import { NotFoundError, isScendError } from '../scend/errors';

const FEED = 'order-events';
const PAGE_SIZE = 500;
const MAX_PAGES = 20;
/** Silent sent orders asked about per run (one Scend call each). */
const LOST_CHECKS_PER_RUN = 25;

export const config = { retryCount: 2, exitOnError: false };

type Work = { kind: 'status'; change: StatusChange } | { kind: 'lost'; order: LostOrder };

/** One key per order whose Scend status changed (events collapsed; one ledger query per batch), one per silent order, and the feed position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const settings = configForRun(now);
  if (!settings) return {};
  const read = readFeedBatch(FEED, settings, (c, q) => c.readFeedItems(FEED, q), {
    limit: PAGE_SIZE, maxPages: MAX_PAGES, itemAt: (i) => (i.ok ? i.item.At : undefined),
  });
  const { batch, client } = read;
  const events: OrderEvent[] = [];
  for (const i of batch.items) {
    if (i.ok) events.push(i.item);
    else log.error({ title: 'Scend order-events: malformed event skipped', details: `${i.problem} ${JSON.stringify(i.raw).slice(0, 500)}` });
  }
  const latest = collapseEvents(events);
  const { changes, unknownOrders } = planStatusChanges(latest, ledgerRowsFor(latest.map((l) => l.orderId)));
  const input: Record<string, string> = {};
  for (const change of changes) input[`status:${change.orderId}`] = JSON.stringify({ kind: 'status', change } satisfies Work);
  for (const order of silentSentOrders(new Date(now.getTime() - LOST_AFTER_MS), LOST_CHECKS_PER_RUN)) {
    if (!latest.some((l) => l.orderId === order.scendId)) input[`lost:${order.ledgerId}`] = JSON.stringify({ kind: 'lost', order } satisfies Work);
  }
  withPosition(input, read);
  log.audit({ title: 'Scend order-events: batch', details: JSON.stringify({ events: events.length, orders: latest.length, changes: changes.length, notOurs: unknownOrders.length, calls: client.callsMade }) });
  return input;
}

function lostCheck(order: LostOrder): LostCheck | undefined {
  try {
    const found = scendClientFor(loadConfig()).getOrder(order.scendId);
    return { found: true, status: found.Status };
  } catch (e) {
    if (e instanceof NotFoundError) return { found: false, why: `Scend answered NOT_FOUND for ${order.scendId}` };
    if (isScendError(e)) {
      log.error({ title: `Scend order ${order.scendId}: re-check failed`, details: e.message });
      return undefined; // asked again next run
    }
    throw e;
  }
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (passPosition(context)) return;
  const work = JSON.parse(context.value) as Work;
  const ports = { ledger: new StatusLedger(), exceptions: new ExceptionRepository() };
  const now = new Date();
  if (work.kind === 'status') {
    applyStatusChange(work.change, ports, now);
    return;
  }
  const check = lostCheck(work.order);
  if (check) recheckLostOrder(work.order, check, ports, now);
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
}
