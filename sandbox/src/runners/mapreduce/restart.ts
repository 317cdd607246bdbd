import type { Rng } from '../rng';
import type { MapReduceStage, RestartInjection, RestartPoint } from './types';

/** Thrown into a script to stop it where the app server "restarted". Scripts cannot really catch a restart: the runner ignores what they do after it. */
export class AppServerRestart extends Error {
  constructor() {
    super('SSS_APP_SERVER_RESTART');
    this.name = 'SSS_APP_SERVER_RESTART';
  }
}

/** `randomCalls`: cut at a governed call drawn when the key starts (see Job.randomCut). */
export interface InsideTrigger { afterGovernedCalls?: number; afterWrites?: number; randomCalls?: boolean }

/** A random point once its invocation is chosen: the governed call is drawn when that key starts. */
type ResolvedRandom = RestartPoint & { randomCalls: true };

const isPoint = (r: RestartInjection): r is RestartPoint => !('random' in r);

/** The pending restart injections of one run, consumed in order. */
export class RestartPlan {
  private readonly pending: Array<RestartInjection | ResolvedRandom>;

  constructor(injections: RestartInjection | RestartInjection[] | undefined, private readonly rng: Rng, private readonly hasReduce: boolean) {
    this.pending = injections === undefined ? [] : Array.isArray(injections) ? [...injections] : [injections];
    for (const p of this.pending) {
      if (isPoint(p) && !['getInputData', 'map', 'reduce', 'summarize'].includes(p.stage)) throw new RangeError(`unknown map/reduce stage ${String(p.stage)}`);
    }
  }

  /** Turns a pending random restart into a concrete point once the stage's key count is known. */
  resolveRandom(stage: MapReduceStage, keyCount: number): void {
    const first = this.pending[0];
    if (!first || isPoint(first)) return;
    const take = stage === 'summarize' || (keyCount > 0 && (stage === 'reduce' || (stage === 'map' && (!this.hasReduce || this.rng.next() < 0.5))));
    if (!take) return;
    this.pending[0] = { stage, afterInvocations: stage === 'summarize' ? 0 : this.rng.int(keyCount), randomCalls: true };
  }

  /** A seeded draw in 0..n-1 (the governed call a random restart cuts at). */
  draw(n: number): number {
    return this.rng.int(n);
  }

  private head(stage: MapReduceStage): RestartPoint | undefined {
    const first = this.pending[0];
    return first && isPoint(first) && first.stage === stage ? first : undefined;
  }

  /** A trigger for the invocation about to run (the `invocation`-th of the stage, for `key`), consuming the injection. */
  inside(stage: MapReduceStage, invocation: number, key?: string): InsideTrigger | undefined {
    const p = this.head(stage);
    if (!p) return undefined;
    const random = 'randomCalls' in p && p.randomCalls === true;
    const inside = random || p.key !== undefined || p.afterGovernedCalls !== undefined || p.afterWrites !== undefined || stage === 'getInputData' || stage === 'summarize';
    if (!inside) return undefined;
    const matches = p.key !== undefined ? p.key === key : invocation === (p.afterInvocations ?? 0);
    if (!matches) return undefined;
    this.pending.shift();
    if (random) return { randomCalls: true };
    return { afterGovernedCalls: p.afterGovernedCalls ?? (p.afterWrites === undefined ? 0 : undefined), afterWrites: p.afterWrites };
  }

  /** True when a between-invocations restart is due after `completed` invocations of the stage. */
  between(stage: MapReduceStage, completed: number): boolean {
    const p = this.head(stage);
    if (!p || ('randomCalls' in p) || p.key !== undefined || p.afterGovernedCalls !== undefined || p.afterWrites !== undefined) return false;
    if ((p.afterInvocations ?? 0) !== completed) return false;
    this.pending.shift();
    return true;
  }

  /** Injections that never fired (their stage had too few invocations, or the key never ran). */
  unfired(): RestartInjection[] {
    return this.pending.map((p) => ('randomCalls' in p ? { random: true as const } : p));
  }
}
