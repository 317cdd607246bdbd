/**
 * What the reconciliation reads. NetSuite's side is SuiteQL (paged, 10 units a query): item
 * fulfilments and their units, the connector's inventory adjustments with their lines, item costs,
 * receipt-variance exceptions and the newest stock run; one inventory-adjustment search names the
 * adjustments' accounts. Scend's side: the despatches feed read from the period's start (`since`),
 * one call per 500 despatches, until it passes the period's end; the stock figures come from the
 * stock run's CSV (file load, 10 units), not from Scend again, so they are the ones the run compared.
 */
import * as file from 'N/file';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { ConnectorConfig } from '../../core/config';
import type { AdjustmentLineRow, FulfilmentRow, Period, ReceiptVarianceRow, ScendDespatchRow, StockRunInput, StockRunRow } from '../../core/recon/reconcile';
import { despatchUnits } from '../../core/recon/despatch-units';
import { periodEnd } from '../../core/recon/period';
import { ROW_STATUSES, type RowStatus } from '../../core/stock/compare';
import { parseComparisonCsv } from '../../core/stock/report-read';
import type { ScendApi } from '../../scend/client';
import { listId } from '../orders/list-values';
import { isoColumn, sqlTimestamp, suiteQlRows, text } from '../pages/suiteql';

const E = RECORDS.exception.fields;
const SR = RECORDS.stockRun.fields;
const DAY = 86_400_000;
/** Date-time parameters as text TO_DATE reads (UTC, as the pages' user preference is; see suiteql.ts). */
const TS = 'YYYY-MM-DD HH24:MI:SS';

/**
 * Scend's despatches in the period. The feed is ordered by when Scend booked each despatch; reading
 * stops at the first page that reaches past the period's end. Throws when Scend cannot be read to
 * the end (the page then says so instead of showing a partial count).
 */
export function scendDespatches(client: ScendApi, p: Period, maxPages = 60): ScendDespatchRow[] {
  const from = Date.parse(`${p.from}T00:00:00Z`);
  const end = periodEnd(p).getTime();
  const seen = new Map<string, ScendDespatchRow>();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const res = client.despatches(cursor ? { cursor, limit: 500 } : { since: new Date(from).toISOString(), limit: 500 });
    let past = false;
    for (const d of res.Items) {
      const at = Date.parse(d.DespatchedAt);
      if (at >= end) past = true;
      if (at < from || at >= end || seen.has(d.DespatchId)) continue;
      seen.set(d.DespatchId, { despatchId: d.DespatchId, clientReference: d.ClientReference, despatchedAt: d.DespatchedAt, units: despatchUnits(d) });
    }
    if (past || !res.HasMore) return [...seen.values()];
    cursor = res.NextCursor;
  }
  throw new Error(`Scend's despatches feed has more than ${maxPages * 500} items from ${p.from}: narrow the period.`);
}

/**
 * Item fulfilments with lines at Scend locations dated from the period's start to a week after its
 * end (a despatch at 23:59 can be imported the next day); the model decides which belong. Units
 * leave kit lines out (see core/recon/despatch-units.ts).
 */
export function fulfilments(p: Period, config: ConnectorConfig): FulfilmentRow[] {
  const locations = Object.keys(config.locations);
  if (!locations.length) return [];
  const sql =
    `SELECT t.id, t.tranid, t.externalid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, MAX(l.createdfrom) AS so, MAX(so.tranid) AS sotranid, SUM(CASE WHEN l.itemtype = 'Kit' THEN 0 ELSE ABS(l.quantity) END) AS units ` +
    `FROM transaction t JOIN transactionline l ON l.transaction = t.id LEFT JOIN transaction so ON so.id = l.createdfrom ` +
    `WHERE t.type = 'ItemShip' AND l.mainline = 'F' AND l.item IS NOT NULL AND l.location IN (${locations.map(() => '?').join(', ')}) ` +
    `AND t.trandate >= TO_DATE(?, 'YYYY-MM-DD') AND t.trandate < TO_DATE(?, 'YYYY-MM-DD') ` +
    `GROUP BY t.id, t.tranid, t.externalid, t.trandate`;
  const until = new Date(periodEnd(p).getTime() + 7 * DAY).toISOString().slice(0, 10);
  return suiteQlRows(sql, [...locations, p.from, until]).map((r) => ({
    id: text(r.id),
    tranId: text(r.tranid),
    externalId: text(r.externalid),
    date: text(r.trandate),
    units: Number(r.units ?? 0),
    salesOrderId: text(r.so),
    salesOrderTranId: text(r.sotranid),
  }));
}

/** The connector's adjustments (`movement:` and `stocksync:`) dated in the period, one row per line, with the adjustment's account. */
export function adjustments(p: Period): AdjustmentLineRow[] {
  const sql =
    `SELECT t.id, t.tranid, t.externalid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, t.memo, l.item, l.quantity ` +
    `FROM transaction t JOIN transactionline l ON l.transaction = t.id ` +
    `WHERE t.type = 'InvAdjst' AND l.mainline = 'F' AND (t.externalid LIKE 'movement:%' OR t.externalid LIKE 'stocksync:%') ` +
    `AND t.trandate >= TO_DATE(?, 'YYYY-MM-DD') AND t.trandate <= TO_DATE(?, 'YYYY-MM-DD')`;
  const rows = suiteQlRows(sql, [p.from, p.to]);
  const accounts = adjustmentAccounts([...new Set(rows.map((r) => text(r.id)))]);
  return rows.map((r) => ({
    adjustmentId: text(r.id),
    tranId: text(r.tranid),
    externalId: text(r.externalid),
    date: text(r.trandate),
    memo: text(r.memo),
    accountId: accounts.get(text(r.id))?.id ?? '',
    accountName: accounts.get(text(r.id))?.name ?? '',
    itemId: text(r.item),
    quantity: Number(r.quantity ?? 0),
  }));
}

/** The adjustment account (a body field) of each adjustment: one search over their ids, in chunks of 1,000. */
function adjustmentAccounts(ids: string[]): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    search
      .create({ type: search.Type.INVENTORY_ADJUSTMENT, filters: [['internalid', 'anyof', chunk], 'and', ['mainline', 'is', 'T']], columns: ['account'] })
      .run()
      .each((r) => {
        out.set(String(r.id), { id: String(r.getValue({ name: 'account' }) ?? ''), name: String(r.getText({ name: 'account' }) ?? '') });
        return true;
      });
  }
  return out;
}

/**
 * NetSuite's cost per unit of each item: its Average Cost where NetSuite has computed one (average
 * costing), else its Purchase Price (`cost`; standard and other costing methods, or no receipts yet).
 */
export function itemCosts(): Record<string, number> {
  const out: Record<string, number> = {};
  const sql = `SELECT i.id, i.averagecost, i.cost FROM item i WHERE i.averagecost > 0 OR i.cost IS NOT NULL`;
  for (const r of suiteQlRows(sql)) {
    const avg = Number(r.averagecost ?? 0);
    out[text(r.id)] = avg > 0 ? avg : Number(r.cost ?? 0);
  }
  return out;
}

/** Receipt variances first seen in the period, open or resolved since. */
export function receiptVariances(p: Period): ReceiptVarianceRow[] {
  const sql =
    `SELECT e.id, BUILTIN.DF(e.${E.status}) AS status, e.${E.status} AS statusid, e.${E.transaction} AS tran, BUILTIN.DF(e.${E.transaction}) AS tranname, ` +
    `${isoColumn(`e.${E.firstSeen}`)} AS firstseen, ${isoColumn(`e.${E.resolvedAt}`)} AS resolvedat, e.${E.message} AS message ` +
    `FROM ${RECORDS.exception.id} e WHERE e.${E.type} = ? AND e.${E.firstSeen} >= TO_DATE(?, '${TS}') AND e.${E.firstSeen} < TO_DATE(?, '${TS}')`;
  const open = listId('exceptionStatus', 'open');
  return suiteQlRows(sql, [listId('exceptionType', 'receiptVariance'), sqlTimestamp(new Date(`${p.from}T00:00:00Z`)), sqlTimestamp(periodEnd(p))])
    .map((r) => ({
      id: text(r.id),
      status: text(r.statusid) === open ? 'open' : text(r.status).toLowerCase() || 'resolved',
      transactionId: text(r.tran),
      transactionName: text(r.tranname),
      firstSeen: text(r.firstseen),
      resolvedAt: text(r.resolvedat),
      message: text(r.message),
    }))
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || Number(a.id) - Number(b.id));
}

/**
 * The newest stock run that compared (not `incomplete`) with its snapshot taken before the period's
 * end, looking back 31 days, and its per-SKU rows from the run's CSV file.
 */
export function latestStockRun(p: Period): StockRunInput | null {
  const end = periodEnd(p);
  const sql =
    `SELECT r.id, r.${SR.snapshotId} AS snapshot, ${isoColumn(`r.${SR.asOf}`)} AS asof, r.${SR.fileId} AS fileid, r.${SR.status} AS status ` +
    `FROM ${RECORDS.stockRun.id} r WHERE r.${SR.asOf} < TO_DATE(?, '${TS}') AND r.${SR.asOf} >= TO_DATE(?, '${TS}') AND r.${SR.fileId} IS NOT NULL ORDER BY r.${SR.asOf} DESC, r.id DESC`;
  const runs = suiteQlRows(sql, [sqlTimestamp(end), sqlTimestamp(new Date(end.getTime() - 31 * DAY))]).filter((r) => !/^incomplete/i.test(text(r.status)));
  if (!runs.length) return null;
  const run = runs[0];
  const contents = file.load({ id: Number(run.fileid) }).getContents();
  return { id: text(run.id), snapshotId: text(run.snapshot), asOf: text(run.asof), fileId: text(run.fileid), rows: stockRunRows(contents) };
}

/** The stock run's comparison rows (core/stock/report-read.ts reads the file the sync wrote). */
export function stockRunRows(contents: string): StockRunRow[] {
  return parseComparisonCsv(contents).map((r) => ({
    sku: r.sku,
    itemId: r.itemId ? r.itemId : null,
    locationId: r.locationId,
    scend: r.scend,
    netsuite: r.netsuite,
    difference: r.difference,
    status: ROW_STATUSES.includes(r.status as RowStatus) ? (r.status as RowStatus) : 'unknownItem',
  }));
}
