/**
 * What the receipt import's getInputData adds to a batch of Scend receipts, once for the whole
 * batch (so a map key pays only for its transform and save):
 * - the document each ClientReference was announced for: one ledger search (kind asn) per 100
 *   references, the transaction's type by a join (10 units each);
 * - the facts of the items on those receipts (internal id, Scend SKU, lot/serial numbered): one
 *   item search per 100 SKUs.
 */
import * as search from 'N/search';
import { ITEM_FIELDS, RECORDS } from '../../ids';
import { ASN_LEDGER_KIND, type InboundType } from '../../core/inbound/inbound-doc';
import { bool, plain } from '../orders/values';
import { inboundTypeOf } from './asn-backlog-source';

const F = RECORDS.sync.fields;
const CHUNK = 100;

export interface DocRef {
  id: string;
  type: InboundType;
}

export interface ItemFact {
  sku: string;
  lot: boolean;
  serial: boolean;
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** `[[field, 'is', a], 'or', [field, 'is', b], ...]`: text fields take no `anyof`. */
function anyIs(field: string, values: string[]): unknown[] {
  const out: unknown[] = [];
  values.forEach((v, i) => {
    if (i > 0) out.push('or');
    out.push([field, 'is', v]);
  });
  return out;
}

function eachRow(s: search.Search, visit: (row: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => paged.fetch({ index: range.index }).data.forEach(visit));
}

/** ClientReference -> the purchase/transfer order its ASN was sent for. */
export function docsByClientReference(references: string[]): Map<string, DocRef> {
  const out = new Map<string, DocRef>();
  const typeColumn = search.createColumn({ name: 'type', join: F.transaction });
  for (const chunk of chunks(Array.from(new Set(references)))) {
    const s = search.create({ type: RECORDS.sync.id, filters: [[F.kind, 'is', ASN_LEDGER_KIND], 'and', anyIs(F.clientReference, chunk)], columns: [F.clientReference, F.transaction, typeColumn] });
    eachRow(s, (row) => {
      const type = inboundTypeOf(row.getValue(typeColumn));
      const id = plain(row.getValue({ name: F.transaction }));
      if (type && id) out.set(plain(row.getValue({ name: F.clientReference })), { id, type });
    });
  }
  return out;
}

/** Item internal id -> facts, for the items Scend knows by these SKUs. */
export function itemsBySku(skus: string[]): Record<string, ItemFact> {
  const out: Record<string, ItemFact> = {};
  for (const chunk of chunks(Array.from(new Set(skus)))) {
    const s = search.create({ type: search.Type.ITEM, filters: anyIs(ITEM_FIELDS.scendSku, chunk), columns: [ITEM_FIELDS.scendSku, 'islotitem', 'isserialitem'] });
    eachRow(s, (row) => {
      out[String(row.id)] = { sku: plain(row.getValue({ name: ITEM_FIELDS.scendSku })), lot: bool(row.getValue({ name: 'islotitem' })), serial: bool(row.getValue({ name: 'isserialitem' })) };
    });
  }
  return out;
}

/** The part of `items` one document's lines name (each map key carries only its own items). */
export function itemsOfLines(items: Record<string, ItemFact>, lines: Array<{ Sku: string }>): Record<string, ItemFact> {
  const skus = new Set(lines.map((l) => l.Sku));
  const own: Record<string, ItemFact> = {};
  for (const id of Object.keys(items)) if (skus.has(items[id].sku)) own[id] = items[id];
  return own;
}
