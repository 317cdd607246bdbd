/**
 * Time passing in the sandbox: the clock moves forward to each due time of every deployed,
 * SCHEDULED map/reduce or scheduled-script deployment and runs it there, as NetSuite's scheduler
 * would. Runs are synchronous here, so a deployment never overlaps its own previous run.
 */
import type { DeploymentDef, ScriptDef } from '../kernel/meta';
import { runScheduled, type RunResult } from './entry-runners';
import type { SandboxHost } from './host';
import type { MapReduceRunner } from './mapreduce/runner';
import type { MapReduceRun, RestartInjection } from './mapreduce/types';
import { SandboxUsageError } from './sandbox-errors';
import { dueTimes } from './schedule';

export type ScheduledRun =
  | { deploymentId: string; at: Date; kind: 'MAPREDUCE'; result: MapReduceRun }
  /** `error`: what execute threw (the schedule goes on, as in NetSuite). */
  | { deploymentId: string; at: Date; kind: 'SCHEDULED'; result?: RunResult; error?: unknown };

export type AdvanceBy = number | { to: Date | string };

export interface AdvanceOptions {
  /**
   * An application-server restart injected into every scheduled map/reduce run of this advance (as
   * `runMapReduce(id, { restart })`), e.g. `{ random: true }`: a soak lets the scheduler's own runs
   * be cut at any governed call. Scheduled scripts are not restarted (NetSuite reruns them whole).
   */
  restart?: RestartInjection | RestartInjection[];
}

/** More runs than this in one advance is a test mistake (e.g. a year at PT15M), not a schedule. */
const MAX_RUNS = 5000;

interface Due { at: number; order: number; script: ScriptDef; deployment: DeploymentDef }

/** Deployments the scheduler starts by itself: deployed, status SCHEDULED, with a recurrence. */
function scheduledDeployments(host: SandboxHost): Array<{ script: ScriptDef; deployment: DeploymentDef }> {
  const out: Array<{ script: ScriptDef; deployment: DeploymentDef }> = [];
  for (const script of host.meta.scripts.values()) {
    if (script.type !== 'MAPREDUCE' && script.type !== 'SCHEDULED') continue;
    for (const deployment of script.deployments) {
      if (!deployment.isDeployed || deployment.status !== 'SCHEDULED' || !deployment.recurrence) continue;
      if (deployment.recurrence.pattern.kind === 'unsupported') {
        throw new SandboxUsageError(`${deployment.scriptid} is scheduled <${deployment.recurrence.pattern.element}>, which the sandbox does not follow`);
      }
      out.push({ script, deployment });
    }
  }
  return out;
}

function targetTime(now: number, by: AdvanceBy): number {
  const target = typeof by === 'number' ? now + by : (typeof by.to === 'string' ? new Date(by.to) : by.to).getTime();
  if (!Number.isFinite(target)) throw new SandboxUsageError(`advance needs a number of ms or { to: date }, got ${JSON.stringify(by)}`);
  if (target < now) throw new SandboxUsageError(`advance cannot move the clock back (to ${new Date(target).toISOString()})`);
  return target;
}

/** Moves the clock to `by`, running every scheduled deployment due in (now, target] in time order. */
export async function advanceSchedules(host: SandboxHost, mapReduce: MapReduceRunner, by: AdvanceBy, options: AdvanceOptions = {}): Promise<ScheduledRun[]> {
  const from = host.clock.now();
  const target = targetTime(from.getTime(), by);
  const due: Due[] = scheduledDeployments(host).flatMap(({ script, deployment }, order) =>
    dueTimes(deployment.recurrence!, from, new Date(target)).map((at) => ({ at: at.getTime(), order, script, deployment })));
  if (due.length > MAX_RUNS) throw new SandboxUsageError(`advancing to ${new Date(target).toISOString()} would start ${due.length} scheduled runs (more than ${MAX_RUNS}); advance in smaller steps`);
  due.sort((a, b) => a.at - b.at || a.order - b.order);
  const runs: ScheduledRun[] = [];
  for (const d of due) {
    // A run never moves the clock back, should one ever take sandbox time.
    if (d.at > host.clock.now().getTime()) host.clock.set(new Date(d.at));
    runs.push(await runOne(host, mapReduce, d, options));
  }
  if (target > host.clock.now().getTime()) host.clock.set(new Date(target));
  return runs;
}

async function runOne(host: SandboxHost, mapReduce: MapReduceRunner, d: Due, options: AdvanceOptions): Promise<ScheduledRun> {
  const deploymentId = d.deployment.scriptid;
  const at = new Date(d.at);
  if (d.script.type === 'MAPREDUCE') return { deploymentId, at, kind: 'MAPREDUCE', result: await mapReduce.run(deploymentId, options.restart ? { restart: options.restart } : undefined) };
  try {
    return { deploymentId, at, kind: 'SCHEDULED', result: await runScheduled(host, deploymentId, { invocationType: 'SCHEDULED' }) };
  } catch (error) {
    if (error instanceof SandboxUsageError) throw error; // the test used the sandbox wrongly
    return { deploymentId, at, kind: 'SCHEDULED', error };
  }
}
