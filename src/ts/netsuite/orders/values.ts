/** Reading N/record and N/search values into plain strings, numbers and dates. */

/** A select/list value may come as `[{ value, text }]` (lookupFields) or a plain value. */
export function plain(value: unknown): string {
  if (Array.isArray(value)) return value.length ? plain((value[0] as { value?: unknown }).value ?? value[0]) : '';
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export const optionalText = (value: unknown): string | undefined => plain(value).trim() || undefined;

export function bool(value: unknown): boolean {
  return value === true || value === 'T' || value === 'true';
}

/** A Date, an ISO string or a NetSuite-formatted date string as `yyyy-mm-dd` (local calendar date). */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  const text = plain(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  const parsed = text ? new Date(text) : undefined;
  return parsed && !isNaN(parsed.getTime()) ? isoDate(parsed) : undefined;
}

export function dateTime(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  const text = plain(value);
  if (!text) return undefined;
  const parsed = new Date(text);
  return isNaN(parsed.getTime()) ? undefined : parsed;
}
