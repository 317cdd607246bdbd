/**
 * What the backlog reads in getInputData — only what can need work, so the read does not grow
 * with the orders already in Scend:
 * - ledger entries of kind order in an open state (sending, retrying, blocked) whose next attempt
 *   is due, or that are old enough to be stalled (sending, retrying). Sent, skipped and cancelled
 *   entries are done; failed ones already raised an admin exception and wait for an admin reset.
 * - approved (pending fulfilment) orders with no ledger entry at all: the sales order search joins
 *   the ledger records that point at each order through their select field (join id
 *   custrecord_scend_sync_transaction, a "record is parent" field) and keeps orders where that join
 *   is empty ('@NONE@'). Only order entries point at sales orders.
 * Both are filters of the searches themselves. Paged: 5 units per search plus 5 per page of 1,000.
 * Datetime filter values are whole minutes, so an entry due within the current minute waits for
 * the next run; planBacklog re-checks due and stalled exactly.
 */
import * as format from 'N/format';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { PushSettings } from '../../core/orders/push-order';
import { STALLABLE, stalledBefore } from '../../core/orders/stalled';
import { ORDER_LEDGER_KIND, PENDING_STATES, type LedgerEntry } from '../../core/sync/ledger';
import { entryFromRow, ledgerSearch } from './ledger-repository';
import { listId } from './list-values';

const F = RECORDS.sync.fields;

function eachPaged(s: search.Search, visit: (row: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => {
    paged.fetch({ index: range.index }).data.forEach(visit);
  });
}

const dateTime = (d: Date): string => format.format({ value: d, type: format.Type.DATETIME });
/** A yyyy-mm-dd day in the user's date format, as date filters take it. */
const day = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return format.format({ value: new Date(y, m - 1, d), type: format.Type.DATE });
};
const stateIds = (states: readonly LedgerEntry['state'][]): string[] => states.map((s) => listId('syncState', s));

/** Order ledger entries the backlog may have to work on now: open, and due or old enough to stall. */
export function openOrderLedgerEntries(settings: Pick<PushSettings, 'stalledAfterHours'>, now: Date): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const filters = [
    [F.kind, 'is', ORDER_LEDGER_KIND],
    'and', [F.state, 'anyof', stateIds(PENDING_STATES)],
    'and', [
      [F.nextAttemptAt, 'isempty', ''],
      'or', [F.nextAttemptAt, 'onorbefore', dateTime(now)],
      'or', [[F.state, 'anyof', stateIds(STALLABLE)], 'and', ['created', 'onorbefore', dateTime(stalledBefore(now, settings.stalledAfterHours))]],
    ],
  ];
  eachPaged(ledgerSearch(filters), (row) => out.push(entryFromRow(row)));
  return out;
}

/**
 * Internal ids of sales orders pending fulfilment that have no ledger entry (never queued), dated
 * on or after the go-live cutoff when one is set: historic orders are not even read, so the first
 * run after go-live costs what the new orders cost.
 */
export function unqueuedApprovedOrderIds(settings: Pick<PushSettings, 'goLiveDate'> = { goLiveDate: null }): string[] {
  const ids: string[] = [];
  const filters: unknown[] = [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'SalesOrd:B'], 'and', [`${F.transaction}.internalid`, 'anyof', '@NONE@']];
  if (settings.goLiveDate) filters.push('and', ['trandate', 'onorafter', day(settings.goLiveDate)]);
  eachPaged(
    search.create({
      type: search.Type.SALES_ORDER,
      filters: filters as search.SearchCreateOptions['filters'],
      columns: ['internalid'],
    }),
    (row) => ids.push(String(row.id)),
  );
  return ids;
}
