/**
 * Facts the setup audit reads: physical items (one paged item search), open approved order lines,
 * orders that gave up, deployments and roles (SuiteQL). Each read is bounded by open work or by
 * master data, never by history.
 */
import { ROLES } from '../../ids';
import type { AuditItem, DeploymentFact, NeverSendableOrder, OpenOrderLine } from '../../core/audit/audit';
import { PHYSICAL_ITEM_TYPES } from '../../core/items/item';
import { forEachPhysicalItem } from '../items/item-search';
import { listId } from '../orders/list-values';
import { RECORDS } from '../../ids';
import { optionalText, suiteQlRows, text } from '../pages/suiteql';

export function auditItems(): AuditItem[] {
  const items: AuditItem[] = [];
  forEachPhysicalItem((i) => items.push({ id: i.id, sku: i.itemId, weight: i.weight, inactive: i.inactive, matrixParent: i.matrixParent === true }));
  return items;
}

/** Physical lines of approved, unfulfilled (Pending Fulfillment) sales orders, on or after go-live. */
export function openOrderLines(goLiveDate: string | null): OpenOrderLine[] {
  const kinds = [...PHYSICAL_ITEM_TYPES, 'Kit'];
  const sql =
    `SELECT t.id, t.tranid, tl.location, BUILTIN.DF(tl.location) AS locname, t.shipmethod, BUILTIN.DF(t.shipmethod) AS shipname ` +
    `FROM transaction t JOIN transactionline tl ON tl.transaction = t.id ` +
    `WHERE t.type = 'SalesOrd' AND t.status = 'B' AND tl.mainline = 'F' AND tl.isclosed = 'F' AND tl.itemtype IN (${kinds.map(() => '?').join(', ')})` +
    (goLiveDate ? ` AND t.trandate >= TO_DATE(?, 'YYYY-MM-DD')` : '');
  return suiteQlRows(sql, goLiveDate ? [...kinds, goLiveDate] : kinds).map((r) => ({
    orderId: text(r.id),
    orderNumber: text(r.tranid),
    location: optionalText(r.location) ?? null,
    locationName: optionalText(r.locname) ?? null,
    shipMethod: optionalText(r.shipmethod) ?? null,
    shipMethodName: optionalText(r.shipname) ?? null,
  }));
}

/** Orders whose ledger gave up (Failed): nothing sends them until an admin resets the state. */
export function failedOrders(): NeverSendableOrder[] {
  const S = RECORDS.sync.fields;
  const sql =
    `SELECT s.id, s.${S.transaction} AS tran, t.tranid FROM ${RECORDS.sync.id} s LEFT JOIN transaction t ON t.id = s.${S.transaction} ` +
    `WHERE s.${S.kind} = 'order' AND s.${S.state} = ?`;
  return suiteQlRows(sql, [listId('syncState', 'failed')]).map((r) => ({
    orderId: text(r.tran),
    orderNumber: text(r.tranid) || text(r.tran),
    ledgerId: text(r.id),
    reason: 'failed' as const,
  }));
}

/** Script ids are compared in lower case: SuiteQL may spell them in upper case. */
export function deploymentFacts(deploymentIds: readonly string[]): DeploymentFact[] {
  const sql = `SELECT scriptid, status, isdeployed FROM scriptdeployment WHERE LOWER(scriptid) IN (${deploymentIds.map(() => '?').join(', ')})`;
  return suiteQlRows(sql, deploymentIds.map((d) => d.toLowerCase())).map((r) => ({
    deploymentId: text(r.scriptid).toLowerCase(),
    status: text(r.status),
    isDeployed: text(r.isdeployed) === 'T',
  }));
}

/** The connector's roles present and active in the account (by script id, lower case). */
export function activeConnectorRoles(): Set<string> {
  const ids = Object.values(ROLES);
  const sql = `SELECT scriptid FROM role WHERE isinactive = 'F' AND LOWER(scriptid) IN (${ids.map(() => '?').join(', ')})`;
  return new Set(suiteQlRows(sql, ids).map((r) => text(r.scriptid).toLowerCase()));
}
