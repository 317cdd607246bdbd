import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';

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
  private pinnedAt: number | undefined;

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.pinnedAt ?? this.frozenAt ?? this.base.now() + this.offsetMs;
  }

  /** Whether the clock stands still (frozen here, or its base only moves when told, like a shared FileClock). */
  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  /**
   * Hold `now()` at an instant while the autopilot runs a step that was due then (so its timestamps
   * say when it happened), whatever the base clock does; `pin()` with no argument lets go.
   */
  pin(at?: number): void {
    this.pinnedAt = at;
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

/**
 * A clock another process moves: reads epoch milliseconds (a float64) from a small file that the
 * owner (the harness) rewrites whenever its own clock moves, so both sides agree to the millisecond.
 */
export class FileClock implements Clock {
  private readonly buffer = Buffer.alloc(8);
  private readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  now(): number {
    readSync(this.fd, this.buffer, 0, 8, 0);
    return this.buffer.readDoubleLE(0);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The owner's side: publish an instant. */
  static write(path: string, at: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(at, 0);
    writeFileSync(path, buffer);
  }
}
