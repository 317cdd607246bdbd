/**
 * Scend exceptions (customrecord_scend_exception): one open record per dedupe key, enforced by
 * NetSuite: an open exception's externalid is `exception:<dedupe key>`, so of two actors opening the
 * same problem at once NetSuite refuses the second (DUP_RCRD), which then updates the first.
 * Resolving renames the externalid (`...#<id>`), freeing the key for a later occurrence.
 * raise = one search (10) + create (6) or submitFields (2); resolve = one search (10) + 6 per record.
 * Shared by the order handoff and the item master.
 */
import * as format from 'N/format';
import * as record from 'N/record';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import { planRaise, type ExceptionDraft, type ExceptionType, type OpenException } from '../../core/exceptions/exception';
import type { ExceptionRouting } from '../../core/exceptions/routing';
import { loadRouting } from './routing-repository';
import type { ExceptionSink } from '../../core/orders/ports';
import { listId } from '../orders/list-values';
import { plain } from '../orders/values';
import { DUPLICATE_RECORD, RECORD_CHANGED, errorName } from '../error-name';

const F = RECORDS.exception.fields;
const TYPE = RECORDS.exception.id;
const MESSAGE_MAX = 3900;

/** The externalid an open exception holds: NetSuite keeps it unique. */
export const openExceptionExternalId = (dedupeKey: string): string => `exception:${dedupeKey}`;


function parseDt(value: unknown): Date {
  if (value instanceof Date) return value;
  const parsed = plain(value) ? format.parse({ value: plain(value), type: format.Type.DATETIMETZ }) : undefined;
  return parsed instanceof Date ? parsed : new Date(0);
}

function openRows(filters: unknown[]): search.Result[] {
  const all = [[F.status, 'anyof', listId('exceptionStatus', 'open')], 'and', filters];
  const found: search.Result[] = [];
  search
    .create({ type: TYPE, filters: all, columns: [F.dedupeKey, F.occurrences, F.firstSeen] })
    .run()
    .each((row) => {
      found.push(row);
      return true;
    });
  return found;
}

function toOpen(row: search.Result): OpenException {
  return {
    id: String(row.id),
    dedupeKey: plain(row.getValue({ name: F.dedupeKey })),
    occurrences: Number(row.getValue({ name: F.occurrences })) || 0,
    firstSeen: parseDt(row.getValue({ name: F.firstSeen })),
  };
}

export class ExceptionRepository implements ExceptionSink {
  private routing: ExceptionRouting | undefined;

  /** `routing`: for tests and callers that already hold it; otherwise read (cached) when an exception is opened. */
  constructor(routing?: ExceptionRouting) {
    this.routing = routing;
  }

  private routingNow(): ExceptionRouting {
    if (!this.routing) this.routing = loadRouting();
    return this.routing;
  }

  /** The open exception with this dedupe key, if any. */
  findOpen(dedupeKey: string): OpenException | undefined {
    const rows = openRows([F.dedupeKey, 'is', dedupeKey]);
    return rows.length ? toOpen(rows[0]) : undefined;
  }

  /** Opens an exception, or updates the open one with the same dedupe key. Returns its id. */
  raise(draft: ExceptionDraft, now: Date = new Date()): string {
    try {
      return this.write(draft, now);
    } catch (e) {
      // Another actor opened it between our search and our create: update theirs.
      if (errorName(e) !== DUPLICATE_RECORD) throw e;
      return this.write(draft, now);
    }
  }

  private write(draft: ExceptionDraft, now: Date): string {
    const open = this.findOpen(draft.dedupeKey);
    // Routing is only needed to open one: re-seeing a problem costs nothing more.
    const write = planRaise(open, draft, now, open ? undefined : this.routingNow());
    if (write.kind === 'update') {
      const v = write.values;
      record.submitFields({
        type: TYPE,
        id: write.id,
        values: {
          [F.message]: v.message.slice(0, MESSAGE_MAX),
          [F.details]: v.details,
          [F.lastSeen]: v.lastSeen,
          [F.occurrences]: v.occurrences,
          ...(v.scendReference ? { [F.scendReference]: v.scendReference } : {}),
        },
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
      return write.id;
    }
    const v = write.values;
    const rec = record.create({ type: TYPE });
    const set = (fieldId: string, value: record.FieldValue | undefined) => {
      if (value !== undefined && value !== '') rec.setValue({ fieldId, value });
    };
    set('externalid', openExceptionExternalId(v.dedupeKey));
    set('name', `${v.type}: ${v.message}`.slice(0, 300));
    set(F.type, listId('exceptionType', v.type));
    set(F.ownerTeam, listId('ownerTeam', v.owner));
    set(F.status, listId('exceptionStatus', 'open'));
    set(F.transaction, v.transactionId);
    set(F.item, v.itemId);
    set(F.scendReference, v.scendReference);
    set(F.message, v.message.slice(0, MESSAGE_MAX));
    set(F.details, v.details);
    set(F.dedupeKey, v.dedupeKey);
    set(F.firstSeen, v.firstSeen);
    set(F.lastSeen, v.lastSeen);
    set(F.occurrences, v.occurrences);
    set(F.severity, listId('severity', v.severity));
    set(F.respondBy, v.respondBy);
    if (v.alertPending) set(F.alertPending, true);
    return String(rec.save());
  }

  /**
   * Resolving frees the dedupe key: the externalid is renamed, which needs a load and a versioned
   * save (6 units). If someone re-raised the exception meanwhile (RCRD_HAS_BEEN_CHANGED) it stays
   * open: the problem was seen again, and the next resolve closes it.
   */
  private close(rows: search.Result[], now: Date): number {
    let closed = 0;
    for (const row of rows) {
      const rec = record.load({ type: TYPE, id: String(row.id) });
      rec.setValue({ fieldId: F.status, value: listId('exceptionStatus', 'resolved') });
      rec.setValue({ fieldId: F.resolvedAt, value: now });
      rec.setValue({ fieldId: F.resolutionNote, value: 'Resolved automatically: the cause cleared.' });
      // An alert not sent yet is no longer news.
      rec.setValue({ fieldId: F.alertPending, value: false });
      rec.setValue({ fieldId: 'externalid', value: `${openExceptionExternalId(plain(row.getValue({ name: F.dedupeKey })))}#${row.id}` });
      try {
        rec.save({ enableSourcing: false, ignoreMandatoryFields: true });
        closed += 1;
      } catch (e) {
        if (errorName(e) !== RECORD_CHANGED) throw e;
      }
    }
    return closed;
  }

  /** Resolves the open exception with this dedupe key (the cause cleared). Returns how many. */
  resolve(dedupeKey: string, now: Date = new Date()): number {
    return this.close(openRows([F.dedupeKey, 'is', dedupeKey]), now);
  }

  resolveForTransaction(transactionId: string, types: readonly ExceptionType[], now: Date = new Date()): number {
    if (types.length === 0) return 0;
    const typeIds = types.map((t) => listId('exceptionType', t));
    return this.close(openRows([[F.transaction, 'anyof', transactionId], 'and', [F.type, 'anyof', typeIds]]), now);
  }

  /** Dedupe keys of the open exceptions of these types (e.g. for a sweep that clears what it no longer sees). */
  openDedupeKeys(types: readonly ExceptionType[]): string[] {
    if (types.length === 0) return [];
    return openRows([F.type, 'anyof', types.map((t) => listId('exceptionType', t))]).map((r) => plain(r.getValue({ name: F.dedupeKey })));
  }
}
