/**
 * What drift detection reads: only open work, each a NetSuite-side filter, paged.
 * - order ledger entries in state Sent whose sales order is not finished (pending fulfilment,
 *   partly fulfilled) or was cancelled/closed while Scend may still hold it (SuiteQL);
 * - approved orders with no ledger entry at all, untouched for the grace period (SuiteQL);
 * - physical items whose SKU is flagged as not aligned with Scend (item search).
 * Orders fulfilled in full, billed or cancelled on both sides leave these sets, so a run costs
 * what the open work costs, however many orders went before.
 */
import * as search from 'N/search';
import { ITEM_FIELDS, RECORDS } from '../../ids';
import { NS_CANCELLED_OR_CLOSED, NS_PENDING, type OpenSentOrder, type UnsentApprovedOrder } from '../../core/drift/order-drift';
import { PHYSICAL_ITEM_TYPES, type ItemSnapshot } from '../../core/items/item';
import { ORDER_LEDGER_KIND } from '../../core/sync/ledger';
import { ITEM_FIELD, ITEM_SEARCH_TYPE } from '../items/item-fields';
import { SNAPSHOT_COLUMNS, snapshotOfSearchRow } from '../items/item-reader';
import { listId } from '../orders/list-values';
import { isoColumn, sqlDate, sqlTimestamp, suiteQlRows, text, TIMESTAMP_PARAM } from '../pages/suiteql';

const S = RECORDS.sync.fields;

export function openSentOrders(): OpenSentOrder[] {
  const statuses = [...NS_PENDING, ...NS_CANCELLED_OR_CLOSED];
  const sql =
    `SELECT s.id, s.${S.transaction} AS tran, t.tranid, t.status, s.${S.clientReference} AS ref, s.${S.scendId} AS scendid ` +
    `FROM ${RECORDS.sync.id} s JOIN transaction t ON t.id = s.${S.transaction} ` +
    `WHERE s.${S.kind} = ? AND s.${S.state} = ? AND s.${S.scendId} IS NOT NULL AND t.status IN (${statuses.map(() => '?').join(', ')})`;
  return suiteQlRows(sql, [ORDER_LEDGER_KIND, listId('syncState', 'sent'), ...statuses]).map((r) => ({
    ledgerId: text(r.id),
    transactionId: text(r.tran),
    orderNumber: text(r.tranid),
    clientReference: text(r.ref),
    scendId: text(r.scendid),
    nsStatus: text(r.status),
  }));
}

export function unsentApprovedOrders(untouchedSince: Date, goLiveDate: string | null): UnsentApprovedOrder[] {
  const sql =
    `SELECT t.id, t.tranid, ${isoColumn('t.lastmodifieddate')} AS modified FROM transaction t ` +
    `WHERE t.type = 'SalesOrd' AND t.status = 'B' AND t.lastmodifieddate <= ${TIMESTAMP_PARAM} ` +
    `AND NOT EXISTS (SELECT 1 FROM ${RECORDS.sync.id} s WHERE s.${S.transaction} = t.id)` +
    (goLiveDate ? ` AND t.trandate >= TO_DATE(?, 'YYYY-MM-DD')` : '');
  return suiteQlRows(sql, goLiveDate ? [sqlTimestamp(untouchedSince), goLiveDate] : [sqlTimestamp(untouchedSince)]).map((r) => ({
    transactionId: text(r.id),
    orderNumber: text(r.tranid),
    lastModified: sqlDate(r.modified) ?? new Date(0),
  }));
}

export function misalignedItems(): ItemSnapshot[] {
  const items: ItemSnapshot[] = [];
  const paged = search
    .create({
      type: ITEM_SEARCH_TYPE,
      filters: [[ITEM_FIELD.type, 'anyof', PHYSICAL_ITEM_TYPES as string[]], 'and', [ITEM_FIELDS.skuAligned, 'is', 'F'], 'and', [ITEM_FIELD.inactive, 'is', 'F']],
      columns: [search.createColumn({ name: ITEM_FIELD.internalId, sort: search.Sort.ASC }), ...SNAPSHOT_COLUMNS],
    })
    .runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => paged.fetch({ index: range.index }).data.forEach((row) => items.push(snapshotOfSearchRow(row))));
  return items;
}
