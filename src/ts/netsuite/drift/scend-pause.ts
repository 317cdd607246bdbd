/**
 * Scend's "slow down" (429 with Retry-After), shared by the keys of a drift run through N/cache:
 * once one check is refused, the checks until the given time are deferred to the next run instead
 * of each spending a request (and an ERROR log entry) on another 429 — and taking the rate limit
 * from the order hand-over that shares it. The value is the instant the pause ends (N/cache's ttl
 * is at least 300 s, so the pause is compared with the clock, not left to expire).
 */
import * as cache from 'N/cache';

const CACHE_NAME = 'scend_drift_pause';
const KEY = 'rateLimitedUntil';
const MIN_TTL_SECONDS = 300;
/** Without a Retry-After, wait this long (the contract's rate window is a minute). */
const DEFAULT_PAUSE_SECONDS = 60;

const store = () => cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PRIVATE });

export function scendPaused(now: Date): boolean {
  const until = Number(store().get({ key: KEY }) ?? 0);
  return until > now.getTime();
}

export function pauseScend(now: Date, retryAfterSeconds: number | undefined): void {
  const seconds = retryAfterSeconds && retryAfterSeconds > 0 ? retryAfterSeconds : DEFAULT_PAUSE_SECONDS;
  store().put({ key: KEY, value: String(now.getTime() + seconds * 1000), ttl: Math.max(MIN_TTL_SECONDS, seconds) });
}
