/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { compareStock, type AdjustmentLine, type ComparisonRow, type ScendStockRow } from '../core/stock/compare';
import { driftException, driftKey } from '../core/stock/drift';
import { stockSettingsException, STOCK_SETTINGS_KEY } from '../core/stock/settings';
import { configForRun } from '../netsuite/configured';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { FeedPositionRepository } from '../netsuite/feeds/feed-position-repository';
import { failedKeys } from '../netsuite/feeds/feed-summary';
import { scendClientFor } from '../netsuite/orders/order-ports';
import { createAdjustment } from '../netsuite/stock/adjustments';
import { feedsMovedSince, readInFlight } from '../netsuite/stock/in-flight-reader';
import { readOnHand, readStockItems } from '../netsuite/stock/netsuite-stock';
import { createRun, finishRun, writeComparisonFile } from '../netsuite/stock/stock-run';
import { readStockSettings } from '../netsuite/stock/stock-settings-repository';

/** Lines per adjustment: one adjustment per location per run, split only beyond this. */
const LINES_PER_ADJUSTMENT = 1000;
/** Drift rows carried to the exception (the file has all of them). */
const DRIFT_ROWS = 200;
const RUN_KEY = '~run';
const EMPTY_INPUT = { scend: [], items: [], onHand: [], locations: {}, pending: [], tolerance: 0, incompleteFeeds: [] };

export const config = { retryCount: 2 };

interface AdjustWork {
  kind: 'adjust';
  snapshotId: string;
  asOf: string;
  locationId: string;
  chunk: number;
  account: string;
  lines: AdjustmentLine[];
}
interface DriftWork {
  kind: 'drift';
  snapshotId: string;
  locationId: string;
  fileId: string;
  tolerance: number;
  total: number;
  rows: ComparisonRow[];
}

/**
 * Reads everything and decides (pure compareStock): every page of one snapshot, the in-flight feeds,
 * NetSuite's on hand; stores the comparison; keys one adjustment per location
 * (and chunk) and one drift decision per location.
 */
export function getInputData(): Record<string, string> {
  const now = new Date();
  const connector = configForRun(now);
  if (!connector) return {};
  const exceptions = new ExceptionRepository();
  const settingsResult = readStockSettings();
  if (!settingsResult.ok) {
    exceptions.raise(stockSettingsException(settingsResult.problems), now);
    return {};
  }
  exceptions.resolve(STOCK_SETTINGS_KEY, now);
  const settings = settingsResult.settings;
  const client = scendClientFor(connector);

  const scend: ScendStockRow[] = [];
  let asOf = now.toISOString();
  const walk = client.walkStock({
    pageSize: 500,
    onPage: (items, page) => {
      asOf = page.AsOf;
      for (const i of items) scend.push({ sku: i.Sku, externalId: i.ExternalId, warehouse: i.Warehouse, onHand: i.OnHand });
    },
  });
  if (walk.stoppedBy !== 'end' || !walk.snapshotId) {
    // Half a snapshot would make every unread SKU look like missing stock: compare nothing.
    const why = `${walk.stoppedBy}${walk.error ? `: ${walk.error.message}` : ''} after ${walk.pages} page(s)`;
    log.error({ title: 'Scend stock sync: snapshot not read to its end', details: why });
    if (walk.snapshotId) createRun({ snapshotId: walk.snapshotId, asOf, status: `incomplete: snapshot not read to its end (${why}); nothing compared`, rows: 0, counts: compareStock({ ...EMPTY_INPUT, asOf }).counts });
    return {};
  }
  const snapshotId = walk.snapshotId;
  // The order matters (see compare.ts): snapshot, then the feeds beyond their positions (every item
  // booked up to AsOf and not imported is seen), then NetSuite, then the positions again (an import
  // that moved past what was read makes this run adjust nothing it cannot explain).
  const positions = new FeedPositionRepository();
  const inFlight = readInFlight(client, positions);
  const items = readStockItems();
  const onHand = readOnHand(Object.keys(connector.locations));
  const moved = feedsMovedSince(positions, inFlight);
  const plan = compareStock({
    scend,
    items,
    onHand,
    locations: connector.locations,
    pending: inFlight.pending,
    asOf,
    tolerance: settings.tolerance,
    incompleteFeeds: [...inFlight.incomplete, ...moved],
  });
  const fileId = writeComparisonFile(plan.rows, snapshotId, asOf, settings.reportFolder);
  const runId = createRun({ snapshotId, asOf, status: 'compared', rows: plan.rows.length, counts: plan.counts, fileId });
  log.audit({ title: 'Scend stock sync: compared', details: JSON.stringify({ snapshotId, asOf, runId, fileId, counts: plan.counts, incomplete: inFlight.incomplete, moved, apiCalls: client.callsMade }) });

  const input: Record<string, string> = { [RUN_KEY]: runId };
  for (const [locationId, lines] of Object.entries(plan.adjustments)) {
    for (let chunk = 0; chunk * LINES_PER_ADJUSTMENT < lines.length; chunk++) {
      const work: AdjustWork = { kind: 'adjust', snapshotId, asOf, locationId, chunk, account: settings.syncAccount, lines: lines.slice(chunk * LINES_PER_ADJUSTMENT, (chunk + 1) * LINES_PER_ADJUSTMENT) };
      input[`adjust:${locationId}:${chunk}`] = JSON.stringify(work);
    }
  }
  for (const [locationId, rows] of Object.entries(plan.drift)) {
    const top = [...rows].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference)).slice(0, DRIFT_ROWS);
    const work: DriftWork = { kind: 'drift', snapshotId, locationId, fileId, tolerance: settings.tolerance, total: rows.length, rows: top };
    input[`drift:${locationId}`] = JSON.stringify(work);
  }
  return input;
}

/** One adjustment (externalid stocksync:<SnapshotId>:<location>:<chunk>, so never twice), or the location's drift exception raised/resolved. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  if (context.key === RUN_KEY) {
    context.write({ key: RUN_KEY, value: context.value });
    return;
  }
  const work = JSON.parse(context.value) as AdjustWork | DriftWork;
  if (work.kind === 'adjust') {
    const done = createAdjustment({
      externalId: `stocksync:${work.snapshotId}:${work.locationId}:${work.chunk}`,
      account: work.account,
      locationId: work.locationId,
      memo: `Scend stock sync: snapshot ${work.snapshotId} as of ${work.asOf}, ${work.lines.length} SKU(s) within tolerance`.slice(0, 999),
      lines: work.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
    });
    context.write({ key: context.key, value: done.id });
    return;
  }
  const exceptions = new ExceptionRepository();
  if (work.total === 0) exceptions.resolve(driftKey(work.locationId));
  else {
    const draft = driftException(work.locationId, work.rows, work.snapshotId, work.fileId, work.tolerance);
    if (work.total > work.rows.length) draft.message = `${draft.message} (${work.total} rows in all; the file lists every one.)`;
    exceptions.raise(draft);
  }
  context.write({ key: context.key, value: String(work.total) });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  if (summary.inputSummary.error) log.error({ title: 'Scend stock sync: input failed', details: summary.inputSummary.error });
  let runId: string | undefined;
  const adjustments: string[] = [];
  summary.output.iterator().each((key, value) => {
    if (key === RUN_KEY) runId = value;
    else if (key.indexOf('adjust:') === 0) adjustments.push(value);
    return true;
  });
  const failed = failedKeys(summary.mapSummary).map((f) => {
    log.error({ title: `Scend stock sync: ${f.key} failed`, details: f.error });
    return f.key;
  });
  if (runId) finishRun(runId, failed.length ? `incomplete: ${failed.join(', ')} failed (compared again next run)` : adjustments.length ? 'adjusted' : 'compared', adjustments);
  log.audit({ title: 'Scend stock sync summary', details: JSON.stringify({ runId, adjustments, failed, usage: summary.usage }) });
}
