import type { Clock } from './kernel';

/** The sandbox's time: starts at a fixed instant (never the host clock by default) and moves only when told. */
export class SandboxClock implements Clock {
  private at: number;

  constructor(start: Date | string = '2025-01-06T09:00:00.000Z') {
    this.at = SandboxClock.parse(start);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = SandboxClock.parse(at);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance needs a non-negative number of ms, got ${ms}`);
    this.at += ms;
  }

  private static parse(at: Date | string): number {
    const t = (typeof at === 'string' ? new Date(at) : at).getTime();
    if (Number.isNaN(t)) throw new RangeError(`invalid clock time: ${String(at)}`);
    return t;
  }
}
