/**
 * NetSuite's side of the stock comparison, read cheaply with SuiteQL: the inventory items (their
 * Scend SKU: custitem_scend_sku, else the item name) and on hand per mapped location from
 * `inventoryitemlocations`. Each is one runSuiteQLPaged (10 units) fetched in pages of 1,000 rows,
 * so 50,000 items cost the same units as 50.
 */
import * as query from 'N/query';
import { ITEM_FIELDS } from '../../ids';
import type { NetSuiteItem, NetSuiteOnHand } from '../../core/stock/compare';

const PAGE_SIZE = 1000;

function pagedRows(sql: string, params: Array<string | number | boolean>): unknown[][] {
  const paged = query.runSuiteQLPaged({ query: sql, params, pageSize: PAGE_SIZE });
  const rows: unknown[][] = [];
  for (const range of paged.pageRanges) {
    for (const result of paged.fetch({ index: range.index }).data.results) rows.push(result.values as unknown[]);
  }
  return rows;
}

const ITEM_COLUMNS = `id, itemid, ${ITEM_FIELDS.scendSku}, islotitem, isserialitem`;

function toItem(v: unknown[]): NetSuiteItem {
  const sku = v[2] === null || v[2] === undefined || v[2] === '' ? String(v[1]) : String(v[2]);
  return { itemId: String(v[0]), sku, numbered: v[3] === 'T' ? 'lot' : v[4] === 'T' ? 'serial' : null };
}

/** Every active inventory and assembly item (lot-numbered and serialized included): what a warehouse holds. */
export function readStockItems(): NetSuiteItem[] {
  return pagedRows(`SELECT ${ITEM_COLUMNS} FROM item WHERE itemtype IN ('InvtPart', 'Assembly') AND isinactive = 'F' ORDER BY id`, []).map(toItem);
}

/** The inventory item Scend knows by this SKU, if any (10 units). */
export function findItemBySku(sku: string): NetSuiteItem | undefined {
  const rows = query
    .runSuiteQL({
      query: `SELECT ${ITEM_COLUMNS} FROM item WHERE itemtype IN ('InvtPart', 'Assembly') AND isinactive = 'F' AND (${ITEM_FIELDS.scendSku} = ? OR (${ITEM_FIELDS.scendSku} IS NULL AND itemid = ?)) ORDER BY id`,
      params: [sku, sku],
    })
    .results.map((r) => toItem(r.values as unknown[]));
  return rows[0];
}

/** On hand per item at these locations (rows with nothing on hand may be left out). */
export function readOnHand(locationIds: readonly string[]): NetSuiteOnHand[] {
  if (locationIds.length === 0) return [];
  const marks = locationIds.map(() => '?').join(', ');
  return pagedRows(
    `SELECT item, location, quantityonhand FROM inventoryitemlocations WHERE location IN (${marks}) AND quantityonhand <> 0 ORDER BY item, location`,
    locationIds.map(Number),
  ).map((v) => ({ itemId: String(v[0]), locationId: String(v[1]), onHand: Number(v[2]) || 0 }));
}
