/**
 * The facade's `sb.concurrency`: what may run at the same time as a script, and exactly where.
 * See interleaver.ts for the model and sandbox/README.md ("Concurrency") for the API.
 */
import type { ExecutionContextType } from '../../kernel/kernel';
import { USAGE_LIMITS } from '../../kernel/governor';
import { runScheduledSync } from '../entry-runners';
import type { SandboxHost } from '../host';
import { iterable } from '../mapreduce/summary';
import { resolveParameters } from '../params';
import { SandboxUsageError } from '../sandbox-errors';
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

  /**
   * Runs one map key of a map/reduce deployment now, synchronously, as another processor of that
   * deployment would (its own 1,000 units; context.write is accepted and dropped). For work run
   * inside `at`/`actor`: "another key of the same job acts on this record now". Returns what it wrote.
   */
  runMapKeyNow(deploymentId: string, key: string, value: string, params?: Record<string, unknown>): Array<{ key: string; value: string }> {
    const found = this.host.findDeployment(deploymentId);
    if (!found || found.script.type !== 'MAPREDUCE') throw new SandboxUsageError(`${deploymentId} is not a map/reduce deployment`);
    const { script, deployment } = found;
    const entryPoints = this.host.scripts.instantiate(script);
    if (typeof entryPoints.map !== 'function') throw new SandboxUsageError(`${deploymentId} has no map entry point`);
    const writes: Array<{ key: string; value: string }> = [];
    const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const ctx = {
      key, value, isRestarted: false, executionNo: 1, errors: iterable([]),
      write: (a: unknown, b?: unknown) => {
        const kv = a && typeof a === 'object' && 'key' in (a as object) && b === undefined ? (a as { key: unknown; value: unknown }) : { key: a, value: b };
        writes.push({ key: str(kv.key), value: str(kv.value) });
      },
    };
    this.host.invokeSync({
      script, deployment, entryPoint: 'map', entryPoints, args: [ctx], limit: USAGE_LIMITS.MAPREDUCE_MAP, executionContext: 'MAPREDUCE',
      triggersUserEvents: true, parameters: resolveParameters(script, deployment, params), key,
    });
    return writes;
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
