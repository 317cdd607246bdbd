/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { POSITION_KEY } from '../core/feeds/feed-job';
import { movementException, planMovement, type MovementPlan } from '../core/stock/movement';
import { readStockSettings } from '../netsuite/stock/stock-settings-repository';
import { stockSettingsException, STOCK_SETTINGS_KEY } from '../core/stock/settings';
import type { StockMovement } from '../scend/contract';
import { loadConfig } from '../netsuite/config-repository';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { passPosition, readFeedBatch, withPosition } from '../netsuite/feeds/feed-input';
import { summarizeFeed } from '../netsuite/feeds/feed-summary';
import { createAdjustment, findAdjustment, pickLots } from '../netsuite/stock/adjustments';
import { findItemBySku } from '../netsuite/stock/netsuite-stock';

const FEED = 'stock-movements';
/** Bad data NetSuite refuses for this movement alone: an exception for operations, never a failed key. */
const REFUSED = ['INSUFFICIENT_STOCK', 'INVENTORY_DETAIL_QTY_MISMATCH', 'INVALID_INVENTORY_NUMBER', 'INVALID_FLD_VALUE', 'INVALID_KEY_OR_REF'];

export const config = { retryCount: 2 };

const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');
const errorMessage = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message ?? '') : String(e));

/** One key per MovementId (a page's repeats collapse) and the feed position. */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const connector = configForRun(now);
  if (!connector) return {};
  const settings = readStockSettings();
  const exceptions = new ExceptionRepository();
  if (!settings.ok) {
    exceptions.raise(stockSettingsException(settings.problems), now);
    return {};
  }
  exceptions.resolve(STOCK_SETTINGS_KEY, now);
  const read = readFeedBatch<StockMovement>(FEED, connector, (client, q) => client.stockMovements(q), { limit: 500, maxPages: 10, itemAt: (m) => m.OccurredAt });
  const input: Record<string, string> = {};
  for (const m of read.batch.items) input[m.MovementId] = JSON.stringify(m);
  return withPosition(input, read);
}

function apply(m: StockMovement, plan: MovementPlan, exceptions: ExceptionRepository): string {
  if (plan.kind === 'skip') return 'skipped';
  if (plan.kind === 'exception') {
    exceptions.raise(plan.draft);
    return 'exception';
  }
  const a = plan.adjustment;
  const refused = (problem: string, todo: string): string => {
    // A redelivered movement whose adjustment exists already is done, whatever stock says now.
    if (findAdjustment(a.externalId) !== undefined) return 'duplicate';
    exceptions.raise(movementException(m, problem, todo, a.itemId));
    return 'exception';
  };
  let lots: ReturnType<typeof pickLots>;
  if (a.pickLots) {
    lots = pickLots(a.itemId, a.locationId, -a.quantity);
    if (!lots) return refused(`NetSuite holds fewer than ${-a.quantity} units in lots of this item at the location`, 'Check the lots on hand, then post the adjustment by hand naming the lots.');
  }
  try {
    const done = createAdjustment({ externalId: a.externalId, account: a.account, locationId: a.locationId, memo: a.memo, lines: [{ itemId: a.itemId, quantity: a.quantity, ...(lots ? { lots } : {}) }] });
    return done.created ? 'adjusted' : 'duplicate';
  } catch (e) {
    if (REFUSED.indexOf(errorName(e)) < 0) throw e;
    return refused(`NetSuite refused the adjustment (${errorName(e)}: ${errorMessage(e).slice(0, 200)})`, 'Compare the item\'s stock in NetSuite and Scend; the hourly stock sync reports the difference. Adjust by hand if needed.');
  }
}

/** Imports one movement: at most one adjustment (externalid movement:<MovementId>), or an exception. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (passPosition(context)) return;
  const m = JSON.parse(context.value) as StockMovement;
  const settings = readStockSettings();
  if (!settings.ok) throw new Error(`stock settings unusable: ${settings.problems.map((p) => p.message).join('; ')}`);
  const item = m.Reason === 'RETURN_RESTOCK' ? undefined : findItemBySku(m.Sku);
  const outcome = apply(m, planMovement(m, item, loadConfig().locations, settings.settings), new ExceptionRepository());
  context.write({ key: m.MovementId, value: outcome });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const counts: Record<string, number> = {};
  summary.output.iterator().each((key, value) => {
    if (key !== POSITION_KEY) counts[value] = (counts[value] ?? 0) + 1;
    return true;
  });
  const report = summarizeFeed(summary, FEED, new FeedPositionRepository(), new ExceptionRepository(), new Date());
  log.audit({ title: 'Scend stock movements', details: JSON.stringify({ counts, ...report }) });
}
