import * as path from 'node:path';
import { SandboxClock } from '../kernel/clock';
import { SuiteScriptError } from '../kernel/errors';
import { MeteredGovernor, type Charge } from '../kernel/governor';
import type { ExecutionContextType, Kernel, UserEventHooks } from '../kernel/kernel';
import type { DeploymentDef, ProjectMeta, ScriptDef } from '../kernel/meta';
import { ScriptRepository, type EntryPoints } from '../loader/scripts';
import { CacheStore, createCacheModule } from '../modules/cache';
import { AccountConfig, createConfigModule } from '../modules/config';
import { createCryptoModule } from '../modules/crypto';
import { createEncodeModule } from '../modules/encode';
import { createEmailModule, type SentEmail } from '../modules/email';
import { createErrorModule } from '../modules/error';
import { createFileModule, FileCabinetStore } from '../modules/file';
import { createFormatModule, DEFAULT_FORMAT_PREFERENCES } from '../modules/format';
import { createHttpsModule, NETSUITE_HTTPS_TIMEOUTS, type HttpsSettings, type HttpTransport } from '../modules/https';
import { createLogModule, LogStore, parseLogLevel } from '../modules/log';
import { createRuntimeModule, type AccountSettings } from '../modules/runtime';
import { createRedirectModule, RedirectLog } from '../modules/redirect';
import { SecretVault } from '../modules/secrets';
import { createServerWidgetModule } from '../modules/server-widget';
import { createTaskModule } from '../modules/task';
import { createUrlModule } from '../modules/url';
import { RoleAccess } from './access';
import { Interleaver } from './concurrency/interleaver';
import { ExecutionStack, type SandboxExecution } from './execution';
import { Rng } from './rng';
import { TaskQueue } from './task-queue';
import { UsageLog } from './usage';

export interface HostOptions {
  projectDir: string;
  meta: ProjectMeta;
  seed: number;
  now?: Date | string;
  account?: Partial<Omit<AccountSettings, 'features'>> & { features?: string[] };
  https?: Partial<HttpsSettings>;
  transport?: HttpTransport;
}

export interface InvokeOptions {
  script: ScriptDef;
  deployment: DeploymentDef;
  entryPoint: string;
  args: unknown[];
  limit: number;
  executionContext: ExecutionContextType;
  triggersUserEvents: boolean;
  parameters: Record<string, unknown>;
  key?: string;
  /** The role the invocation runs with (Execute As Role); default: the caller's. */
  roleId?: string;
  entryPoints?: EntryPoints;
  /** Sees every governed call before it is charged (restart injection). */
  onCharge?: (charge: Charge, governor: MeteredGovernor) => void;
}

export interface Invocation { execution: SandboxExecution; governor: MeteredGovernor }

/** Everything the runtime layer holds for one sandbox: clock, stores, modules, scripts, execution stack. */
export class SandboxHost {
  readonly clock: SandboxClock;
  readonly stack = new ExecutionStack();
  readonly logs = new LogStore();
  readonly outbox: SentEmail[] = [];
  readonly secrets = new SecretVault();
  readonly caches = new CacheStore();
  readonly tasks = new TaskQueue();
  readonly usage = new UsageLog();
  /** Where N/redirect sent the browser (a Suitelet's last one is its reply). */
  readonly redirects = new RedirectLog();
  /** N/config pages (company information, preferences, features). */
  accountConfig!: AccountConfig;
  readonly rng: Rng;
  /** Other work (users, scheduled scripts, map/reduce keys) run at governed calls: NetSuite's concurrency. */
  readonly interleaver: Interleaver;
  readonly files: FileCabinetStore;
  readonly scripts: ScriptRepository;
  readonly account: AccountSettings;
  readonly kernel: Kernel;
  private readonly modules = new Map<string, unknown>();
  private userEventHooks: UserEventHooks | null = null;
  transport: HttpTransport | null;

  constructor(readonly options: HostOptions) {
    this.clock = new SandboxClock(options.now);
    this.rng = new Rng(options.seed);
    this.interleaver = new Interleaver(options.seed, this.stack);
    this.secrets.currentScript = () => this.stack.current().scriptId;
    this.transport = options.transport ?? null;
    this.account = {
      accountId: options.account?.accountId ?? 'TSTDRV0000000',
      envType: options.account?.envType ?? 'SANDBOX',
      version: options.account?.version ?? '2025.1',
      features: new Set((options.account?.features ?? ['SERVERSIDESCRIPTING', 'CUSTOMRECORDS', 'ADVANCEDINVENTORYMANAGEMENT', 'MULTILOCINVT']).map((f) => f.toUpperCase())),
    };
    const cabinetDir = path.resolve(options.projectDir, 'src', 'FileCabinet');
    this.scripts = new ScriptRepository(cabinetDir, (name) => this.module(name), () => this.modules.get('N/log'), () => this.clock.now());
    this.files = new FileCabinetStore((p) => this.scripts.read(p));
    const hooks = (): UserEventHooks => {
      if (!this.userEventHooks) throw new Error('user event hooks are not installed');
      return this.userEventHooks;
    };
    this.kernel = {
      clock: this.clock,
      meta: options.meta,
      current: () => this.stack.current(),
      access: new RoleAccess(options.meta, this.stack),
      get userEvents(): UserEventHooks {
        return hooks();
      },
    };
    this.registerBuiltins();
  }

  get meta(): ProjectMeta {
    return this.options.meta;
  }

  installUserEvents(hooks: UserEventHooks): void {
    this.userEventHooks = hooks;
  }

  register(name: string, mod: unknown): void {
    this.modules.set(name, mod);
  }

  module(name: string): unknown {
    const m = this.modules.get(name);
    if (m === undefined) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${name}`);
    return m;
  }

  private registerBuiltins(): void {
    const now = () => this.clock.now();
    const transport = () => {
      if (!this.transport) throw new SuiteScriptError('SSS_CONNECTION_TIME_OUT', 'The sandbox has no HTTP transport');
      return this.transport;
    };
    const settings = { ...NETSUITE_HTTPS_TIMEOUTS, ...this.options.https };
    const https = createHttpsModule(this.stack, this.secrets, transport, settings, 'https');
    const http = createHttpsModule(this.stack, this.secrets, transport, settings, 'http-or-https');
    this.register('N/log', createLogModule(this.stack, this.logs, now));
    this.register('N/error', createErrorModule());
    this.register('N/runtime', createRuntimeModule(this.stack, this.account));
    this.register('N/https', https);
    this.register('N/http', http);
    this.register('N/email', createEmailModule(this.stack, this.outbox, now));
    this.register('N/format', createFormatModule(DEFAULT_FORMAT_PREFERENCES));
    this.register('N/url', createUrlModule(this.meta, this.account.accountId));
    this.register('N/cache', createCacheModule(this.stack, this.caches, now));
    this.register('N/file', createFileModule(this.stack, this.files));
    this.register('N/ui/serverWidget', createServerWidgetModule());
    this.register('N/task', createTaskModule(this.stack, this.meta, this.tasks, now));
    this.register('N/types', {});
    this.register('N/encode', createEncodeModule());
    this.register('N/crypto', createCryptoModule(this.secrets));
    this.register('N/redirect', createRedirectModule(this.stack, this.redirects, createUrlModule(this.meta, this.account.accountId)));
    this.accountConfig = new AccountConfig(this.account);
    this.register('N/config', createConfigModule(this.stack, this.accountConfig));
  }

  findDeployment(deploymentId: string): { script: ScriptDef; deployment: DeploymentDef } | undefined {
    for (const script of this.meta.scripts.values()) {
      const deployment = script.deployments.find((d) => d.scriptid === deploymentId);
      if (deployment) return { script, deployment };
    }
    return undefined;
  }

  /** Builds the execution for one entry-point call. */
  prepare(o: InvokeOptions): Invocation {
    const governor = new MeteredGovernor(o.limit);
    // Other work may run first (nested, to completion); then the caller's hook (restart injection)
    // decides whether this call happens at all.
    governor.onCharge = (c, g) => {
      this.interleaver.onGovernedCall(execution, g, c);
      o.onCharge?.(c, g);
    };
    const execution: SandboxExecution = {
      scriptId: o.script.scriptid,
      deploymentId: o.deployment.scriptid,
      executionContext: o.executionContext,
      governor,
      triggersUserEvents: o.triggersUserEvents,
      parameters: o.parameters,
      userId: this.stack.current().userId,
      roleId: o.roleId ?? this.stack.current().roleId,
      scriptType: o.script.type,
      entryPoint: o.entryPoint,
      logLevel: parseLogLevel(o.deployment.logLevel),
      key: o.key,
    };
    return { execution, governor };
  }

  private recordUsage(o: InvokeOptions, inv: Invocation): void {
    this.usage.record({
      scriptId: o.script.scriptid,
      deploymentId: o.deployment.scriptid,
      scriptType: o.script.type,
      entryPoint: o.entryPoint,
      key: o.key,
      units: inv.governor.used(),
      limit: o.limit,
      executionContext: o.executionContext,
      at: this.clock.now().toISOString(),
      charges: [...inv.governor.charges],
    });
  }

  /** Runs one entry point synchronously (user events run inside record saves, which are synchronous). */
  invokeSync(o: InvokeOptions): { result: unknown; governor: MeteredGovernor } {
    const inv = this.prepare(o);
    try {
      return this.stack.run(inv.execution, () => {
        const fn = (o.entryPoints ?? this.scripts.instantiate(o.script))[o.entryPoint];
        const result = fn(...o.args);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          throw new SuiteScriptError('SSS_ASYNC_ENTRY_POINT_NOT_SUPPORTED', `${o.script.scriptid}.${o.entryPoint} returned a Promise; the sandbox runs ${o.script.type} entry points synchronously`);
        }
        return { result, governor: inv.governor };
      });
    } finally {
      this.recordUsage(o, inv);
    }
  }

  /** Runs one entry point and awaits it if it is async (map/reduce, scheduled, Suitelet, RESTlet, install). */
  async invoke(o: InvokeOptions): Promise<{ result: unknown; governor: MeteredGovernor }> {
    const inv = this.prepare(o);
    try {
      return await this.stack.runAsync(inv.execution, async () => {
        const fn = (o.entryPoints ?? this.scripts.instantiate(o.script))[o.entryPoint];
        const result = await fn(...o.args);
        return { result, governor: inv.governor };
      });
    } finally {
      this.recordUsage(o, inv);
    }
  }
}
