/**
 * When a scheduled deployment is due: pure functions of its recurrence and a time window.
 * All in UTC (SDF writes start times with `Z`).
 */
import type { RecurrenceDef } from '../kernel/meta';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const floorDay = (t: number): number => Math.floor(t / DAY_MS) * DAY_MS;

/** Does the pattern fire on the UTC day starting at `day` (start date already reached)? */
function firesOn(rec: RecurrenceDef, day: number, startDay: number): boolean {
  const daysIn = Math.round((day - startDay) / DAY_MS);
  const weekday = new Date(day).getUTCDay();
  const p = rec.pattern;
  switch (p.kind) {
    case 'single': return daysIn === 0;
    case 'daily': return daysIn % p.everyXDays === 0;
    case 'everyweekday': return weekday >= 1 && weekday <= 5;
    case 'weekly': {
      // Weeks run Sunday to Saturday, counted from the week holding the start date.
      const weeksIn = Math.floor((daysIn + new Date(startDay).getUTCDay()) / 7);
      return weeksIn % p.everyXWeeks === 0 && p.days.includes(weekday);
    }
    case 'unsupported': return false;
    default: { const never: never = p; return never; }
  }
}

/**
 * Due times in the window (from, to]: the start time on each day the pattern fires and, with
 * `<repeat>`, every repeatMinutes after it until that day's end (UTC midnight) — a repeat never
 * carries past midnight; the next day starts again at the start time.
 */
export function dueTimes(rec: RecurrenceDef, from: Date, to: Date): Date[] {
  const t0 = from.getTime();
  const t1 = to.getTime();
  const startDay = dayOf(rec.startDate);
  const lastDay = rec.endDate ? dayOf(rec.endDate) : Infinity;
  const step = (rec.repeatMinutes ?? 0) * MINUTE_MS;
  const out: Date[] = [];
  for (let day = Math.max(startDay, floorDay(t0)); day <= Math.min(lastDay, t1); day += DAY_MS) {
    if (!firesOn(rec, day, startDay)) continue;
    for (let t = day + rec.startMinute * MINUTE_MS; t < day + DAY_MS && t <= t1; t += step || DAY_MS) {
      if (t > t0) out.push(new Date(t));
    }
  }
  return out;
}
