/** The simulator never reads the wall clock directly: every timestamp and rate-limit window comes from a Clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock tests and the control surface can move: real time plus an offset, or frozen at an instant.
 * Moving it never goes through timers, so a test can jump a rate-limit window instantly.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.frozenAt ?? this.base.now() + this.offsetMs;
  }

  /** Jump to an instant; with `frozen` the clock stays there until moved again. */
  set(at: number, frozen = false): void {
    if (frozen) {
      this.frozenAt = at;
      return;
    }
    this.frozenAt = undefined;
    this.offsetMs = at - this.base.now();
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Back to real time. */
  resume(): void {
    this.frozenAt = undefined;
    this.offsetMs = 0;
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
