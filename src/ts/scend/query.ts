/** URL building without URL/URLSearchParams (not available in SuiteScript's ES2019 runtime). */

export type QueryValue = string | number | boolean | undefined;

/** `?a=1&b=x%20y` from the defined entries, in the given order; '' when none. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** One path segment (ids may hold '/', '?', '#' or spaces). */
export const segment = (value: string): string => encodeURIComponent(value);

/** Base URL without trailing slashes, so `${base}/v1/...` never doubles one. */
export const trimBaseUrl = (baseUrl: string): string => baseUrl.replace(/\/+$/, '');
