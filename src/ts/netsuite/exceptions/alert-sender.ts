/**
 * Sends the alert and digest emails the core plans. Runs only in the alert scheduled script, never
 * inside the work that raised an exception: raising just marks "alert pending", so an email can
 * never cost that work governance or fail it. Before each email it checks the units left (email 20
 * + 2 per exception marked); what does not fit waits for the next run, still pending.
 */
import * as email from 'N/email';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { OwnerTeam } from '../../core/exceptions/exception';
import { planAlerts, planDigest, recipientOf, type AlertRow } from '../../core/exceptions/alerts';
import { markAlerted, openExceptions, type OpenExceptionRow } from './exception-work';

const C = RECORDS.config.fields;
const EMAIL_UNITS = 20;
const MARK_UNITS = 2;
/** Kept back for the script's own logging and bookkeeping. */
const RESERVE_UNITS = 50;

export type AlertMode = 'alerts' | 'digest';

export interface AlertRunReport {
  mode: AlertMode;
  emails: number;
  exceptions: number;
  unroutable: OwnerTeam[];
  /** Messages left for the next run because the units ran short. */
  deferred: number;
  /** Messages NetSuite refused (e.g. an invalid recipient): their exceptions stay pending, the error is logged. */
  failed: Array<{ team: OwnerTeam; error: string }>;
}

type TeamRecipients = Partial<Record<OwnerTeam, string | null>>;

function readRecipients(): { teams: TeamRecipients; fallback: string | null } {
  const row = search
    .create({
      type: RECORDS.config.id,
      filters: [[C.active, 'is', 'T'], 'and', ['isinactive', 'is', 'F']],
      columns: [C.alertOperations, C.alertFinance, C.alertCustomerService, C.alertAdmin, C.alertEmail],
    })
    .run()
    .getRange({ start: 0, end: 1 })[0];
  const get = (name: string): string | null => (row ? String(row.getValue({ name }) ?? '') || null : null);
  return {
    teams: { operations: get(C.alertOperations), finance: get(C.alertFinance), customerService: get(C.alertCustomerService), admin: get(C.alertAdmin) },
    fallback: get(C.alertEmail),
  };
}

const toAlertRow = (r: OpenExceptionRow): AlertRow | undefined =>
  r.owner ? { id: r.id, typeLabel: r.typeLabel, owner: r.owner, severity: r.severity ?? 'medium', message: r.message, firstSeen: r.firstSeen, respondBy: r.respondBy, subject: r.subject || undefined } : undefined;

const unitsLeft = (): number => runtime.getCurrentScript().getRemainingUsage();

function author(): number {
  const id = Number(runtime.getCurrentUser().id);
  return id > 0 ? id : -5; // -5: the account's default administrator, when a schedule runs with no user
}

export function runAlerts(mode: AlertMode, now: Date): AlertRunReport {
  const { teams, fallback } = readRecipients();
  const recipients = (team: OwnerTeam) => recipientOf(team, teams, fallback);
  // The digest: everything open except what still waits for its own alert (high ones already alerted are reminded).
  const rows = openExceptions({ alertPending: mode === 'alerts' })
    .map(toAlertRow)
    .filter((r): r is AlertRow => r !== undefined);
  const plan = mode === 'alerts' ? planAlerts(rows, recipients, now) : planDigest(rows, recipients, now);
  const report: AlertRunReport = { mode, emails: 0, exceptions: 0, unroutable: plan.unroutable, deferred: 0, failed: [] };
  for (const m of plan.messages) {
    const cost = EMAIL_UNITS + (mode === 'alerts' ? MARK_UNITS * m.exceptionIds.length : 0);
    if (unitsLeft() < cost + RESERVE_UNITS) {
      report.deferred += 1;
      continue;
    }
    try {
      // NetSuite Help, email.send: recipients are internal ids or email addresses (the types say ids only).
      email.send({ author: author(), recipients: [m.recipient] as unknown as number[], subject: m.subject, body: m.body });
    } catch (e) {
      // One team's bad recipient must not keep the other teams' alerts back; the script logs the report.
      report.failed.push({ team: m.team, error: `${(e as { name?: string }).name ?? 'ERROR'}: ${(e as { message?: string }).message ?? String(e)}` });
      continue;
    }
    if (mode === 'alerts') markAlerted(m.exceptionIds, now);
    report.emails += 1;
    report.exceptions += m.exceptionIds.length;
  }
  return report;
}
