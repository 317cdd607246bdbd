/** Plain-value helpers: deep copy (scripts never share state with the store) and NetSuite's default date text. */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) out[k] = clone((v as Record<string, unknown>)[k]);
  return out as T;
}

export const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The account's date format is M/D/YYYY (the sandbox's fixed user preference). */
export const formatDate = (d: Date): string => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;

export const formatDateTime = (d: Date): string => {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(d)} ${h12}:${mm} ${h < 12 ? 'am' : 'pm'}`;
};

/** Parse the date strings scripts pass to search filters: M/D/YYYY [h:mm am], ISO strings, or Date. */
export function parseDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(v.trim());
  if (m) {
    let h = m[4] ? Number(m[4]) : 0;
    if (m[7]) h = (h % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    return new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), h, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0));
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t);
}

export const startOfDay = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
