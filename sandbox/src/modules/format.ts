import { SuiteScriptError } from '../kernel/errors';

/** The sandbox user's preferences: M/D/YYYY, h:mm am/pm, US number format, one fixed timezone. */
export interface FormatPreferences { timezone: string }
// The sandbox user's timezone preference is UTC, the zone search results display datetimes in, so
// format.parse of a search value gives back the stored instant (as in an account set to UTC).
export const DEFAULT_FORMAT_PREFERENCES: FormatPreferences = { timezone: 'UTC' };

const Type = {
  DATE: 'date', DATETIME: 'datetime', DATETIMETZ: 'datetimetz', TIMEOFDAY: 'timeofday', CURRENCY: 'currency',
  CURRENCY2: 'currency2', FLOAT: 'float', INTEGER: 'integer', PERCENT: 'percent', POSINTEGER: 'posinteger',
  POSFLOAT: 'posfloat', NONNEGFLOAT: 'nonnegfloat', CHECKBOX: 'checkbox', TEXT: 'text', EMAIL: 'email', URL: 'url',
} as const;

interface Wall { y: number; m: number; d: number; h: number; mi: number; s: number }

function wallTime(date: Date, timezone: string): Wall {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute'), s: get('second') };
}

/** The instant at which the wall clock in `timezone` shows `w`. */
function fromWall(w: Wall, timezone: string): Date {
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  let t = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = wallTime(new Date(t), timezone);
    t += asUtc - Date.UTC(shown.y, shown.m - 1, shown.d, shown.h, shown.mi, shown.s);
  }
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (w: Wall, seconds: boolean) => `${w.h % 12 === 0 ? 12 : w.h % 12}:${pad(w.mi)}${seconds ? `:${pad(w.s)}` : ''} ${w.h < 12 ? 'am' : 'pm'}`;
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const invalid = (value: unknown, type: string) => new SuiteScriptError('SSS_INVALID_TYPE_ARG', `"${String(value)}" is not a valid ${type} value`);

/** N/format: format()/parse() for dates, times and numbers in the sandbox user's preferences. */
export function createFormatModule(prefs: FormatPreferences = DEFAULT_FORMAT_PREFERENCES) {
  const toDate = (v: unknown, type: string): Date => {
    const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : new Date(NaN);
    if (Number.isNaN(d.getTime())) throw invalid(v, type);
    return d;
  };
  const format = (options: { value: unknown; type: string; timezone?: string }): string => {
    if (!options || options.type === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: type');
    const { value, type } = options;
    if (value === null || value === undefined || value === '') return '';
    switch (type) {
      case Type.DATE: {
        const w = wallTime(toDate(value, type), prefs.timezone);
        return `${w.m}/${w.d}/${w.y}`;
      }
      case Type.DATETIME:
      case Type.DATETIMETZ: {
        const w = wallTime(toDate(value, type), options.timezone ?? prefs.timezone);
        return `${w.m}/${w.d}/${w.y} ${clock(w, type === Type.DATETIMETZ)}`;
      }
      case Type.TIMEOFDAY:
        return clock(wallTime(toDate(value, type), prefs.timezone), false);
      case Type.CURRENCY:
      case Type.CURRENCY2: {
        const n = Number(value);
        if (!Number.isFinite(n)) throw invalid(value, type);
        return money(n);
      }
      case Type.PERCENT: {
        const n = Number(String(value).replace('%', ''));
        if (!Number.isFinite(n)) throw invalid(value, type);
        return `${n.toFixed(1)}%`;
      }
      case Type.INTEGER:
      case Type.POSINTEGER:
      case Type.FLOAT:
      case Type.POSFLOAT:
      case Type.NONNEGFLOAT: {
        const n = Number(value);
        if (!Number.isFinite(n)) throw invalid(value, type);
        return String(n);
      }
      case Type.CHECKBOX:
        return value === true || value === 'T' ? 'T' : 'F';
      default:
        return String(value);
    }
  };
  const parse = (options: { value: unknown; type: string; timezone?: string }): unknown => {
    if (!options || options.type === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: type');
    const { value, type } = options;
    if (value === null || value === undefined || value === '') return value;
    if (value instanceof Date) return value;
    const s = String(value).trim();
    switch (type) {
      case Type.DATE:
      case Type.DATETIME:
      case Type.DATETIMETZ: {
        const m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm))?$/i);
        if (!m) throw invalid(value, type);
        let h = m[4] ? Number(m[4]) % 12 : 0;
        if (m[7]?.toLowerCase() === 'pm') h += 12;
        const w = { y: Number(m[3]), m: Number(m[1]), d: Number(m[2]), h, mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0) };
        if (w.m < 1 || w.m > 12 || w.d < 1 || w.d > 31) throw invalid(value, type);
        return fromWall(w, options.timezone ?? prefs.timezone);
      }
      case Type.CURRENCY:
      case Type.CURRENCY2:
      case Type.FLOAT:
      case Type.POSFLOAT:
      case Type.NONNEGFLOAT:
      case Type.INTEGER:
      case Type.POSINTEGER:
      case Type.PERCENT: {
        const n = Number(s.replace(/[,%\s]/g, ''));
        if (!Number.isFinite(n) || (type === Type.INTEGER && !Number.isInteger(n))) throw invalid(value, type);
        return n;
      }
      case Type.CHECKBOX:
        return s === 'T' || s === 'true';
      default:
        return s;
    }
  };
  return { Type, Timezone: { AMERICA_LOS_ANGELES: 'America/Los_Angeles', AMERICA_NEW_YORK: 'America/New_York', EUROPE_LONDON: 'Europe/London', ETC_GMT: 'Etc/GMT' }, format, parse };
}
