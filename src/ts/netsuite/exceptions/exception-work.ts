/**
 * What people do to exceptions: list the open ones (filtered), ignore one with a note. Ignoring
 * closes it (status Ignored, who and when, the note) and frees its dedupe key like a resolve, so
 * if the problem comes back it opens again instead of staying silently ignored.
 */
import * as format from 'N/format';
import * as record from 'N/record';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { ExceptionType, OwnerTeam } from '../../core/exceptions/exception';
import type { Severity } from '../../core/exceptions/exception-types';
import { isOverdue } from '../../core/exceptions/routing';
import { listId, listKey } from '../orders/list-values';
import { plain } from '../orders/values';
import { openExceptionExternalId } from './exception-repository';

const F = RECORDS.exception.fields;
const TYPE = RECORDS.exception.id;

export interface ExceptionFilter {
  team?: OwnerTeam;
  type?: ExceptionType;
  /** Only those whose respond-by has passed. */
  overdueAt?: Date;
  /** true: only those whose alert is not sent yet (the alert script); false: only the others (the digest). */
  alertPending?: boolean;
  transactionId?: string;
}

export interface OpenExceptionRow {
  id: string;
  type: ExceptionType | undefined;
  typeLabel: string;
  owner: OwnerTeam | undefined;
  severity: Severity | undefined;
  message: string;
  transactionId: string;
  subject: string;
  firstSeen: Date;
  respondBy?: Date;
}

const dt = (value: unknown): Date | undefined => {
  const text = plain(value);
  if (!text) return undefined;
  const parsed = format.parse({ value: text, type: format.Type.DATETIMETZ });
  return parsed instanceof Date && !isNaN(parsed.getTime()) ? parsed : undefined;
};
const minute = (d: Date): string => format.format({ value: d, type: format.Type.DATETIME });

function filtersOf(f: ExceptionFilter): unknown[] {
  const out: unknown[] = [[F.status, 'anyof', listId('exceptionStatus', 'open')]];
  if (f.team) out.push('and', [F.ownerTeam, 'anyof', listId('ownerTeam', f.team)]);
  if (f.type) out.push('and', [F.type, 'anyof', listId('exceptionType', f.type)]);
  if (f.overdueAt) out.push('and', [F.respondBy, 'before', minute(f.overdueAt)]);
  if (f.alertPending !== undefined) out.push('and', [F.alertPending, 'is', f.alertPending ? 'T' : 'F']);
  if (f.transactionId) out.push('and', [F.transaction, 'anyof', f.transactionId]);
  return out;
}

/** Open exceptions matching the filter, most urgent first; at most `limit` (one page, 10 units). */
export function openExceptions(f: ExceptionFilter, limit = 1000): OpenExceptionRow[] {
  const columns = [
    search.createColumn({ name: F.respondBy, sort: search.Sort.ASC }),
    F.type, F.ownerTeam, F.severity, F.message, F.transaction, F.item, F.firstSeen,
  ];
  return search
    .create({ type: TYPE, filters: filtersOf(f) as search.SearchCreateOptions['filters'], columns })
    .run()
    .getRange({ start: 0, end: Math.min(limit, 1000) })
    .map((row) => ({
      id: String(row.id),
      type: listKey('exceptionType', row.getValue({ name: F.type })),
      typeLabel: plain(row.getText({ name: F.type })) || 'Exception',
      owner: listKey('ownerTeam', row.getValue({ name: F.ownerTeam })),
      severity: listKey('severity', row.getValue({ name: F.severity })),
      message: plain(row.getValue({ name: F.message })),
      transactionId: plain(row.getValue({ name: F.transaction })),
      subject: plain(row.getText({ name: F.transaction })) || plain(row.getText({ name: F.item })),
      firstSeen: dt(row.getValue({ name: F.firstSeen })) ?? new Date(0),
      respondBy: dt(row.getValue({ name: F.respondBy })),
    }))
    // The filter compares whole minutes in the user's time zone; the exact check is here.
    .filter((r) => !f.overdueAt || isOverdue(r.respondBy, f.overdueAt));
}

export type IgnoreOutcome = { ok: true } | { ok: false; message: string };

/** Closes an open exception as Ignored, with who, when and why. A load and a versioned save (6 units). */
export function ignoreException(id: string, note: string, user: { id: number; name: string }, now: Date): IgnoreOutcome {
  if (!note.trim()) return { ok: false, message: 'Say why it is ignored: a note is required.' };
  const rec = record.load({ type: TYPE, id });
  if (listKey('exceptionStatus', rec.getValue({ fieldId: F.status })) !== 'open') return { ok: false, message: 'Not open any more: nothing to ignore.' };
  rec.setValue({ fieldId: F.status, value: listId('exceptionStatus', 'ignored') });
  rec.setValue({ fieldId: F.resolvedAt, value: now });
  rec.setValue({ fieldId: F.resolvedBy, value: `${user.name} (${user.id})`.slice(0, 300) });
  rec.setValue({ fieldId: F.resolutionNote, value: note.trim().slice(0, 3900) });
  rec.setValue({ fieldId: F.alertPending, value: false });
  rec.setValue({ fieldId: 'externalid', value: `${openExceptionExternalId(plain(rec.getValue({ fieldId: F.dedupeKey })))}#${id}` });
  rec.save({ enableSourcing: false, ignoreMandatoryFields: true });
  return { ok: true };
}

/** The order an exception is about, if any (lookupFields, 1 unit). */
export function transactionOf(id: string): string {
  const v = search.lookupFields({ type: TYPE, id, columns: [F.transaction] })[F.transaction];
  return Array.isArray(v) && v.length ? String((v[0] as { value: string }).value) : '';
}

/** Marks exceptions as alerted (2 units each). */
export function markAlerted(ids: readonly string[], now: Date): void {
  for (const id of ids) {
    record.submitFields({ type: TYPE, id, values: { [F.alertPending]: false, [F.alertedAt]: now }, options: { enableSourcing: false, ignoreMandatoryFields: true } });
  }
}
