/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { SCRIPTS } from '../ids';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { passPosition } from '../netsuite/feeds/feed-input';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { importReturn, type ReturnWork } from '../netsuite/inbound/import-return';
import { ordersByClientReference } from '../netsuite/inbound/order-references';
import { inboundFeedInput } from '../netsuite/inbound/inbound-feed-input';
import { plain } from '../netsuite/orders/values';

const FEED = 'returns';

export const config = { retryCount: 2, exitOnError: false };

/** Reads a batch from the stored position; one key per ReturnId, plus the position. */
export function getInputData(): Record<string, string> {
  return inboundFeedInput(FEED, (r) => r.ReturnId, ordersByClientReference, (ret, orderId, items): ReturnWork => ({ ret, orderId, items }));
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
