import type { UsageEntry } from '../usage';

export type MapReduceStage = 'getInputData' | 'map' | 'reduce' | 'summarize';

/**
 * Where to simulate an application-server restart.
 * - Between invocations: `{ stage: 'map', afterInvocations: 3 }` stops after three map calls finished.
 * - Inside one invocation: `{ stage: 'map', key: 'SO-7', afterGovernedCalls: 2 }` lets the key's map make
 *   two governed calls (their effects persist: records saved, requests sent) and stops it at the third call
 *   or at its return. `afterWrites: n` stops it after its n-th context.write. Without `key`, the
 *   invocation is the (afterInvocations + 1)-th of the stage. getInputData/summarize take afterGovernedCalls.
 */
export interface RestartPoint {
  stage: MapReduceStage;
  key?: string;
  afterInvocations?: number;
  afterGovernedCalls?: number;
  afterWrites?: number;
}

/** A restart at a point the sandbox picks with its seeded RNG: a map or reduce key, then any of its governed calls or just after its last (see Job.randomCut). */
export interface RandomRestart { random: true }

export type RestartInjection = RestartPoint | RandomRestart;

export interface MapReduceRunOptions {
  params?: Record<string, unknown>;
  restart?: RestartInjection | RestartInjection[];
  /** Set by the task queue when a submitted task runs. */
  taskId?: string;
}

export interface StageError { key: string; error: string; executionNo: number }

/** Where a restart actually happened. */
export interface RestartRecord { stage: MapReduceStage; key?: string; governedCallsBefore: number; writesBefore: number; rerunKeys: string[] }

export interface MapReduceRun {
  scriptId: string;
  deploymentId: string;
  taskId?: string;
  status: 'COMPLETE' | 'FAILED';
  restarts: RestartRecord[];
  input: { keys: number; error: string | null };
  map: { keys: string[]; errors: StageError[]; usage: number };
  reduce: { keys: string[]; errors: StageError[]; usage: number };
  output: Array<{ key: string; value: string }>;
  summarizeError: string | null;
  /** One entry per invocation (per key for map/reduce). */
  usage: UsageEntry[];
}
