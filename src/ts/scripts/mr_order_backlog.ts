/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import { logBacklogSummary } from '../netsuite/mapreduce/backlog-summary';
import { planBacklog, workBacklogItem, type BacklogWork } from '../core/orders/backlog';
import { loadConfig } from '../netsuite/config-repository';
import { configForRun } from '../netsuite/configured';
import { openOrderLedgerEntries, unqueuedApprovedOrderIds } from '../netsuite/orders/backlog-source';
import { readItemCatalogue } from '../netsuite/orders/item-reader';
import { productRetry } from '../netsuite/items/product-retry';
import { orderPorts } from '../netsuite/orders/order-ports';
import { loadSnapshot } from '../netsuite/orders/sales-order-reader';
import { backlogFailedException } from '../core/orders/order-exceptions';
import { dedupeKey } from '../core/exceptions/exception';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { completedKeys, failedKeys } from '../netsuite/mapreduce/failed-keys';

/** One key per order: retries due, orders never queued, stalled orders (two bounded searches). */
export function getInputData(): Record<string, BacklogWork> {
  const now = new Date();
  const config = configForRun(now);
  if (!config) return {};
  const work = planBacklog(openOrderLedgerEntries(config, now), unqueuedApprovedOrderIds(config), config, now);
  const input: Record<string, BacklogWork> = {};
  for (const w of work) input[w.orderId] = w;
  return input;
}

/** Works one order; idempotent: it re-reads the ledger and looks Scend up before any resend. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  const work = JSON.parse(context.value) as BacklogWork;
  const config = loadConfig();
  const now = new Date();
  const deps = { readOrder: loadSnapshot, readItems: readItemCatalogue, retryProducts: productRetry(config, now) };
  const outcome = workBacklogItem(work, config, now, orderPorts(config), deps, context.isRestarted);
  context.write({ key: outcome.kind, value: work.orderId });
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  context.write({ key: context.key, value: String(context.values.length) });
}

/**
 * Counts per outcome. An order whose key failed (after retries) becomes one admin exception, kept
 * until a later run gets through it (one search of open ones, then a resolve per recovered order).
 */
export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const now = new Date();
  const exceptions = new ExceptionRepository();
  for (const f of failedKeys(summary.mapSummary)) exceptions.raise(backlogFailedException(f.key, f.error), now);
  const open = exceptions.openDedupeKeys(['failedWork']);
  if (open.length) {
    for (const key of completedKeys(summary.mapSummary)) {
      const k = dedupeKey('failedWork', 'order', key);
      if (open.indexOf(k) >= 0) exceptions.resolve(k, now);
    }
  }
  logBacklogSummary(summary, 'backlog', 'order');
}
