/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import type { Receipt } from '../scend/contract';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { passPosition, readFeedBatch, withPosition } from '../netsuite/feeds/feed-input';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { importReceipt, type ReceiptWork } from '../netsuite/inbound/import-receipt';
import { docsByClientReference, itemsBySku } from '../netsuite/inbound/receipt-source';

const FEED = 'receipts';
/** Pages of 500 per run: 10,000 receipts at most, the rest next run. */
const MAX_PAGES = 20;

export const config = { retryCount: 2, exitOnError: false };

/** Reads a batch from the stored position; one key per ReceiptId (a redelivered one collapses), plus the position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const cfg = configForRun(now);
  if (!cfg) return {};
  const read = readFeedBatch<Receipt>(FEED, cfg, (client, q) => client.readFeed(FEED, q), { limit: 500, maxPages: MAX_PAGES, itemAt: (r) => r.ReceivedAt });
  const { batch } = read;
  const docs = docsByClientReference(batch.items.map((r) => r.ClientReference));
  const items = itemsBySku(batch.items.flatMap((r) => r.Lines.map((l) => l.Sku)));
  const input: Record<string, string> = {};
  for (const receipt of batch.items) {
    const skus = new Set(receipt.Lines.map((l) => l.Sku));
    const own: ReceiptWork['items'] = {};
    for (const id of Object.keys(items)) if (skus.has(items[id].sku)) own[id] = items[id];
    const work: ReceiptWork = { receipt, doc: docs.get(receipt.ClientReference), items: own };
    input[receipt.ReceiptId] = JSON.stringify(work);
  }
  return withPosition(input, read);
}

/** One receipt, idempotently: NetSuite refuses a second item receipt with its externalid. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (passPosition(context)) return;
  const outcome = importReceipt(JSON.parse(context.value) as ReceiptWork, new ExceptionRepository(), new Date());
  log.debug({ title: `Scend receipt ${context.key}`, details: outcome });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
}
