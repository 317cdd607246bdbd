/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { POSITION_KEY, positionEntry } from '../core/feeds/feed-job';
import { readBatch } from '../core/feeds/read-batch';
import type { Receipt } from '../scend/contract';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { importReceipt, type ReceiptWork } from '../netsuite/inbound/import-receipt';
import { docsByClientReference, itemsBySku } from '../netsuite/inbound/receipt-source';
import { scendClientFor } from '../netsuite/orders/order-ports';

const FEED = 'receipts';
/** Pages of 500 per run: 10,000 receipts at most, the rest next run. */
const MAX_PAGES = 20;

export const config = { retryCount: 2, exitOnError: false };

/** Reads a batch from the stored position; one key per ReceiptId (a redelivered one collapses), plus the position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const cfg = configForRun(now);
  if (!cfg) return {};
  const client = scendClientFor(cfg);
  const store = new FeedPositionRepository();
  const position = store.read(FEED);
  const batch = readBatch<Receipt>({ read: (q) => client.readFeed(FEED, q), canAfford: () => client.canAfford() }, position, { limit: 500, maxPages: MAX_PAGES, itemAt: (r) => r.ReceivedAt });
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
  input[POSITION_KEY] = JSON.stringify(positionEntry(position, batch));
  return input;
}

/** One receipt, idempotently: NetSuite refuses a second item receipt with its externalid. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (context.key === POSITION_KEY) {
    context.write(POSITION_KEY, context.value);
    return;
  }
  const outcome = importReceipt(JSON.parse(context.value) as ReceiptWork, new ExceptionRepository(), new Date());
  log.debug({ title: `Scend receipt ${context.key}`, details: outcome });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
}
