/**
 * What the backlog reads in getInputData: open ledger entries and approved (pending fulfilment)
 * orders. Paged searches: 5 units per search plus 5 per page of 1,000.
 */
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { LedgerEntry } from '../../core/sync/ledger';
import { entryFromRow, ledgerSearch } from './ledger-repository';

function eachPaged(s: search.Search, visit: (row: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => {
    paged.fetch({ index: range.index }).data.forEach(visit);
  });
}

/** Every order ledger entry (the backlog needs them all to know which approved orders are queued). */
export function orderLedgerEntries(): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  eachPaged(ledgerSearch([[RECORDS.sync.fields.kind, 'is', 'order']]), (row) => out.push(entryFromRow(row)));
  return out;
}

/** Internal ids of sales orders pending fulfilment. */
export function approvedOrderIds(): string[] {
  const ids: string[] = [];
  eachPaged(
    search.create({ type: search.Type.SALES_ORDER, filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'SalesOrd:B']], columns: ['internalid'] }),
    (row) => ids.push(String(row.id)),
  );
  return ids;
}
