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
type Outcome = { kind: 'ok'; writes: Pair[] } | { kind: 'error'; error: unknown } | { kind: 'restart'; calls: number; writes: number };

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
          pairs = checkInputPairs(this.host.stack.run(uiExecution('MAPREDUCE'), () => toPairs(out.result, () => this.host.module('N/search') as never)));
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
        mapStage = await job.stage('map', items, config, deployment.bufferSize ?? 1);
      } else {
        mapStage.writes = pairs;
      }
      if (hasReduce && !mapStage.exited) {
        const grouped = new Map<string, string[]>();
        for (const w of mapStage.writes) grouped.set(w.key, [...(grouped.get(w.key) ?? []), w.value]);
        const items = this.host.rng.shuffle([...grouped.entries()]).map(([key, values]): WorkItem => ({ key, value: values[0], values, executionNo: 1, errors: [] }));
        reduceStage = await job.stage('reduce', items, config, deployment.bufferSize ?? 1);
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
    let killed = false;
    let calls = 0;
    const kill = (): never => {
      killed = true;
      throw new AppServerRestart();
    };
    const onCharge = (_c: Charge, _g: MeteredGovernor) => {
      if (killed) kill();
      if (trigger?.afterGovernedCalls !== undefined && calls >= trigger.afterGovernedCalls) kill();
      calls += 1;
    };
    const ctx = args[0] as Record<string, unknown>;
    if (stage === 'map' || stage === 'reduce') {
      ctx.write = (a: unknown, b?: unknown) => {
        if (killed) kill();
        const { key: k, value: v } = a && typeof a === 'object' && 'key' in (a as object) && b === undefined ? (a as { key: unknown; value: unknown }) : { key: a, value: b };
        if (k === undefined || k === null || k === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: key');
        writes.push(checkWrite(this, stage, { key: asString(k), value: asString(v) }));
        if (trigger?.afterWrites !== undefined && writes.length >= trigger.afterWrites) kill();
      };
    }
    const limit = STAGE_LIMIT[stage];
    const before = this.host.usage.entries.length;
    let outcome: Outcome;
    let result: unknown;
    try {
      const out = await this.host.invoke({
        script: this.script, deployment: this.deployment, entryPoint: stage, args, limit, executionContext: 'MAPREDUCE',
        triggersUserEvents: true, parameters: this.parameters, key, onCharge,
      });
      result = out.result;
      // Work finished but the key was not yet marked complete when the server went down.
      outcome = trigger ? { kind: 'restart', calls, writes: writes.length } : { kind: 'ok', writes };
    } catch (e) {
      outcome = killed || trigger ? { kind: 'restart', calls, writes: writes.length } : { kind: 'error', error: e };
    }
    const units = this.host.usage.entries.slice(before).reduce((s, e) => s + (e.entryPoint === stage && e.key === key ? e.units : 0), 0);
    return { outcome, result, units };
  }

  /** The map or reduce stage with retries, exitOnError, buffered completion and restarts. */
  async stage(stage: 'map' | 'reduce', initial: WorkItem[], config: { retryCount: number; exitOnError: boolean }, bufferSize: number): Promise<StageResult> {
    const res: StageResult = { keys: new Map(), errors: [], usage: 0, writes: [], exited: false, started: this.host.clock.now(), finished: this.host.clock.now() };
    const queue = [...initial];
    let uncommitted: Array<{ item: WorkItem; writes: Pair[] }> = [];
    let invocations = 0;
    this.plan.resolveRandom(stage, initial.length);
    const commit = () => {
      for (const u of uncommitted) {
        res.writes.push(...u.writes);
        res.keys.set(u.item.key, { executionCount: u.item.executionNo, state: 'COMPLETE' });
      }
      uncommitted = [];
    };
    const restart = (interrupted: WorkItem | null, calls: number, writes: number) => {
      const rerun = [...(interrupted ? [interrupted] : []), ...uncommitted.map((u) => u.item)];
      uncommitted = [];
      const restartError = APP_SERVER_RESTART();
      for (const item of rerun) {
        const err = { key: item.key, error: restartError, executionNo: item.executionNo };
        res.errors.push(err);
        item.errors.push(err);
        item.executionNo += 1;
      }
      this.restarts.push({ stage, key: interrupted?.key, governedCallsBefore: calls, writesBefore: writes, rerunKeys: rerun.map((i) => i.key) });
      queue.unshift(...rerun);
    };
    if (this.plan.between(stage, 0)) restart(null, 0, 0);
    while (queue.length) {
      const item = queue.shift() as WorkItem;
      const trigger = this.plan.inside(stage, invocations, item.key);
      const writes: Pair[] = [];
      const ctx: Record<string, unknown> = {
        key: item.key,
        isRestarted: item.executionNo > 1,
        executionNo: item.executionNo,
        errors: iterable(item.errors.map((e) => [e.key, e.error, e.executionNo] as [string, string, number])),
        ...(stage === 'map' ? { value: item.value } : { values: [...(item.values ?? [])] }),
      };
      const out = await this.call(stage, [ctx], trigger, item.key, writes);
      res.usage += out.units;
      invocations += 1;
      if (out.outcome.kind === 'restart') {
        restart(item, out.outcome.calls, out.outcome.writes);
        continue;
      }
      if (out.outcome.kind === 'ok') {
        uncommitted.push({ item, writes: out.outcome.writes });
        if (uncommitted.length >= bufferSize) commit();
      } else {
        const err = { key: item.key, error: serializeError(out.outcome.error), executionNo: item.executionNo };
        res.errors.push(err);
        item.errors.push(err);
        if (item.executionNo <= config.retryCount) {
          item.executionNo += 1;
          queue.push(item);
        } else {
          res.keys.set(item.key, { executionCount: item.executionNo, state: 'FAILED' });
          if (config.exitOnError) {
            commit();
            res.exited = true;
            break;
          }
        }
      }
      if (this.plan.between(stage, invocations)) restart(null, 0, 0);
    }
    commit();
    res.finished = this.host.clock.now();
    return res;
  }
}
