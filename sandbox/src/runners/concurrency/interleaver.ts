/**
 * NetSuite runs user events, scheduled scripts and map/reduce keys at the same time, and every I/O
 * a script does is a governed call. The interleaver reproduces that: at any governed call of a
 * running invocation it may run other pending work to completion before the call proceeds, chosen
 * by a seeded RNG (random interleaving) or named exactly by a test ("at the 3rd governed call of
 * X, run Y"). Pending work runs synchronously, nested inside the interrupted call, in its own
 * execution, so it sees only committed data and the interrupted script resumes afterwards with
 * whatever the other actor changed — exactly the window a check-then-act race needs.
 */
import type { Charge } from '../../kernel/governor';
import { uiExecution, type ExecutionStack, type SandboxExecution } from '../execution';
import { Rng } from '../rng';
import type { ExecutionContextType } from '../../kernel/kernel';

/** Which invocation a targeted interleaving or a random one may interrupt. Omitted fields match anything. */
export interface InvocationMatch {
  /** Script or deployment script id. */
  script?: string;
  entryPoint?: string;
  /** Map/reduce key. */
  key?: string;
}

/** Where in the matched invocation: before its `call`-th governed call (0-based), or before its `https`-th https call. */
export type CallPoint = { call: number } | { https: number };

/** Other work that may run at a governed call. `run` is synchronous: it runs to completion. */
export interface PendingWork {
  name: string;
  /** False while the work cannot start (nothing queued, concurrency limit reached). */
  ready(): boolean;
  run(): void;
  /** Runs as a UI user in this context (default) or manages its own executions (script work). */
  as?: ExecutionContextType | 'self';
}

export interface InterleaveEvent {
  /** The interrupted invocation: script/deployment, entry point, key, and its governed-call index. */
  at: { scriptId: string | null; deploymentId: string | null; entryPoint: string | null; key?: string; call: number; what: string };
  ran: string;
  targeted: boolean;
  /** 1 when the interrupted invocation was not itself interleaved work, 2 inside such work, ... */
  depth: number;
  /** What the work threw, if it failed (the interrupted script carries on either way). */
  error?: { name: string; message: string };
}

export interface InterleaveSettings {
  /** Chance, at each governed call, of running one ready piece of pending work (0 = off). */
  probability: number;
  /** Nesting depth: work started by work started by ... (default 2). */
  maxDepth: number;
}

interface Target { match: InvocationMatch; point: CallPoint; work: () => void; name: string; fired: boolean }

interface Counters { calls: number; https: number }

export class Interleaver {
  private readonly rng: Rng;
  private settings: InterleaveSettings = { probability: 0, maxDepth: 2 };
  private readonly work: PendingWork[] = [];
  private readonly targets: Target[] = [];
  private readonly counters = new WeakMap<object, Counters>();
  private depth = 0;
  readonly trace: InterleaveEvent[] = [];

  constructor(readonly seed: number, private readonly stack: ExecutionStack) {
    // Its own stream, so turning interleaving on does not change key order or restart points.
    this.rng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  }

  configure(settings: Partial<InterleaveSettings>): void {
    const next = { ...this.settings, ...settings };
    if (!(next.probability >= 0 && next.probability <= 1)) throw new RangeError(`interleaving probability must be 0..1, got ${next.probability}`);
    if (!Number.isInteger(next.maxDepth) || next.maxDepth < 1) throw new RangeError(`interleaving maxDepth must be a positive integer, got ${next.maxDepth}`);
    this.settings = next;
  }

  get probability(): number {
    return this.settings.probability;
  }

  /** Adds pending work; returns a function that withdraws it. */
  add(work: PendingWork): () => void {
    this.work.push(work);
    return () => {
      const i = this.work.indexOf(work);
      if (i >= 0) this.work.splice(i, 1);
    };
  }

  /** Runs `work` once, before the given governed call of the first invocation that matches. */
  at(match: InvocationMatch, point: CallPoint, work: () => void, name = 'targeted work'): void {
    this.targets.push({ match, point, work, name, fired: false });
  }

  /** Targeted work that never found its call (the test's premise did not happen). */
  unfired(): string[] {
    return this.targets.filter((t) => !t.fired).map((t) => `${t.name} at ${JSON.stringify(t.point)} of ${JSON.stringify(t.match)}`);
  }

  /** How to reproduce this run. */
  describe(): string {
    return `interleaving seed ${this.seed} (probability ${this.settings.probability}); ${this.trace.length} interleavings: ` +
      this.trace.map((e) => `${e.ran} at call ${e.at.call} (${e.at.what}) of ${e.at.deploymentId ?? e.at.scriptId}.${e.at.entryPoint}${e.at.key ? `[${e.at.key}]` : ''}${e.error ? ` -> ${e.error.name}` : ''}`).join('; ');
  }

  /** The governor's hook: every governed call of every metered invocation passes here before it is charged. */
  onGovernedCall(execution: SandboxExecution, governorId: object, charge: Charge): void {
    const c = this.counters.get(governorId) ?? { calls: 0, https: 0 };
    this.counters.set(governorId, c);
    const call = c.calls;
    const isHttps = charge.what.startsWith('https.') || charge.what.startsWith('http.');
    const https = isHttps ? c.https : -1;
    c.calls += 1;
    if (isHttps) c.https += 1;
    const at = { scriptId: execution.scriptId, deploymentId: execution.deploymentId, entryPoint: execution.entryPoint, key: execution.key, call, what: charge.what };

    for (const t of this.targets) {
      if (t.fired || !matches(t.match, execution)) continue;
      const hit = 'call' in t.point ? t.point.call === call : t.point.https === https;
      if (!hit) continue;
      t.fired = true;
      this.runNested(at, t.name, true, () => this.stack.run(uiExecution(), t.work));
    }

    if (this.settings.probability <= 0 || this.depth >= this.settings.maxDepth) return;
    if (this.rng.next() >= this.settings.probability) return;
    const ready = this.work.filter((w) => w.ready());
    if (ready.length === 0) return;
    const chosen = ready[this.rng.int(ready.length)];
    const as = chosen.as ?? 'USERINTERFACE';
    this.runNested(at, chosen.name, false, () => (as === 'self' ? chosen.run() : this.stack.run(uiExecution(as), () => chosen.run())));
  }

  private runNested(at: InterleaveEvent['at'], name: string, targeted: boolean, fn: () => void): void {
    const event: InterleaveEvent = { at, ran: name, targeted, depth: this.depth + 1 };
    this.trace.push(event);
    this.depth += 1;
    try {
      fn();
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown };
      event.error = { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) };
    } finally {
      this.depth -= 1;
    }
  }
}

function matches(m: InvocationMatch, e: SandboxExecution): boolean {
  if (m.script !== undefined && m.script !== e.scriptId && m.script !== e.deploymentId) return false;
  if (m.entryPoint !== undefined && m.entryPoint !== e.entryPoint) return false;
  if (m.key !== undefined && m.key !== e.key) return false;
  return e.scriptId !== null;
}
