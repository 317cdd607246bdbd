/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { passPosition } from '../netsuite/feeds/feed-input';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { importReceipt, type ReceiptWork } from '../netsuite/inbound/import-receipt';
import { inboundFeedInput } from '../netsuite/inbound/inbound-feed-input';
import { docsByClientReference } from '../netsuite/inbound/receipt-source';

const FEED = 'receipts';

export const config = { retryCount: 2, exitOnError: false };

/** Reads a batch from the stored position; one key per ReceiptId (a redelivered one collapses), plus the position. */
export function getInputData(): Record<string, string> {
  return inboundFeedInput(FEED, (r) => r.ReceiptId, docsByClientReference, (receipt, doc, items): ReceiptWork => ({ receipt, doc, items }));
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
