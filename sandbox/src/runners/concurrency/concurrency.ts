/**
 * The facade's `sb.concurrency`: what may run at the same time as a script, and exactly where.
 * See interleaver.ts for the model and sandbox/README.md ("Concurrency") for the API.
 */
import type { ExecutionContextType } from '../../kernel/kernel';
import { runScheduledSync } from '../entry-runners';
import type { SandboxHost } from '../host';
import type { CallPoint, InterleaveEvent, InterleaveSettings, InvocationMatch, PendingWork } from './interleaver';

export type { CallPoint, InterleaveEvent, InterleaveSettings, InvocationMatch, PendingWork } from './interleaver';

export interface ActorOptions {
  /** How many times the work may run (default: unlimited while `ready` says so). */
  times?: number;
  /** Runs as a UI user in this execution context (default USERINTERFACE). */
  context?: ExecutionContextType;
  /** Extra readiness condition. */
  ready?: () => boolean;
}

export class Concurrency {
  constructor(private readonly host: SandboxHost) {}

  /** The seed that reproduces this run's interleavings (the sandbox seed). */
  get seed(): number {
    return this.host.interleaver.seed;
  }

  /**
   * Turns random interleaving on: at each governed call of any script, with `probability`, one
   * ready piece of pending work runs to completion first. Map/reduce keys of a deployment with
   * `concurrencylimit` > 1 are pending work while their stage runs.
   */
  interleave(settings: Partial<InterleaveSettings> & { probability: number }): void {
    this.host.interleaver.configure(settings);
  }

  /** Any pending work (returns a function that withdraws it). */
  add(work: PendingWork): () => void {
    return this.host.interleaver.add(work);
  }

  /** A user (or CSV import, web store...) doing `fn` with N/record and N/search at some governed call of a running script. */
  actor(name: string, fn: () => void, options: ActorOptions = {}): () => void {
    let left = options.times ?? Number.POSITIVE_INFINITY;
    return this.add({
      name,
      as: options.context ?? 'USERINTERFACE',
      ready: () => left > 0 && (options.ready?.() ?? true),
      run: () => {
        left -= 1;
        fn();
      },
    });
  }

  /** A scheduled script deployment that may start while other work runs (runs synchronously; `times` default 1). */
  scheduled(deploymentId: string, options: { times?: number; params?: Record<string, unknown> } = {}): () => void {
    let left = options.times ?? 1;
    return this.add({
      name: `scheduled ${deploymentId}`,
      as: 'self',
      ready: () => left > 0,
      run: () => {
        left -= 1;
        runScheduledSync(this.host, deploymentId, { params: options.params });
      },
    });
  }

  /**
   * Exactly here: before the `call`-th governed call (0-based), or the `https`-th https call, of the
   * first invocation matching `match`, run `fn` once as a UI user.
   */
  at(match: InvocationMatch, point: CallPoint, fn: () => void, name?: string): void {
    this.host.interleaver.at(match, point, fn, name);
  }

  /** Runs a scheduled script now, synchronously (for use inside `at`/`actor` work). */
  runScheduledNow(deploymentId: string, params?: Record<string, unknown>): void {
    runScheduledSync(this.host, deploymentId, { params });
  }

  get trace(): readonly InterleaveEvent[] {
    return this.host.interleaver.trace;
  }

  /** Targeted work whose call never came. */
  unfired(): string[] {
    return this.host.interleaver.unfired();
  }

  /** One line that says how to reproduce the run (seed and every interleaving). */
  describe(): string {
    return this.host.interleaver.describe();
  }
}
