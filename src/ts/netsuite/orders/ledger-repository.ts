/**
 * The sync ledger (customrecord_scend_sync) behind the LedgerStore port. Creating an entry costs
 * 6 units (create 2 + save 4) and NetSuite itself refuses a second entry with the same externalid
 * (DUP_RCRD); a change by the entry's claim holder is one submitFields (2 units); a claim is a
 * load and a versioned save (6), so of two actors claiming at once NetSuite refuses one
 * (RCRD_HAS_BEEN_CHANGED). A lookup is one search (10).
 */
import * as format from 'N/format';
import * as record from 'N/record';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { LedgerCreateResult, LedgerStore } from '../../core/orders/ports';
import type { LedgerEntry, LedgerPatch, NewLedgerEntry, SyncState } from '../../core/sync/ledger';
import { listId, listKey } from './list-values';
import { plain } from './values';
import { DUPLICATE_RECORD, RECORD_CHANGED, errorName } from '../error-name';

const F = RECORDS.sync.fields;
const TYPE = RECORDS.sync.id;

export { DUPLICATE_RECORD };


function parseDateTime(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  const text = plain(value);
  if (!text) return undefined;
  const parsed = format.parse({ value: text, type: format.Type.DATETIMETZ });
  return parsed instanceof Date && !isNaN(parsed.getTime()) ? parsed : undefined;
}

const COLUMNS = ['externalid', 'created', ...Object.values(F)];

export function entryFromRow(row: search.Result): LedgerEntry {
  const get = (name: string) => row.getValue({ name });
  const text = (name: string) => plain(get(name)) || undefined;
  return {
    id: String(row.id),
    key: plain(get('externalid')),
    transactionId: plain(get(F.transaction)),
    clientReference: plain(get(F.clientReference)),
    state: (listKey('syncState', get(F.state)) ?? 'retrying') as SyncState,
    scendId: text(F.scendId),
    scendStatus: text(F.scendStatus),
    attempts: Number(get(F.attempts)) || 0,
    nextAttemptAt: parseDateTime(get(F.nextAttemptAt)),
    lastError: text(F.lastError),
    payloadHash: text(F.payloadHash),
    sentAt: parseDateTime(get(F.sentAt)),
    createdAt: parseDateTime(get('created')),
    claimedBy: text(F.claimedBy),
  };
}

/** The search the backlog and lookups share; `filters` narrow it. */
export function ledgerSearch(filters: search.SearchCreateOptions['filters']): search.Search {
  return search.create({ type: TYPE, filters, columns: COLUMNS });
}

/** submitFields takes Date objects for date fields, like setValue. */
function patchValues(patch: LedgerPatch): Record<string, string | number | boolean | Date> {
  const v: Record<string, string | number | boolean | Date> = {};
  if (patch.state !== undefined) v[F.state] = listId('syncState', patch.state);
  if (patch.clientReference !== undefined) v[F.clientReference] = patch.clientReference;
  if (patch.scendId !== undefined) v[F.scendId] = patch.scendId;
  if (patch.scendStatus !== undefined) v[F.scendStatus] = patch.scendStatus;
  if (patch.attempts !== undefined) v[F.attempts] = patch.attempts;
  if (patch.nextAttemptAt !== undefined) v[F.nextAttemptAt] = patch.nextAttemptAt ?? '';
  if (patch.lastError !== undefined) v[F.lastError] = patch.lastError ?? '';
  if (patch.payloadHash !== undefined) v[F.payloadHash] = patch.payloadHash;
  if (patch.sentAt !== undefined) v[F.sentAt] = patch.sentAt;
  if (patch.claimedBy !== undefined) v[F.claimedBy] = patch.claimedBy;
  return v;
}

export class LedgerRepository implements LedgerStore {
  constructor(private readonly kind: string = 'order') {}

  find(key: string): LedgerEntry | undefined {
    const rows = ledgerSearch([['externalid', 'anyof', key]]).run().getRange({ start: 0, end: 1 });
    return rows.length ? entryFromRow(rows[0]) : undefined;
  }

  create(entry: NewLedgerEntry): LedgerCreateResult {
    const rec = record.create({ type: TYPE });
    rec.setValue({ fieldId: 'externalid', value: entry.key });
    rec.setValue({ fieldId: F.kind, value: this.kind });
    rec.setValue({ fieldId: F.transaction, value: entry.transactionId });
    rec.setValue({ fieldId: F.clientReference, value: entry.clientReference });
    rec.setValue({ fieldId: F.state, value: listId('syncState', entry.state) });
    rec.setValue({ fieldId: F.attempts, value: entry.attempts });
    if (entry.nextAttemptAt) rec.setValue({ fieldId: F.nextAttemptAt, value: entry.nextAttemptAt });
    if (entry.payloadHash) rec.setValue({ fieldId: F.payloadHash, value: entry.payloadHash });
    if (entry.scendId) rec.setValue({ fieldId: F.scendId, value: entry.scendId });
    if (entry.claimedBy) rec.setValue({ fieldId: F.claimedBy, value: entry.claimedBy });
    try {
      return { created: true, id: String(rec.save()) };
    } catch (e) {
      if (errorName(e) === DUPLICATE_RECORD) return { created: false };
      throw e;
    }
  }

  claim(seen: LedgerEntry, patch: LedgerPatch): boolean {
    const rec = record.load({ type: TYPE, id: seen.id });
    // Moved on since it was read (another actor claimed or finished it): not ours to take.
    if (listKey('syncState', rec.getValue({ fieldId: F.state })) !== seen.state) return false;
    if ((Number(rec.getValue({ fieldId: F.attempts })) || 0) !== seen.attempts) return false;
    for (const [fieldId, value] of Object.entries(patchValues(patch))) rec.setValue({ fieldId, value });
    try {
      rec.save({ enableSourcing: false, ignoreMandatoryFields: true });
      return true;
    } catch (e) {
      if (errorName(e) === RECORD_CHANGED) return false;
      throw e;
    }
  }

  update(id: string, patch: LedgerPatch): void {
    const values = patchValues(patch);
    if (Object.keys(values).length === 0) return;
    record.submitFields({ type: TYPE, id, values, options: { enableSourcing: false, ignoreMandatoryFields: true } });
  }
}
