/**
 * The NetSuite sandbox: loads an SDF project (src/Objects + built src/FileCabinet) and runs its
 * scripts with NetSuite's semantics. See sandbox/README.md.
 */
import * as path from 'node:path';
import type { ExecutionContextType, Kernel } from './kernel/kernel';
import type { ProjectMeta } from './kernel/meta';
import { loadObjects } from './loader/objects';
import type { HttpsSettings, HttpTransport } from './modules/https';
import type { LogEntry, LogQuery } from './modules/log';
import type { SentEmail } from './modules/email';
import { callRestlet, callSuitelet, runInstall, runScheduled, type HttpCall, type HttpReply, type RunResult } from './runners/entry-runners';
import { uiExecution, type SandboxUser } from './runners/execution';
import { UI_READ, type UiMode } from './modules/record';
import { SandboxUsageError } from './runners/sandbox-errors';
import { RENDER } from './modules/server-widget';
import { SandboxHost } from './runners/host';
import { MapReduceRunner } from './runners/mapreduce/runner';
import type { MapReduceRun, MapReduceRunOptions } from './runners/mapreduce/types';
import { runQueuedTasks, type TaskRun } from './runners/task-runner';
import { Concurrency } from './runners/concurrency/concurrency';
import { advanceSchedules, type AdvanceBy, type AdvanceOptions, type ScheduledRun } from './runners/scheduled-runs';
import type { QueuedTask } from './runners/task-queue';
import type { UsageEntry, UsageLog } from './runners/usage';
import { UserEventRunner } from './runners/user-events';
import { createDataLayer } from './data-layer';
import { syncHttpRequest } from './sync-http';

export type { MapReduceRun, MapReduceRunOptions, RestartInjection, RestartPoint, RestartRecord, StageError } from './runners/mapreduce/types';
export type { HttpCall, HttpReply, RunResult } from './runners/entry-runners';
export type { UsageEntry } from './runners/usage';
export type { LogEntry, LogQuery } from './modules/log';
export type { SentEmail } from './modules/email';
export type { TaskRun } from './runners/task-runner';
export type { AdvanceBy, AdvanceOptions, ScheduledRun } from './runners/scheduled-runs';
export { SuiteScriptError, UserError } from './kernel/errors';
export { SandboxUsageError } from './runners/sandbox-errors';
export type { ActorOptions, CallPoint, InterleaveEvent, InterleaveSettings, InvocationMatch, PendingWork } from './runners/concurrency/concurrency';
/** Resolves when N/query's SQLite engine is ready (it is, after the first microtask turn following import). */
export { sqlEngineReady } from './modules/query/engine';

/** N/record and N/search (and any other data modules) built on the kernel. */
export type DataLayer = (kernel: Kernel) => Record<string, unknown>;

export interface SandboxOptions {
  /** Project root holding src/Objects and src/FileCabinet. */
  projectDir: string;
  /** Seeds map/reduce key order and random restarts (default 1). */
  seed?: number;
  /** Sandbox clock start (default 2025-01-06T09:00:00Z). */
  now?: Date | string;
  /** HTTP timeouts (default NetSuite's 5 s connect / 45 s total). */
  https?: Partial<HttpsSettings>;
  /** Synchronous HTTP transport for N/https (default: sandbox/src/sync-http). */
  transport?: HttpTransport;
  account?: { accountId?: string; envType?: 'PRODUCTION' | 'SANDBOX' | 'BETA' | 'INTERNAL'; features?: string[] };
  /** Replace the data modules (tests of the runtime alone); default: the sandbox's N/record and N/search. */
  dataLayer?: DataLayer;
}

export class Sandbox {
  private readonly mapReduce: MapReduceRunner;
  private readonly userEventRunner: UserEventRunner;
  /** The data modules as a UI user sees them (executionContext USERINTERFACE; user events fire). */
  readonly record: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly search: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** What the data layer built, by module name ('N/record', 'N/search', ...) plus anything else it exposes. */
  readonly data: Record<string, unknown>;
  /** What runs at the same time as a script: users, scheduled scripts, other map/reduce keys (seeded). */
  readonly concurrency: Concurrency;

  private constructor(readonly host: SandboxHost, dataLayer: DataLayer) {
    this.userEventRunner = new UserEventRunner(host);
    host.installUserEvents(this.userEventRunner);
    this.data = dataLayer(host.kernel);
    for (const [name, mod] of Object.entries(this.data)) if (name.startsWith('N/')) host.register(name, mod);
    this.record = this.data['N/record'];
    this.search = this.data['N/search'];
    this.mapReduce = new MapReduceRunner(host);
    this.concurrency = new Concurrency(host);
  }

  static load(options: SandboxOptions): Sandbox {
    const projectDir = path.resolve(options.projectDir);
    const meta = loadObjects(path.join(projectDir, 'src', 'Objects'));
    const host = new SandboxHost({ projectDir, meta, seed: options.seed ?? 1, now: options.now, https: options.https, transport: options.transport ?? syncHttpRequest, account: options.account });
    return new Sandbox(host, options.dataLayer ?? createDataLayer);
  }

  get meta(): ProjectMeta { return this.host.meta; }
  get clock() { return this.host.clock; }
  get kernel(): Kernel { return this.host.kernel; }

  /** Any N/* module as scripts receive it. */
  module<T = unknown>(name: string): T { return this.host.module(name) as T; }

  /** Runs `fn` as the current UI user in another execution context (e.g. CSVIMPORT, WEBSERVICES): user events filter on it. */
  asContext<T>(executionContext: ExecutionContextType, fn: () => T): T {
    const { userId, roleId } = this.host.stack.current();
    return this.host.stack.run(uiExecution(executionContext, { id: userId, roleId }), fn);
  }

  /**
   * Runs `fn` as another user logged in with `role` ('customrole_x', or a standard role id such as
   * 'administrator'): custom record permissions, deployment audiences and TESTING status apply.
   * The default user (id 5, administrator) owns every script and custom record type.
   */
  asUser<T>(user: { id: number; role: string }, fn: () => T): T {
    const roleId = user.role.replace(/^\[scriptid=(.*)\]$/i, '$1').toLowerCase();
    return this.host.stack.run(uiExecution('USERINTERFACE', { id: user.id, roleId } satisfies SandboxUser), fn);
  }

  /**
   * The current user opening record pages in the UI: beforeLoad user events run with
   * `context.type` create/view/edit/copy and `context.form` (a serverWidget Form). Returns the
   * record (read-only in view mode) and the form rendered as HTML after beforeLoad changed it.
   */
  readonly ui = {
    create: (type: string) => this.openPage('create', type, null),
    open: (type: string, id: number | string, mode: 'view' | 'edit' = 'view') => this.openPage(mode, type, id),
    copy: (type: string, id: number | string) => this.openPage('copy', type, id),
  };

  private openPage(mode: UiMode, type: string, id: number | string | null): { record: any; form: any; html: string } { // eslint-disable-line @typescript-eslint/no-explicit-any
    const read = (this.record as { [UI_READ]?: (m: UiMode, t: string, i: unknown, f: unknown) => unknown })?.[UI_READ];
    if (!read) throw new SandboxUsageError('sb.ui needs the sandbox data layer (N/record)');
    const form = (this.host.module('N/ui/serverWidget') as { createForm(o: { title: string }): any }).createForm({ title: `${type} (${mode})` }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const record = read(mode, type, id, form);
    return { record, form, html: (form as { [RENDER]: () => string })[RENDER]() };
  }

  runMapReduce(deploymentId: string, options?: MapReduceRunOptions): Promise<MapReduceRun> {
    return this.mapReduce.run(deploymentId, options);
  }

  runScheduled(deploymentId: string, options?: { params?: Record<string, unknown> }): Promise<RunResult> {
    return runScheduled(this.host, deploymentId, options);
  }

  callSuitelet(deploymentId: string, call?: HttpCall): Promise<HttpReply> {
    return callSuitelet(this.host, deploymentId, call);
  }

  callRestlet(deploymentId: string, call?: HttpCall): Promise<HttpReply> {
    return callRestlet(this.host, deploymentId, call);
  }

  runInstall(deploymentId: string, options?: { entryPoint?: string; fromVersion?: string | null; toVersion?: string; params?: Record<string, unknown> }): Promise<RunResult> {
    return runInstall(this.host, deploymentId, options);
  }

  /** Submitted tasks (N/task) waiting or done. */
  get tasks(): readonly QueuedTask[] { return this.host.tasks.tasks; }

  /**
   * Runs every pending task (and those they submit) in order. N/task submissions run "as soon as
   * possible", not on a schedule, so `advance` leaves them to this call.
   */
  runQueuedTasks(): Promise<TaskRun[]> { return runQueuedTasks(this.host, this.mapReduce); }

  /**
   * Lets time pass: moves the clock to each due time of every deployed SCHEDULED map/reduce or
   * scheduled-script deployment in (now, target], runs it there, then sets the clock to the target.
   * `sb.clock.advance` moves the clock without running anything. `options.restart` injects an
   * application-server restart into each scheduled map/reduce run (e.g. `{ random: true }`).
   */
  advance(by: AdvanceBy, options?: AdvanceOptions): Promise<ScheduledRun[]> { return advanceSchedules(this.host, this.mapReduce, by, options); }

  get logs(): { entries: readonly LogEntry[]; query(q?: LogQuery): LogEntry[]; clear(): void } { return this.host.logs; }
  get outbox(): readonly SentEmail[] { return this.host.outbox; }
  get usage(): UsageLog { return this.host.usage; }

  readonly secrets = {
    register: (id: string, value: string, options?: { allowedDomains?: string[]; allowedScripts?: string[] }) => this.host.secrets.register(id, value, options),
    /** Secret ids whose value appears verbatim in any log entry or sent email. */
    leaks: (): string[] => this.host.secrets.findLeaks([
      ...this.host.logs.entries.flatMap((e) => [e.title, e.details]),
      ...this.host.outbox.flatMap((m) => [m.subject, m.body]),
    ]),
  };

  /** Deployed user events that would fire now for a record type (diagnostics). */
  userEventsFor(recordType: string): Array<{ scriptId: string; deploymentId: string }> {
    return this.userEventRunner.deployedFor(recordType).map((d) => ({ scriptId: d.script.scriptid, deploymentId: d.deployment.scriptid }));
  }

  usageOf(filter: Parameters<UsageLog['query']>[0]): UsageEntry[] { return this.host.usage.query(filter); }
}
