/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { planBacklog, workBacklogItem, type BacklogWork } from '../core/orders/backlog';
import { loadConfig } from '../netsuite/config-repository';
import { configForRun } from '../netsuite/configured';
import { openOrderLedgerEntries, unqueuedApprovedOrderIds } from '../netsuite/orders/backlog-source';
import { readItemCatalogue } from '../netsuite/orders/item-reader';
import { orderPorts } from '../netsuite/orders/order-ports';
import { loadSnapshot } from '../netsuite/orders/sales-order-reader';

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
  const outcome = workBacklogItem(work, config, new Date(), orderPorts(config), { readOrder: loadSnapshot, readItems: readItemCatalogue }, context.isRestarted);
  context.write({ key: outcome.kind, value: work.orderId });
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  context.write({ key: context.key, value: String(context.values.length) });
}

/** Counts per outcome; every error reaches the log with its key (and fails nothing silently). */
export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  if (summary.inputSummary.error) log.error({ title: 'Scend backlog: input failed', details: summary.inputSummary.error });
  const counts: Record<string, number> = {};
  summary.output.iterator().each((key, value) => {
    counts[key] = Number(value);
    return true;
  });
  let errors = 0;
  summary.mapSummary.errors.iterator().each((key, err) => {
    errors++;
    log.error({ title: `Scend backlog: order ${key} failed`, details: err });
    return true;
  });
  log.audit({ title: 'Scend backlog summary', details: JSON.stringify({ counts, errors, usage: summary.usage }) });
}
