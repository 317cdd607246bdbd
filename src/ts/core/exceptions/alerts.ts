/**
 * Alert and digest emails, planned from exception rows: one message per owner team per run, so an
 * outage that opens many exceptions sends each team one email, not hundreds. Pure: the scheduled
 * script reads the rows, sends the messages and marks what was sent.
 */
import type { OwnerTeam } from './exception';
import type { Severity } from './exception-types';
import { isOverdue } from './routing';

export interface AlertRow {
  id: string;
  typeLabel: string;
  owner: OwnerTeam;
  severity: Severity;
  message: string;
  firstSeen: Date;
  respondBy?: Date;
  /** Display text of the linked transaction or item, if any. */
  subject?: string;
}

/** An employee or group internal id, or an email address, as N/email takes recipients. */
export type Recipient = number | string;

export interface AlertMessage {
  team: OwnerTeam;
  recipient: Recipient;
  subject: string;
  body: string;
  /** The exceptions this message tells about (alerts: marked alerted once sent). */
  exceptionIds: string[];
}

export interface AlertPlan {
  messages: AlertMessage[];
  /** Teams with something to tell and nobody configured to tell it to (left pending). */
  unroutable: OwnerTeam[];
}

export const TEAM_LABELS: Readonly<Record<OwnerTeam, string>> = {
  operations: 'Operations',
  finance: 'Finance',
  customerService: 'Customer service',
  admin: 'Integration admin',
};

/** At most this many exceptions are listed in one email (the rest are counted). */
export const MAX_LISTED = 50;

/** "123" → employee/group id 123; "ops@x.com" → that address; anything else → none. */
export function parseRecipient(value: string | null | undefined): Recipient | undefined {
  const v = (value ?? '').trim();
  if (/^\d+$/.test(v)) return Number(v);
  if (/^[^@\s]+@[^@\s]+$/.test(v)) return v;
  return undefined;
}

export function recipientOf(team: OwnerTeam, configured: Partial<Record<OwnerTeam, string | null>>, fallback: string | null): Recipient | undefined {
  return parseRecipient(configured[team]) ?? parseRecipient(fallback);
}

function byTeam(rows: readonly AlertRow[]): Map<OwnerTeam, AlertRow[]> {
  const out = new Map<OwnerTeam, AlertRow[]>();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), r]);
  return out;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function line(r: AlertRow, now: Date): string {
  const late = isOverdue(r.respondBy, now) ? ' OVERDUE' : '';
  const due = r.respondBy ? ` respond by ${iso(r.respondBy)}${late}` : '';
  return `- [${r.severity}] ${r.typeLabel}${r.subject ? ` (${r.subject})` : ''}:${due}\n  ${r.message}`;
}

function listing(rows: readonly AlertRow[], now: Date): string {
  const shown = rows.slice(0, MAX_LISTED).map((r) => line(r, now));
  const more = rows.length > MAX_LISTED ? [`... and ${rows.length - MAX_LISTED} more: see the Scend exceptions page.`] : [];
  return [...shown, ...more].join('\n');
}

type Recipients = (team: OwnerTeam) => Recipient | undefined;

/** New high-severity exceptions: one email per owner team. */
export function planAlerts(pending: readonly AlertRow[], recipients: Recipients, now: Date): AlertPlan {
  const plan: AlertPlan = { messages: [], unroutable: [] };
  byTeam(pending).forEach((rows, team) => {
    const recipient = recipients(team);
    if (recipient === undefined) {
      plan.unroutable.push(team);
      return;
    }
    const first = rows[0];
    const subject = rows.length === 1 ? `[Scend] ${first.typeLabel}: action needed by ${TEAM_LABELS[team]}` : `[Scend] ${rows.length} urgent exceptions for ${TEAM_LABELS[team]}`;
    const body = [
      `New high-severity Scend exceptions for ${TEAM_LABELS[team]}. Each message says what happened and what to do.`,
      '',
      listing(rows, now),
      '',
      'Work them on the Scend exceptions page (Retry now / Ignore). You are told once per problem; it resolves itself when the cause clears.',
    ].join('\n');
    plan.messages.push({ team, recipient, subject, body, exceptionIds: rows.map((r) => r.id) });
  });
  return plan;
}

/** The daily digest: every open exception not waiting for its own alert, per owner team, overdue first. */
export function planDigest(open: readonly AlertRow[], recipients: Recipients, now: Date): AlertPlan {
  const plan: AlertPlan = { messages: [], unroutable: [] };
  byTeam(open).forEach((rows, team) => {
    const recipient = recipients(team);
    if (recipient === undefined) {
      plan.unroutable.push(team);
      return;
    }
    const sorted = [...rows].sort((a, b) => (a.respondBy?.getTime() ?? Infinity) - (b.respondBy?.getTime() ?? Infinity));
    const overdue = sorted.filter((r) => isOverdue(r.respondBy, now)).length;
    const counts = new Map<string, number>();
    sorted.forEach((r) => counts.set(r.typeLabel, (counts.get(r.typeLabel) ?? 0) + 1));
    const body = [
      `${rows.length} open Scend exception${rows.length === 1 ? '' : 's'} for ${TEAM_LABELS[team]}${overdue ? `, ${overdue} overdue` : ''}.`,
      '',
      ...[...counts].map(([label, n]) => `${label}: ${n}`),
      '',
      listing(sorted, now),
    ].join('\n');
    plan.messages.push({
      team,
      recipient,
      subject: `[Scend] Daily digest: ${rows.length} open for ${TEAM_LABELS[team]}${overdue ? ` (${overdue} overdue)` : ''}`,
      body,
      exceptionIds: sorted.map((r) => r.id),
    });
  });
  return plan;
}
