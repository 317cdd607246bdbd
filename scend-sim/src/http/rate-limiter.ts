import type { Clock } from '../engine/clock';

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A sliding one-minute window per key, on the injectable clock (tests jump it instead of waiting). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    public perMinute: number,
  ) {}

  /** Count one request; 0 or less disables the limit. */
  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { ok: true };
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS && t <= now);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  reset(): void {
    this.hits.clear();
  }
}
