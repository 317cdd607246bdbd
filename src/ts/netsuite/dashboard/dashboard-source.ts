/**
 * What the operations dashboard reads, all SuiteQL (four paged queries, 40 units): open exceptions,
 * exceptions opened or resolved in the trend window, orders stalled on their way to Scend, and the
 * feed cursors. Each reads open work or a bounded window, never the whole history.
 */
import { RECORDS } from '../../ids';
import type { DashboardInput, FeedCursorRow, OpenExceptionRow, StalledOrderRow } from '../../core/dashboard/dashboard';
import { STALLABLE, stalledBefore } from '../../core/orders/stalled';
import { listId } from '../orders/list-values';
import { isoColumn, optionalText, sqlDate, sqlTimestamp, suiteQlRows, text, TIMESTAMP_PARAM } from '../pages/suiteql';

const E = RECORDS.exception.fields;
const S = RECORDS.sync.fields;
const C = RECORDS.feedCursor.fields;

export function openExceptionRows(): OpenExceptionRow[] {
  const sql =
    `SELECT e.id, BUILTIN.DF(e.${E.type}) AS type, BUILTIN.DF(e.${E.ownerTeam}) AS owner, ${isoColumn(`e.${E.firstSeen}`)} AS firstseen, ` +
    `e.${E.item} AS item, BUILTIN.DF(e.${E.item}) AS itemname FROM ${RECORDS.exception.id} e WHERE e.${E.status} = ?`;
  return suiteQlRows(sql, [listId('exceptionStatus', 'open')]).map((r) => ({
    id: text(r.id),
    type: text(r.type),
    owner: text(r.owner),
    firstSeen: sqlDate(r.firstseen) ?? new Date(0),
    itemId: optionalText(r.item),
    itemName: optionalText(r.itemname),
  }));
}

export function exceptionEventsSince(since: Date): DashboardInput['events'] {
  const sql =
    `SELECT ${isoColumn(`e.${E.firstSeen}`)} AS firstseen, ${isoColumn(`e.${E.resolvedAt}`)} AS resolvedat FROM ${RECORDS.exception.id} e ` +
    `WHERE e.${E.firstSeen} >= ${TIMESTAMP_PARAM} OR e.${E.resolvedAt} >= ${TIMESTAMP_PARAM}`;
  return suiteQlRows(sql, [sqlTimestamp(since), sqlTimestamp(since)]).map((r) => ({ firstSeen: sqlDate(r.firstseen) ?? new Date(0), resolvedAt: sqlDate(r.resolvedat) }));
}

export function stalledOrderRows(now: Date, stalledAfterHours: number): StalledOrderRow[] {
  const states = STALLABLE.map((s) => listId('syncState', s));
  const sql =
    `SELECT s.id, s.${S.transaction} AS tran, t.tranid, BUILTIN.DF(s.${S.state}) AS state, ${isoColumn('s.created')} AS created, s.${S.lastError} AS lasterror ` +
    `FROM ${RECORDS.sync.id} s LEFT JOIN transaction t ON t.id = s.${S.transaction} ` +
    `WHERE s.${S.kind} = 'order' AND s.${S.state} IN (${states.map(() => '?').join(', ')}) AND s.created <= ${TIMESTAMP_PARAM}`;
  return suiteQlRows(sql, [...states, sqlTimestamp(stalledBefore(now, stalledAfterHours))]).map((r) => ({
    ledgerId: text(r.id),
    transactionId: text(r.tran),
    orderNumber: text(r.tranid),
    state: text(r.state),
    createdAt: sqlDate(r.created) ?? new Date(0),
    lastError: optionalText(r.lasterror),
  }));
}

export function feedCursorRows(): FeedCursorRow[] {
  const sql =
    `SELECT f.id, f.${C.feed} AS feed, ${isoColumn(`f.${C.lastRunAt}`)} AS lastrun, ${isoColumn(`f.${C.lastItemAt}`)} AS lastitem, ` +
    `f.${C.lastRunItems} AS items, f.${C.lastError} AS lasterror FROM ${RECORDS.feedCursor.id} f WHERE f.isinactive = 'F'`;
  return suiteQlRows(sql).map((r) => ({
    id: text(r.id),
    feed: text(r.feed),
    lastRunAt: sqlDate(r.lastrun),
    lastItemAt: sqlDate(r.lastitem),
    lastRunItems: r.items === null || r.items === undefined ? undefined : Number(r.items),
    lastError: optionalText(r.lasterror),
  }));
}
