/**
 * What the ASN backlog reads in getInputData — only what can need work:
 * - ledger entries of kind asn in an open state (sending, retrying, blocked) that are due;
 * - approved purchase orders and transfer orders received at a Scend location that have no ledger
 *   entry at all (the transaction search joins the ledger records pointing at each document and
 *   keeps those where the join is empty, '@NONE@').
 * Paged: 5 units per search plus 5 per page of 1,000. Datetime filters are whole minutes; the use
 * case re-checks due exactly.
 */
import * as format from 'N/format';
import * as search from 'N/search';
import { NS, RECORDS } from '../../ids';
import { ASN_LEDGER_KIND, type InboundType } from '../../core/inbound/inbound-doc';
import { PENDING_STATES } from '../../core/sync/ledger';
import { entryFromRow, ledgerSearch } from '../orders/ledger-repository';
import { listId } from '../orders/list-values';
import { plain } from '../orders/values';

const F = RECORDS.sync.fields;

export interface AsnWork {
  docId: string;
  /** Unknown for ledger entries (the map tries the purchase order first). */
  type?: InboundType;
}

function eachPaged(s: search.Search, visit: (row: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => paged.fetch({ index: range.index }).data.forEach(visit));
}

const TYPE_OF: Record<string, InboundType> = { PurchOrd: 'purchaseorder', TrnfrOrd: 'transferorder' };

/** Record type of a transaction search's `type` value (PurchOrd, TrnfrOrd), if inbound. */
export const inboundTypeOf = (searchType: unknown): InboundType | undefined => TYPE_OF[plain(searchType)];

export function openAsnWork(now: Date): AsnWork[] {
  const out: AsnWork[] = [];
  const filters = [
    [F.kind, 'is', ASN_LEDGER_KIND],
    'and', [F.state, 'anyof', PENDING_STATES.map((s) => listId('syncState', s))],
    'and', [[F.nextAttemptAt, 'isempty', ''], 'or', [F.nextAttemptAt, 'onorbefore', format.format({ value: now, type: format.Type.DATETIME })]],
  ];
  eachPaged(ledgerSearch(filters), (row) => {
    const entry = entryFromRow(row);
    out.push({ docId: entry.transactionId });
  });
  return out;
}

/** Approved documents received at a mapped location with no ledger entry (never queued). */
export function unqueuedInboundDocs(locations: readonly string[]): AsnWork[] {
  if (locations.length === 0) return [];
  const out: AsnWork[] = [];
  const none = [`${F.transaction}.internalid`, 'anyof', '@NONE@'];
  const po = search.create({
    type: NS.types.purchaseOrder,
    filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', ['PurchOrd:B', 'PurchOrd:D', 'PurchOrd:E']], 'and', ['location', 'anyof', locations], 'and', none],
    columns: ['internalid'],
  });
  eachPaged(po, (row) => out.push({ docId: String(row.id), type: 'purchaseorder' }));
  const to = search.create({
    type: NS.types.transferOrder,
    filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', ['TrnfrOrd:B', 'TrnfrOrd:D', 'TrnfrOrd:E', 'TrnfrOrd:F']], 'and', ['transferlocation', 'anyof', locations], 'and', none],
    columns: ['internalid'],
  });
  eachPaged(to, (row) => out.push({ docId: String(row.id), type: 'transferorder' }));
  return out;
}

/** The record type of a transaction (one lookup, 1 unit). */
export function inboundTypeOfId(id: string): InboundType | undefined {
  const values = search.lookupFields({ type: search.Type.TRANSACTION, id, columns: ['type'] }) as Record<string, unknown>;
  return inboundTypeOf(values.type);
}
