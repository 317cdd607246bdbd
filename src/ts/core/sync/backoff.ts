/** Exponential backoff for deferred retries (SuiteScript cannot sleep: the backlog comes back later). */
const BASE_MS = 5 * 60 * 1000;
const CAP_MS = 6 * 60 * 60 * 1000;

/** When to try again after `attempts` failed attempts (1 → +5 min, 2 → +10 min, ... capped at 6 h). */
export function nextAttemptAt(attempts: number, now: Date, retryAfterSeconds?: number): Date {
  const exp = Math.min(CAP_MS, BASE_MS * Math.pow(2, Math.max(0, attempts - 1)));
  const wait = Math.max(exp, (retryAfterSeconds ?? 0) * 1000);
  return new Date(now.getTime() + wait);
}
