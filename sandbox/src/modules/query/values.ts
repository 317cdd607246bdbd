/**
 * How record values are stored in the SuiteQL tables: NetSuite's SuiteQL gives checkboxes as 'T'/'F',
 * selects as internal ids, empty values as NULL (Oracle has no empty string). Dates are kept as
 * ISO text inside SQLite (so they compare and sort) and shown in the user's format on the way out.
 */
import type { FieldDef } from '../../data/schema';
import { formatDate, formatDateTime, isEmpty } from '../../data/values';

export type SqlCell = string | number | null;

/**
 * Ends every stored date: it keeps ISO order for comparisons and tells a date value apart from
 * text that merely looks like one (TO_CHAR output), so only real dates are reformatted on output.
 */
export const DATE_MARK = '\u2063';

export const isoDate = (d: Date): string => `${d.toISOString().slice(0, 10)}${DATE_MARK}`;
export const isoDateTime = (d: Date): string => `${d.toISOString().slice(0, 19).replace('T', ' ')}${DATE_MARK}`;

const asDate = (v: unknown): Date | null => {
  if (v instanceof Date) return v;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
};

export function sqlValue(kind: FieldDef['kind'], v: unknown): SqlCell {
  if (kind === 'checkbox') return v === true || v === 'T' ? 'T' : 'F';
  if (isEmpty(v)) return null;
  switch (kind) {
    case 'date': {
      const d = asDate(v);
      return d ? isoDate(d) : null;
    }
    case 'datetime': {
      const d = asDate(v);
      return d ? isoDateTime(d) : null;
    }
    case 'select':
      return typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : String(v);
    case 'multiselect':
      return Array.isArray(v) ? v.join(', ') : String(v);
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return Number.isFinite(Number(v)) ? Number(v) : null;
    default:
      return String(v);
  }
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})\u2063$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\u2063$/;

/** A value leaving SQLite as the script sees it: ISO date(time) text becomes M/D/YYYY [h:mm am]. */
export function outputValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return String(v);
  let m = ISO_DATE.exec(v);
  if (m) return formatDate(new Date(`${m[1]}T00:00:00Z`));
  m = ISO_DATETIME.exec(v);
  if (m) return formatDateTime(new Date(`${m[1]}T${m[2]}Z`));
  return v.includes(DATE_MARK) ? v.split(DATE_MARK).join('') : v;
}
