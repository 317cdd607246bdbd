/**
 * The reconciliation's period: a calendar month (YYYY-MM) picked on the page, the previous month by
 * default (month-end is signed off in the first days of the next month). Dates are UTC calendar days.
 */
import type { Period } from './reconcile';

const MONTH = /^(\d{4})-(\d{2})$/;

export const monthOf = (d: Date): string => d.toISOString().slice(0, 7);

/** The first and last day of a YYYY-MM month, or null when it is not one. */
export function monthPeriod(month: string): Period | null {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const first = new Date(Date.UTC(y, mo, 1));
  const last = new Date(Date.UTC(y, mo + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export const previousMonth = (now: Date): string => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));

/** The months the picker offers, newest first: the current month and the `count - 1` before it. */
export function pickerMonths(now: Date, count = 24): string[] {
  return Array.from({ length: count }, (_, i) => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
}

/** The month asked for (parameter `month`), else the previous month; a month in the future is refused. */
export function periodFor(month: string | undefined, now: Date): { month: string; period: Period } | { error: string } {
  const wanted = month && month.trim() ? month.trim() : previousMonth(now);
  const period = monthPeriod(wanted);
  if (!period) return { error: `"${wanted}" is not a month written YYYY-MM.` };
  if (wanted > monthOf(now)) return { error: `${wanted} has not started yet.` };
  return { month: wanted, period };
}

/** The instant just after the period's last day (UTC). */
export const periodEnd = (p: Period): Date => new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000);

/** The period as the run record's external id (one run per period; NetSuite refuses a second). */
export const runExternalId = (p: Period): string => `recon:${p.from}:${p.to}`;
