/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { importDespatch } from '../core/despatches/import-despatch';
import type { DespatchWork } from '../core/despatches/despatch-order';
import { configForRun } from '../netsuite/configured';
import { despatchWork } from '../netsuite/despatches/despatch-input';
import { FulfilmentWriter } from '../netsuite/despatches/fulfilment-writer';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { passPosition, readFeedBatch, withPosition } from '../netsuite/feeds/feed-input';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';

const FEED = 'despatches';
/** Items per page (the contract's maximum) and pages per run: 10,000 despatches a run at most. */
const PAGE_SIZE = 500;
const MAX_PAGES = 20;

/** Transient failures (RCRD_HAS_BEEN_CHANGED when two despatches of one order save at once) run again. */
export const config = { retryCount: 2, exitOnError: false };

/** One key per DespatchId, with the order facts the batch's few searches found, plus the feed position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const settings = configForRun(now);
  if (!settings) return {};
  const read = readFeedBatch(FEED, settings, (client, q) => client.readFeedItems(FEED, q), {
    limit: PAGE_SIZE, maxPages: MAX_PAGES, itemAt: (i) => (i.ok ? i.item.DespatchedAt : undefined),
  });
  const { batch, client } = read;
  const input: Record<string, string> = {};
  for (const work of despatchWork(batch.items, settings)) input[work.despatchId] = JSON.stringify(work);
  withPosition(input, read);
  log.audit({ title: 'Scend despatches: batch', details: JSON.stringify({ items: batch.items.length, pages: batch.pages, stoppedBy: batch.stoppedBy, calls: client.callsMade }) });
  return input;
}

/** One despatch: one fulfilment (externalid despatch:<id>), or an exception; never throws for bad data. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (passPosition(context)) return;
  const work = JSON.parse(context.value) as DespatchWork;
  const outcome = importDespatch(work, { fulfilments: new FulfilmentWriter(), exceptions: new ExceptionRepository() }, new Date());
  if (outcome.kind === 'exception') log.audit({ title: `Scend despatch ${work.despatchId}: ${outcome.type}`, details: work.order?.tranId ?? '' });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
}
