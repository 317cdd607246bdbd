import type { RecurrenceDef, RecurrencePattern } from '../kernel/meta';
import { ProjectLoadError } from './errors';
import { bool, text, type XmlNode } from './xml';

/** SDF `<recurrence>` children (SCHEDULED_SCRIPT_EVENT field groups) the sandbox does not follow. */
const UNSUPPORTED = ['monthly', 'monthlydayofweek', 'yearly', 'yearlydayofweek'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

/**
 * Reads a deployment's `<recurrence>`: one of `<single>`, `<daily>`, `<everyweekday>`, `<weekly>`
 * with `<startdate>` (YYYY-MM-DD), `<starttime>` (HH:MM[:SS]Z or with an offset; SDF keeps no
 * seconds), optional `<enddate>` and `<repeat>` (an ISO 8601 duration such as PT15M or PT1H).
 */
export function parseRecurrence(rec: unknown, deploymentId: string, file: string): RecurrenceDef | undefined {
  if (!rec || typeof rec !== 'object') return undefined;
  const fail = (why: string): never => { throw new ProjectLoadError('INVALID_RECURRENCE', `deployment ${deploymentId}: ${why}`, file); };
  const forms = Object.keys(rec).filter((k) => !k.startsWith('@_') && k !== '#text');
  if (forms.length !== 1) fail(`<recurrence> needs exactly one schedule element, found ${forms.length ? forms.join(', ') : 'none'}`);
  const element = forms[0];
  const node = ((rec as XmlNode)[element] ?? {}) as XmlNode;
  const pattern = readPattern(element, node, fail);
  const date = text(node, 'startdate');
  if (!isDate(date)) fail(`<startdate> must be YYYY-MM-DD, got "${date}"`);
  const { minute, dayShift } = readTime(text(node, 'starttime'), fail);
  const endDate = text(node, 'enddate');
  if (endDate && !isDate(endDate)) fail(`<enddate> must be YYYY-MM-DD, got "${endDate}"`);
  const repeat = text(node, 'repeat');
  return {
    pattern,
    startDate: shiftDate(date, dayShift),
    startMinute: minute,
    ...(endDate ? { endDate } : {}),
    ...(repeat ? { repeatMinutes: readRepeat(repeat, fail) } : {}),
  };
}

function readPattern(element: string, node: XmlNode, fail: (why: string) => never): RecurrencePattern {
  const count = (name: string): number => {
    const n = Number(text(node, name));
    if (!Number.isInteger(n) || n < 1 || n > 1000) fail(`<${name}> must be 1 through 1000, got "${text(node, name)}"`);
    return n;
  };
  switch (element) {
    case 'single': return { kind: 'single' };
    case 'daily': return { kind: 'daily', everyXDays: count('everyxdays') };
    case 'everyweekday': return { kind: 'everyweekday' };
    case 'weekly': {
      const days = WEEKDAYS.flatMap((d, i) => (bool(node, d) ? [i] : []));
      if (days.length === 0) fail('<weekly> needs at least one day set to T');
      return { kind: 'weekly', everyXWeeks: count('everyxweeks'), days };
    }
    default:
      if (UNSUPPORTED.includes(element)) return { kind: 'unsupported', element };
      return fail(`<${element}> is not an SDF recurrence`);
  }
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Minutes after midnight UTC, and how many days the offset moved the start date. */
function readTime(raw: string, fail: (why: string) => never): { minute: number; dayShift: number } {
  const m = /^(\d{2}):(\d{2})(?::\d{2})?(Z|([+-])(\d{2}):(\d{2}))?$/.exec(raw);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return fail(`<starttime> must be HH:MM:SSZ, got "${raw}"`);
  const offset = m[4] ? (m[4] === '+' ? 1 : -1) * (Number(m[5]) * 60 + Number(m[6])) : 0;
  const utc = Number(m[1]) * 60 + Number(m[2]) - offset;
  const dayShift = Math.floor(utc / 1440);
  return { minute: utc - dayShift * 1440, dayShift };
}

function shiftDate(date: string, days: number): string {
  return days === 0 ? date : new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** generic_repeat_time values are ISO 8601 durations (PT15M, PT30M, PT1H, ... PT12H). */
function readRepeat(raw: string, fail: (why: string) => never): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(raw);
  const minutes = m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 0;
  if (!m || minutes <= 0 || minutes >= 1440) fail(`<repeat> must be a duration such as PT15M or PT1H, got "${raw}"`);
  return minutes;
}
