/**
 * The ledger as the order status sync uses it: the rows of a batch's orders in one SuiteQL query
 * per 500 orders (10 units), sent orders never heard of again, and the status write — one
 * submitFields of the custom record (2 units) per order whose status changed.
 */
import * as record from 'N/record';
import { RECORDS } from '../../ids';
import type { LedgerStatusRow } from '../../core/order-status/collapse';
import type { LostOrder } from '../../core/order-status/status-exceptions';
import type { SyncState } from '../../core/sync/ledger';
import { listId, listKey } from '../orders/list-values';
import { sqlTimestamp, TIMESTAMP_PARAM } from '../pages/suiteql';
import { rowsForKeys, text } from '../suiteql';
import * as query from 'N/query';

const S = RECORDS.sync.fields;

export function ledgerRowsFor(scendIds: string[]): LedgerStatusRow[] {
  if (!scendIds.length) return [];
  const rows = rowsForKeys(
    `SELECT id, ${S.transaction}, ${S.scendId}, ${S.state}, ${S.scendStatus}, ${S.statusSeq} FROM ${RECORDS.sync.id} WHERE ${S.kind} = ? AND ${S.scendId} IN ({in})`,
    scendIds,
    ['order'],
  );
  return rows.map(([id, so, scendId, state, status, seq]) => ({
    ledgerId: text(id),
    salesOrderId: text(so),
    scendId: text(scendId),
    state: listKey('syncState', state) as SyncState | undefined,
    status: text(status),
    seq: Number(seq) || 0,
  }));
}

/** Sent orders with no Scend status since before `sentBefore`: asked about, at most `limit` a run. */
export function silentSentOrders(sentBefore: Date, limit: number): LostOrder[] {
  const result = query.runSuiteQL({
    query:
      `SELECT id, ${S.transaction}, ${S.scendId}, ${S.clientReference}, ${S.sentAt} FROM ${RECORDS.sync.id} ` +
      `WHERE ${S.kind} = ? AND ${S.state} = ? AND ${S.scendStatus} IS NULL AND ${S.scendId} IS NOT NULL AND ${S.sentAt} < ${TIMESTAMP_PARAM} ORDER BY id`,
    params: ['order', Number(listId('syncState', 'sent')), sqlTimestamp(sentBefore)],
  });
  return result.results.slice(0, limit).map((r) => {
    const [id, so, scendId, ref, sentAt] = r.values as unknown[];
    return { ledgerId: text(id), salesOrderId: text(so), scendId: text(scendId), clientReference: text(ref), ...(text(sentAt) ? { sentAt: text(sentAt) } : {}) };
  });
}

export class StatusLedger {
  setStatus(ledgerId: string, status: string, seq: number | undefined): void {
    const values: Record<string, string | number> = { [S.scendStatus]: status };
    if (seq !== undefined) values[S.statusSeq] = seq;
    record.submitFields({ type: RECORDS.sync.id, id: ledgerId, values, options: { enableSourcing: false, ignoreMandatoryFields: true } });
  }
}
