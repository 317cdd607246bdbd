import { SuiteScriptError } from '../../kernel/errors';
import type { Charge, MeteredGovernor } from '../../kernel/governor';
import { USAGE_LIMITS } from '../../kernel/governor';
import type { DeploymentDef, ScriptDef } from '../../kernel/meta';
import type { EntryPoints } from '../../loader/scripts';
import { uiExecution } from '../execution';
import type { SandboxHost } from '../host';
import { resolveParameters } from '../params';
import { SandboxUsageError } from '../sandbox-errors';
import { toPairs, type Pair } from './input';
import { checkInputPairs, checkWrite } from './limits';
import { AppServerRestart, RestartPlan, type InsideTrigger } from './restart';
import { APP_SERVER_RESTART, asString, serializeError } from './serialize';
import { iterable } from './summary';
import type { MapReduceRun, MapReduceRunOptions, MapReduceStage, RestartRecord, StageError } from './types';

interface WorkItem { key: string; value: string; values?: string[]; executionNo: number; errors: StageError[] }
type Outcome = { kind: 'ok'; writes: Pair[] } | { kind: 'error'; error: unknown } | { kind: 'restart'; calls: number; writes: number; collateral?: boolean };

interface StageResult { keys: Map<string, { executionCount: number; state: 'COMPLETE' | 'FAILED' }>; errors: StageError[]; usage: number; writes: Pair[]; exited: boolean; started: Date; finished: Date }

const STAGE_LIMIT = { getInputData: USAGE_LIMITS.MAPREDUCE_GETINPUTDATA, map: USAGE_LIMITS.MAPREDUCE_MAP, reduce: USAGE_LIMITS.MAPREDUCE_REDUCE, summarize: USAGE_LIMITS.MAPREDUCE_SUMMARIZE } as const;
const MAX_RETRY = 3;

/** Runs one map/reduce deployment through getInputData → map → shuffle → reduce → summarize, NetSuite-style. */
export class MapReduceRunner {
  constructor(private readonly host: SandboxHost) {}

  async run(deploymentId: string, options: MapReduceRunOptions = {}): Promise<MapReduceRun> {
    const found = this.host.findDeployment(deploymentId);
    if (!found || found.script.type !== 'MAPREDUCE') throw new SandboxUsageError(`${deploymentId} is not a map/reduce deployment`);
    const { script, deployment } = found;
    if (!deployment.isDeployed) throw new SuiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `${deploymentId} is not deployed`);
    const parameters = resolveParameters(script, deployment, options.params);
    const probe = this.host.scripts.instantiate(script);
    const config = readConfig(probe, script);
    const hasMap = typeof probe.map === 'function';
    const hasReduce = typeof probe.reduce === 'function';
    const plan = new RestartPlan(options.restart, this.host.rng, hasReduce);
    const usageFrom = this.host.usage.entries.length;
    const restarts: RestartRecord[] = [];
    const job = new Job(this.host, script, deployment, parameters, plan, restarts);

    // getInputData: an uncaught error goes straight to summarize; a restart reruns it.
    let inputError: string | null = null;
    let pairs: Pair[] = [];
    const inputStarted = this.host.clock.now();
    let inputUsage = 0;
    for (let executionNo = 1; ; executionNo++) {
      const trigger = plan.inside('getInputData', executionNo - 1);
      const ctx = { isRestarted: executionNo > 1, ObjectRef: { type: 'search', id: '' } };
      const out = await job.call('getInputData', [ctx], trigger, undefined, []);
      inputUsage += out.units;
      if (out.outcome.kind === 'restart') {
        restarts.push({ stage: 'getInputData', governedCallsBefore: out.outcome.calls, writesBefore: 0, rerunKeys: [] });
        continue;
      }
      if (out.outcome.kind === 'error') inputError = serializeError(out.outcome.error);
      else {
        try {
          pairs = checkInputPairs(this.host.stack.run(uiExecution('MAPREDUCE'), () => toPairs(out.result, () => this.host.module('N/search') as never, () => this.host.module('N/query') as never)));
        } catch (e) {
          inputError = serializeError(e);
        }
      }
      break;
    }

    const empty = (): StageResult => ({ keys: new Map(), errors: [], usage: 0, writes: [], exited: false, started: this.host.clock.now(), finished: this.host.clock.now() });
    let mapStage = empty();
    let reduceStage = empty();
    if (!inputError) {
      if (hasMap) {
        const items = this.host.rng.shuffle(pairs).map((p): WorkItem => ({ key: p.key, value: p.value, executionNo: 1, errors: [] }));
        mapStage = await job.stage('map', items, config, deployment.bufferSize ?? 1, deployment.concurrencyLimit ?? 1, !isAsync(probe.map));
      } else {
        mapStage.writes = pairs;
      }
      if (hasReduce && !mapStage.exited) {
        const grouped = new Map<string, string[]>();
        for (const w of mapStage.writes) grouped.set(w.key, [...(grouped.get(w.key) ?? []), w.value]);
        const items = this.host.rng.shuffle([...grouped.entries()]).map(([key, values]): WorkItem => ({ key, value: values[0], values, executionNo: 1, errors: [] }));
        reduceStage = await job.stage('reduce', items, config, deployment.bufferSize ?? 1, deployment.concurrencyLimit ?? 1, !isAsync(probe.reduce));
      }
    }
    const output = hasReduce ? reduceStage.writes : mapStage.writes;

    // summarize
    let summarizeError: string | null = null;
    plan.resolveRandom('summarize', 1);
    for (let executionNo = 1; ; executionNo++) {
      const summary = this.summary(executionNo > 1, deployment, { started: inputStarted, usage: inputUsage, error: inputError }, mapStage, reduceStage, output);
      const trigger = plan.inside('summarize', executionNo - 1);
      const out = await job.call('summarize', [summary], trigger, undefined, []);
      if (out.outcome.kind === 'restart') {
        restarts.push({ stage: 'summarize', governedCallsBefore: out.outcome.calls, writesBefore: 0, rerunKeys: [] });
        continue;
      }
      if (out.outcome.kind === 'error') summarizeError = serializeError(out.outcome.error);
      break;
    }

    const stageOut = (s: StageResult) => ({ keys: [...s.keys.keys()], errors: s.errors, usage: s.usage });
    return {
      scriptId: script.scriptid,
      deploymentId,
      taskId: options.taskId,
      status: summarizeError ? 'FAILED' : 'COMPLETE',
      restarts,
      input: { keys: pairs.length, error: inputError },
      map: stageOut(mapStage),
      reduce: stageOut(reduceStage),
      output,
      summarizeError,
      usage: this.host.usage.entries.slice(usageFrom),
    };
  }

  private summary(isRestarted: boolean, deployment: DeploymentDef, input: { started: Date; usage: number; error: string | null }, map: StageResult, reduce: StageResult, output: Pair[]) {
    const concurrency = deployment.concurrencyLimit ?? 1;
    const seconds = (a: Date, b: Date) => Math.max(0, (b.getTime() - a.getTime()) / 1000);
    const stageSummary = (s: StageResult) => ({
      dateCreated: s.started,
      seconds: seconds(s.started, s.finished),
      usage: s.usage,
      concurrency,
      yields: Math.floor(s.usage / 10000),
      keys: iterable([...s.keys.entries()].map(([k, v]) => [k, v.executionCount, v.state] as [string, number, string])),
      errors: iterable(s.errors.map((e) => [e.key, e.error, e.executionNo] as [string, string, number])),
    });
    const total = input.usage + map.usage + reduce.usage;
    return {
      isRestarted,
      dateCreated: input.started,
      seconds: seconds(input.started, this.host.clock.now()),
      usage: total,
      concurrency,
      yields: Math.floor(total / 10000),
      inputSummary: { dateCreated: input.started, seconds: 0, usage: input.usage, concurrency: 1, yields: 0, error: input.error ?? undefined },
      mapSummary: stageSummary(map),
      reduceSummary: stageSummary(reduce),
      output: iterable(output.map((p) => [p.key, p.value] as [string, string])),
    };
  }
}

/** `async function map(...)`: it cannot be run to completion inside another key's synchronous call. */
const isAsync = (fn: unknown): boolean => Object.prototype.toString.call(fn) === '[object AsyncFunction]';

function readConfig(ep: EntryPoints, script: ScriptDef): { retryCount: number; exitOnError: boolean } {
  const c = (ep.config ?? {}) as unknown as { retryCount?: unknown; exitOnError?: unknown };
  const retryCount = c.retryCount === undefined ? 0 : Number(c.retryCount);
  if (!Number.isInteger(retryCount) || retryCount < 0 || retryCount > MAX_RETRY) {
    throw new SuiteScriptError('INVALID_MAP_REDUCE_CONFIG', `${script.scriptid}: config.retryCount must be 0..3, got ${String(c.retryCount)}`);
  }
  return { retryCount, exitOnError: c.exitOnError === true };
}

/** One map/reduce job: calls entry points under fresh governors and applies restart injection. */
class Job {
  /** Bumped by every app-server restart: keys running when it happens die with it. */
  private epoch = 0;

  constructor(
    private readonly host: SandboxHost,
    private readonly script: ScriptDef,
    private readonly deployment: DeploymentDef,
    private readonly parameters: Record<string, unknown>,
    private readonly plan: RestartPlan,
    private readonly restarts: RestartRecord[],
  ) {}

  /** Calls one entry point; `writes` collects context.write output, which only counts if the outcome is ok. */
  async call(stage: MapReduceStage, args: unknown[], trigger: InsideTrigger | undefined, key: string | undefined, writes: Pair[]): Promise<{ outcome: Outcome; result?: unknown; units: number }> {
    const c = this.prepareCall(stage, args, trigger, key, writes);
    try {
      const out = await this.host.invoke(c.options);
      return c.finish({ ok: true, result: out.result });
    } catch (e) {
      return c.finish({ ok: false, error: e });
    }
  }

  /** The same, for a key run nested inside another key's governed call (synchronous entry points only). */
  callSync(stage: MapReduceStage, args: unknown[], trigger: InsideTrigger | undefined, key: string | undefined, writes: Pair[]): { outcome: Outcome; result?: unknown; units: number } {
    const c = this.prepareCall(stage, args, trigger, key, writes);
    try {
      const out = this.host.invokeSync(c.options);
      return c.finish({ ok: true, result: out.result });
    } catch (e) {
      return c.finish({ ok: false, error: e });
    }
  }

  private prepareCall(stage: MapReduceStage, args: unknown[], trigger: InsideTrigger | undefined, key: string | undefined, writes: Pair[]) {
    let killed = false;
    let calls = 0;
    const epoch = this.epoch;
    const kill = (): never => {
      killed = true;
      throw new AppServerRestart();
    };
    const cutAt = trigger?.afterGovernedCalls ?? (trigger?.randomCalls ? this.randomCut(stage) : undefined);
    const onCharge = (_c: Charge, _g: MeteredGovernor) => {
      // Another key's restart (run nested at this call) took the whole server down.
      if (killed || this.epoch !== epoch) kill();
      if (cutAt !== undefined && calls >= cutAt) kill();
      calls += 1;
    };
    const ctx = args[0] as Record<string, unknown>;
    if (stage === 'map' || stage === 'reduce') {
      ctx.write = (a: unknown, b?: unknown) => {
        if (killed || this.epoch !== epoch) kill();
        const { key: k, value: v } = a && typeof a === 'object' && 'key' in (a as object) && b === undefined ? (a as { key: unknown; value: unknown }) : { key: a, value: b };
        if (k === undefined || k === null || k === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: key');
        writes.push(checkWrite(this, stage, { key: asString(k), value: asString(v) }));
        if (trigger?.afterWrites !== undefined && writes.length >= trigger.afterWrites) kill();
      };
    }
    const before = this.host.usage.entries.length;
    const options = {
      script: this.script, deployment: this.deployment, entryPoint: stage, args, limit: STAGE_LIMIT[stage], executionContext: 'MAPREDUCE' as const,
      triggersUserEvents: true, parameters: this.parameters, key, onCharge,
    };
    const finish = (r: { ok: true; result: unknown } | { ok: false; error: unknown }) => {
      // Another key's restart happened while this one ran (its own restart is counted after this).
      const collateral = this.epoch !== epoch;
      let outcome: Outcome;
      // Work finished but the key was not yet marked complete when the server went down.
      if (r.ok) outcome = trigger || collateral ? { kind: 'restart', calls, writes: writes.length, collateral } : { kind: 'ok', writes };
      else outcome = killed || trigger || collateral ? { kind: 'restart', calls, writes: writes.length, collateral } : { kind: 'error', error: r.error };
      const units = this.host.usage.entries.slice(before).reduce((s, e) => s + (e.entryPoint === stage && e.key === key ? e.units : 0), 0);
      return { outcome, result: r.ok ? r.result : undefined, units };
    };
    return { options, finish };
  }

  /**
   * A random restart inside a key falls uniformly on any of its governed calls, or after its last
   * one (the work done, the key not yet marked complete). A key's call count is only known once
   * it has run, so the range is the most calls any invocation of this stage has made so far.
   */
  private randomCut(stage: MapReduceStage): number {
    const seen = this.host.usage.entries
      .filter((e) => e.scriptId === this.script.scriptid && e.entryPoint === stage)
      .reduce((m, e) => Math.max(m, e.charges.length), 0);
    return this.plan.draw((seen || 8) + 1);
  }

  /** The map or reduce stage with retries, exitOnError, buffered completion, restarts and concurrency. */
  async stage(stage: 'map' | 'reduce', initial: WorkItem[], config: { retryCount: number; exitOnError: boolean }, bufferSize: number, concurrency: number, syncEntry: boolean): Promise<StageResult> {
    const res: StageResult = { keys: new Map(), errors: [], usage: 0, writes: [], exited: false, started: this.host.clock.now(), finished: this.host.clock.now() };
    const queue = [...initial];
    let uncommitted: Array<{ item: WorkItem; writes: Pair[] }> = [];
    let invocations = 0;
    let active = 0;
    this.plan.resolveRandom(stage, initial.length);
    const commit = () => {
      for (const u of uncommitted) {
        res.writes.push(...u.writes);
        res.keys.set(u.item.key, { executionCount: u.item.executionNo, state: 'COMPLETE' });
      }
      uncommitted = [];
    };
    const failed = (item: WorkItem, error: string) => {
      const err = { key: item.key, error, executionNo: item.executionNo };
      res.errors.push(err);
      item.errors.push(err);
    };
    const restart = (interrupted: WorkItem | null, calls: number, writes: number, collateral = false) => {
      // A key that died with another key's restart joins that restart's reruns.
      if (collateral && interrupted) {
        failed(interrupted, APP_SERVER_RESTART());
        interrupted.executionNo += 1;
        this.restarts[this.restarts.length - 1]?.rerunKeys.push(interrupted.key);
        queue.unshift(interrupted);
        return;
      }
      this.epoch += 1;
      const rerun = [...(interrupted ? [interrupted] : []), ...uncommitted.map((u) => u.item)];
      uncommitted = [];
      const restartError = APP_SERVER_RESTART();
      for (const item of rerun) {
        failed(item, restartError);
        item.executionNo += 1;
      }
      this.restarts.push({ stage, key: interrupted?.key, governedCallsBefore: calls, writesBefore: writes, rerunKeys: rerun.map((i) => i.key) });
      queue.unshift(...rerun);
    };
    const settle = (item: WorkItem, out: { outcome: Outcome; units: number }) => {
      res.usage += out.units;
      invocations += 1;
      if (out.outcome.kind === 'restart') {
        restart(item, out.outcome.calls, out.outcome.writes, out.outcome.collateral);
        return;
      }
      if (out.outcome.kind === 'ok') {
        uncommitted.push({ item, writes: out.outcome.writes });
        if (uncommitted.length >= bufferSize) commit();
        return;
      }
      failed(item, serializeError(out.outcome.error));
      if ((out.outcome.error as { name?: string } | null)?.name === 'PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED') {
        // Over the job's 200 MB: no later key can write either; the stage ends here.
        res.keys.set(item.key, { executionCount: item.executionNo, state: 'FAILED' });
        commit();
        res.exited = true;
        return;
      }
      if (item.executionNo <= config.retryCount) {
        item.executionNo += 1;
        queue.push(item);
      } else {
        res.keys.set(item.key, { executionCount: item.executionNo, state: 'FAILED' });
        if (config.exitOnError) {
          commit();
          res.exited = true;
        }
      }
    };
    const contextFor = (item: WorkItem): Record<string, unknown> => ({
      key: item.key,
      isRestarted: item.executionNo > 1,
      executionNo: item.executionNo,
      errors: iterable(item.errors.map((e) => [e.key, e.error, e.executionNo] as [string, string, number])),
      ...(stage === 'map' ? { value: item.value } : { values: [...(item.values ?? [])] }),
    });
    // Keys of the same deployment run side by side up to its concurrency limit: while one key is
    // inside a governed call, another may start and finish (synchronous entry points only: an async
    // key cannot be run to completion inside another's call).
    const withdraw = concurrency > 1 && syncEntry
      ? this.host.interleaver.add({
        name: `${this.deployment.scriptid} ${stage} key`,
        as: 'self',
        ready: () => queue.length > 0 && active < concurrency && !res.exited,
        run: () => {
          const item = queue.shift() as WorkItem;
          const trigger = this.plan.inside(stage, invocations, item.key);
          active += 1;
          try {
            settle(item, this.callSync(stage, [contextFor(item)], trigger, item.key, []));
          } finally {
            active -= 1;
          }
        },
      })
      : () => undefined;
    try {
      if (this.plan.between(stage, 0)) restart(null, 0, 0);
      while (queue.length && !res.exited) {
        const item = queue.shift() as WorkItem;
        const trigger = this.plan.inside(stage, invocations, item.key);
        active += 1;
        let out;
        try {
          out = await this.call(stage, [contextFor(item)], trigger, item.key, []);
        } finally {
          active -= 1;
        }
        settle(item, out);
        if (this.plan.between(stage, invocations)) restart(null, 0, 0);
      }
    } finally {
      withdraw();
    }
    commit();
    res.finished = this.host.clock.now();
    return res;
  }
}
