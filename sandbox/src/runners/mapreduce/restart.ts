import type { Rng } from '../rng';
import type { MapReduceStage, RestartInjection, RestartPoint } from './types';

/** Thrown into a script to stop it where the app server "restarted". Scripts cannot really catch a restart: the runner ignores what they do after it. */
export class AppServerRestart extends Error {
  constructor() {
    super('SSS_APP_SERVER_RESTART');
    this.name = 'SSS_APP_SERVER_RESTART';
  }
}

export interface InsideTrigger { afterGovernedCalls?: number; afterWrites?: number }

const isPoint = (r: RestartInjection): r is RestartPoint => !('random' in r);

/** The pending restart injections of one run, consumed in order. */
export class RestartPlan {
  private readonly pending: RestartInjection[];

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
    this.pending[0] = stage === 'summarize'
      ? { stage, afterGovernedCalls: this.rng.int(2) }
      : { stage, afterInvocations: this.rng.int(keyCount), afterGovernedCalls: this.rng.int(4) };
  }

  private head(stage: MapReduceStage): RestartPoint | undefined {
    const first = this.pending[0];
    return first && isPoint(first) && first.stage === stage ? first : undefined;
  }

  /** A trigger for the invocation about to run (the `invocation`-th of the stage, for `key`), consuming the injection. */
  inside(stage: MapReduceStage, invocation: number, key?: string): InsideTrigger | undefined {
    const p = this.head(stage);
    if (!p) return undefined;
    const inside = p.key !== undefined || p.afterGovernedCalls !== undefined || p.afterWrites !== undefined || stage === 'getInputData' || stage === 'summarize';
    if (!inside) return undefined;
    const matches = p.key !== undefined ? p.key === key : invocation === (p.afterInvocations ?? 0);
    if (!matches) return undefined;
    this.pending.shift();
    return { afterGovernedCalls: p.afterGovernedCalls ?? (p.afterWrites === undefined ? 0 : undefined), afterWrites: p.afterWrites };
  }

  /** True when a between-invocations restart is due after `completed` invocations of the stage. */
  between(stage: MapReduceStage, completed: number): boolean {
    const p = this.head(stage);
    if (!p || p.key !== undefined || p.afterGovernedCalls !== undefined || p.afterWrites !== undefined) return false;
    if ((p.afterInvocations ?? 0) !== completed) return false;
    this.pending.shift();
    return true;
  }

  /** Injections that never fired (their stage had too few invocations, or the key never ran). */
  unfired(): RestartInjection[] {
    return [...this.pending];
  }
}
