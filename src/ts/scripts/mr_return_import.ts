/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { SCRIPTS } from '../ids';
import type { Return } from '../scend/contract';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { passPosition, readFeedBatch, withPosition } from '../netsuite/feeds/feed-input';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { importReturn, type ReturnWork } from '../netsuite/inbound/import-return';
import { ordersByClientReference } from '../netsuite/inbound/order-references';
import { itemsBySku } from '../netsuite/inbound/receipt-source';
import { plain } from '../netsuite/orders/values';

const FEED = 'returns';
const MAX_PAGES = 20;

export const config = { retryCount: 2, exitOnError: false };

/** Reads a batch from the stored position; one key per ReturnId, plus the position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const cfg = configForRun(now);
  if (!cfg) return {};
  const read = readFeedBatch<Return>(FEED, cfg, (client, q) => client.readFeed(FEED, q), { limit: 500, maxPages: MAX_PAGES, itemAt: (r) => r.ReceivedAt });
  const { batch } = read;
  const orders = ordersByClientReference(batch.items.map((r) => r.ClientReference));
  const items = itemsBySku(batch.items.flatMap((r) => r.Lines.map((l) => l.Sku)));
  const input: Record<string, string> = {};
  for (const ret of batch.items) {
    const skus = new Set(ret.Lines.map((l) => l.Sku));
    const own: ReturnWork['items'] = {};
    for (const id of Object.keys(items)) if (skus.has(items[id].sku)) own[id] = items[id];
    const work: ReturnWork = { ret, orderId: orders.get(ret.ClientReference), items: own };
    input[ret.ReturnId] = JSON.stringify(work);
  }
  return withPosition(input, read);
}

/** One return, idempotently: NetSuite refuses a second item receipt with its externalid. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (passPosition(context)) return;
  const damaged = plain(runtime.getCurrentScript().getParameter({ name: SCRIPTS.returnImport.params.damagedLocation })) || undefined;
  const outcome = importReturn(JSON.parse(context.value) as ReturnWork, damaged, new ExceptionRepository(), new Date());
  log.debug({ title: `Scend return ${context.key}`, details: outcome });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
}
