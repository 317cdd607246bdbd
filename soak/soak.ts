/**
 * The chaos soak: thousands of orders through the whole loop (order push on approval, backlog,
 * despatch import, order status sync, stock movements, hourly stock sync, purchase orders → ASNs →
 * receipts, drift checks) while Scend fails at set rates (5xx, 429, answers beyond the timeout,
 * hangs, dropped connections, commit-then-fail writes, redelivered feed items, expired cursors),
 * scheduled map/reduce runs are cut by application-server restarts at any governed call, a user
 * edits and cancels orders while the scheduled runs work, and the warehouse moves by itself. Then
 * the faults stop, the warehouse finishes, the scheduled runs catch up, and the invariants are
 * checked (invariants.ts).
 *
 * Time is scaled: NetSuite's 45 s https timeout is SOAK_TIMEOUT_MS of real time here, and a "latency
 * beyond the timeout" fault waits a little longer than that, so a timeout costs real milliseconds,
 * not a real minute. Everything else runs on the one simulated clock, which moves order by order
 * through `world.advance`, so every scheduled deployment runs at its own due times.
 */
import type { ScheduledRun } from '../sandbox/src/index';
import type { MapReduceRun } from '../sandbox/src/runners/mapreduce/types';
import { Rng } from '../sandbox/src/runners/rng';
import { SCRIPTS } from '../src/ts/ids';
import { checkInvariants, type Invariant } from './invariants';
import { enterOrder, enterPurchaseOrder, orderSpecs, startSoakWorld, STOCKED, type SoakWorld } from './world';

export interface SoakOptions {
  orders: number;
  /** Share of Scend requests that meet an injected fault (0..1), spread evenly over the fault kinds. */
  faultRate: number;
  seed: number;
  /** Progress lines (default none). */
  log?: (line: string) => void;
  /** Called with the world after the checks, before it closes (to look into a failing run). */
  inspect?: (w: SoakWorld) => Promise<void> | void;
}

export interface SoakFigures {
  orders: { entered: number; approved: number; leftPendingApproval: number; cancelledByUser: number; physicalApproved: number };
  purchaseOrders: number;
  faultsByKind: Record<string, number>;
  scendAnswers: { requests: number; rateLimited429: number; cursorExpired410: number; committedButFailed: number; expiredCursorWindows: number };
  restarts: { injected: number; keysRerun: number };
  scheduledRuns: number;
  retries: { orderPostsBeyondOne: number; ledgerAttempts: number };
  userActions: Record<string, number>;
  exceptionsByType: Record<string, { open: number; resolved: number; ignored: number }>;
  records: { scendOrders: number; despatches: number; fulfilments: number; receipts: number; itemReceipts: number; movements: number; adjustments: number };
  units: { total: number; perOrder: number; byScript: Record<string, number> };
  errors: { unhandled: number; loggedErrors: number; samples: string[]; leftToNextRun: Record<string, number> };
  /** Drift checks the drift run deferred to its next run after Scend's 429 (its Retry-After pause). */
  driftChecksDeferred: number;
  simulatedHours: number;
  wallSeconds: number;
}

export interface SoakReport {
  options: { orders: number; faultRate: number; seed: number };
  ok: boolean;
  invariants: Invariant[];
  figures: SoakFigures;
}

/** NetSuite's 45 s N/https answer timeout, scaled to real milliseconds for the soak. */
export const SOAK_TIMEOUT_MS = 300;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TICK = 15 * MINUTE;
/** Orders entered per 15 minutes: 40 keep the order POSTs well under Scend's 120 a minute. */
const ORDERS_PER_TICK = 40;
/** Chance that the scheduled map/reduce runs of one clock step each meet an app-server restart. */
const RESTART_RATE = 0.25;
const CUSTOMERS = 200;
const WEEK = 7 * 24 * HOUR;

type Rule = { kind: string; rule: Record<string, unknown> };

/** The fault mix: each kind gets an equal share of the rate. */
export function faultRules(rate: number): Rule[] {
  const kinds: Rule[] = [
    { kind: '5xx', rule: { method: '*', path: '*', action: { kind: 'status', status: 503 } } },
    { kind: '5xx (HTML proxy page)', rule: { method: '*', path: '*', action: { kind: 'status', status: 502, body: 'html' } } },
    { kind: '429', rule: { method: '*', path: '*', action: { kind: 'status', status: 429, retryAfterSeconds: 30 } } },
    { kind: 'timeout (answer beyond 45 s)', rule: { method: '*', path: '*', action: { kind: 'latency', ms: SOAK_TIMEOUT_MS + 150 } } },
    { kind: 'hang', rule: { method: '*', path: '*', action: { kind: 'hang' } } },
    { kind: 'dropped connection', rule: { method: '*', path: '*', action: { kind: 'drop' } } },
    // Writes (order and ASN POSTs, cancels) applied by Scend while the client sees a failure.
    { kind: 'commit-then-fail (dropped)', rule: { method: 'POST', path: '*', action: { kind: 'commitThenFail', then: 'drop' } } },
    { kind: 'commit-then-fail (500)', rule: { method: 'POST', path: '*', action: { kind: 'commitThenFail', then: 'status', status: 500 } } },
  ];
  return kinds.map((k) => ({ kind: k.kind, rule: { ...k.rule, probability: rate / kinds.length } }));
}

type LoggedRequest = { method: string; template?: string; status?: number; committed?: boolean; faults: string[] };

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const rng = new Rng((options.seed * 2654435761) >>> 0);
  const faulty = options.faultRate > 0;
  const w = await startSoakWorld({ seed: options.seed, customers: CUSTOMERS, httpsTimeouts: { timeoutMs: SOAK_TIMEOUT_MS, connectTimeoutMs: SOAK_TIMEOUT_MS } });
  const start = w.sb.clock.now().getTime();
  const runs: MapReduceRun[] = [];
  const scheduledErrors: string[] = [];
  const actionErrors: string[] = [];
  const faultKinds = new Map<string, string>();
  const tally = { faults: new Map<string, number>(), requests: 0, rateLimited: 0, expired: 0, committed: 0, orderPosts: 0, expiredWindows: 0 };

  /** Tallies the simulator's request log (it keeps the last 5,000: called every tick) and clears it. */
  const tallyRequests = async () => {
    for (const r of (await w.sim.control.requests()) as LoggedRequest[]) {
      tally.requests += 1;
      for (const id of r.faults) {
        const kind = faultKinds.get(id) ?? 'other';
        tally.faults.set(kind, (tally.faults.get(kind) ?? 0) + 1);
      }
      if (r.status === 429 && r.faults.length === 0) tally.rateLimited += 1;
      if (r.status === 410) tally.expired += 1;
      if (r.committed && r.faults.length > 0) tally.committed += 1;
      if (r.method === 'POST' && r.template === '/v1/orders') tally.orderPosts += 1;
    }
    await w.sim.control.clearRequests();
  };
  const keep = (scheduled: ScheduledRun[]) => {
    for (const r of scheduled) {
      if (r.kind === 'MAPREDUCE') runs.push(r.result);
      else if (r.error) scheduledErrors.push(`${r.deploymentId}: ${errorText(r.error)}`);
    }
  };
  const runTasks = async () => {
    for (const t of await w.sb.runQueuedTasks()) {
      if (t.mapReduce) runs.push(t.mapReduce);
      if (t.error) scheduledErrors.push(`task ${t.task.deploymentId}: ${errorText(t.error)}`);
    }
  };
  /** Moves the one clock, running what is due; the scheduled map/reduce runs of the step may be restarted. */
  const step = async (by: number | { to: Date }, restarts: boolean) => {
    const restart = restarts && rng.next() < RESTART_RATE;
    keep(await w.advance(by, restart ? { restart: { random: true } } : undefined));
  };

  try {
    await w.sim.control.configureAutopilot({
      enabled: true, releaseAfterMs: 5 * MINUTE, pickAfterMs: 20 * MINUTE, packAfterMs: 20 * MINUTE, finishPackingAfterMs: 5 * MINUTE,
      despatchAfterMs: 30 * MINUTE, partialDespatchRate: 0.3, parcelsMax: 3, cycleCountRatePerHour: 1, damageRatePerHour: 1,
      receiveAfterMs: 2 * HOUR, shortReceiptRate: 0.2,
    });
    await w.sim.control.configureFeeds({ redeliveryRate: faulty ? Math.min(1, options.faultRate * 3) : 0 });
    if (faulty) {
      for (const f of faultRules(options.faultRate)) {
        const added = (await w.sim.control.addFault(f.rule as never)) as { id: string };
        faultKinds.set(added.id, f.kind);
      }
    }
    await w.sim.control.clearRequests();

    const approved: string[] = [];
    const pending: string[] = [];
    let purchaseOrders = 0;
    const user = w.concurrentUser({ orders: () => approved.slice(-60), actions: ['edit', 'cancel', 'edit'], probability: 0.01, seed: options.seed });

    const specs = orderSpecs(options.orders, CUSTOMERS, options.seed);
    for (let tick = 1, next = 0; next < specs.length; tick++) {
      const batch = specs.slice(next, next + ORDERS_PER_TICK);
      next += batch.length;
      // Expired cursors: now and then Scend keeps cursors only briefly, so the feed reads of that quarter hour meet 410.
      const expire = faulty && rng.next() < Math.min(1, options.faultRate * 2);
      if (expire) {
        tally.expiredWindows += 1;
        await w.sim.control.configureFeeds({ cursorRetentionMs: 1 });
      }
      const spacing = Math.floor(TICK / (batch.length + 1));
      for (const spec of batch) {
        await step(spacing, true);
        const roll = rng.next();
        try {
          if (roll < 0.03) pending.push(enterOrder(w, spec, 'A')); // waits for an approval that never comes
          else if (roll < 0.25) approved.push(enterOrder(w, spec, 'B'));
          else {
            const id = enterOrder(w, spec, 'A');
            approved.push(id);
            w.db.approveSalesOrder(id);
          }
        } catch (e) {
          actionErrors.push(`entering an order: ${errorText(e)}`);
        }
      }
      // A buyer's purchase order every hour: the ASN backlog sends it, the warehouse receives it.
      if (tick % 4 === 0) {
        const lines = [0, 1].map(() => ({ itemKey: STOCKED[rng.int(STOCKED.length)].key, quantity: 20 + rng.int(100) }));
        try {
          enterPurchaseOrder(w, lines.filter((l, i) => i === 0 || l.itemKey !== lines[0].itemKey));
          purchaseOrders += 1;
        } catch (e) {
          actionErrors.push(`entering a purchase order: ${errorText(e)}`);
        }
      }
      await step({ to: new Date(start + tick * TICK) }, true);
      if (expire) await w.sim.control.configureFeeds({ cursorRetentionMs: WEEK });
      await runTasks();
      await tallyRequests();
      if (tick % 20 === 0) log(`  ${next}/${specs.length} orders, ${w.sb.clock.now().toISOString()}, ${runs.length} map/reduce runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }

    log('  faults off; the warehouse finishes its work and the scheduled runs catch up…');
    user.stop();
    await w.sim.control.clearFaults();
    await w.sim.control.configureFeeds({ redeliveryRate: 0, cursorRetentionMs: WEEK });
    await w.sim.control.configureAutopilot({ cycleCountRatePerHour: 0, damageRatePerHour: 0 });
    for (let h = 0; h < 12; h++) {
      await step(HOUR, h < 6);
      await runTasks();
      await tallyRequests();
    }
    // The last word, in order: backlogs, status, despatches, receipts, movements, then the stock sync compares.
    for (const dep of [SCRIPTS.orderBacklog, SCRIPTS.asnBacklog, SCRIPTS.statusSync, SCRIPTS.despatchImport, SCRIPTS.receiptImport, SCRIPTS.stockMovements, SCRIPTS.stockSync]) {
      runs.push(await w.sb.runMapReduce(dep.deployments.main));
    }
    await tallyRequests();

    const checked = await checkInvariants(w, { ordersEntered: approved.concat(pending), runs, scheduledErrors, actionErrors });
    await options.inspect?.(w);

    const byScript: Record<string, number> = {};
    for (const u of w.sb.usage.entries) byScript[u.scriptId] = (byScript[u.scriptId] ?? 0) + u.units;
    const total = Object.values(byScript).reduce((a, b) => a + b, 0);
    const userActions: Record<string, number> = {};
    for (const a of user.actions) userActions[`${a.kind} ${a.outcome}`] = (userActions[`${a.kind} ${a.outcome}`] ?? 0) + 1;

    const figures: SoakFigures = {
      orders: {
        entered: approved.length + pending.length,
        approved: approved.length,
        leftPendingApproval: pending.length,
        cancelledByUser: user.actions.filter((a) => a.kind === 'cancel' && a.outcome === 'ok').length,
        physicalApproved: checked.physicalApproved,
      },
      purchaseOrders,
      faultsByKind: Object.fromEntries([...tally.faults.entries()].sort((a, b) => b[1] - a[1])),
      scendAnswers: { requests: tally.requests, rateLimited429: tally.rateLimited, cursorExpired410: tally.expired, committedButFailed: tally.committed, expiredCursorWindows: tally.expiredWindows },
      restarts: { injected: runs.reduce((n, r) => n + r.restarts.length, 0), keysRerun: runs.reduce((n, r) => n + r.restarts.reduce((k, x) => k + x.rerunKeys.length, 0), 0) },
      scheduledRuns: runs.length,
      retries: { orderPostsBeyondOne: Math.max(0, tally.orderPosts - checked.counts.scendOrders), ledgerAttempts: checked.ledgerAttempts },
      userActions,
      exceptionsByType: checked.exceptionsByType,
      records: checked.counts,
      units: { total, perOrder: Math.round((total / Math.max(1, approved.length)) * 10) / 10, byScript },
      errors: checked.errors,
      driftChecksDeferred: runs.filter((r) => r.deploymentId === SCRIPTS.drift.deployments.main).reduce((n, r) => n + r.output.filter((o) => o.value.includes('"deferred":true')).length, 0),
      simulatedHours: Math.round((w.sb.clock.now().getTime() - start) / HOUR),
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
    return { options: { orders: options.orders, faultRate: options.faultRate, seed: options.seed }, ok: checked.invariants.every((i) => i.ok), invariants: checked.invariants, figures };
  } finally {
    await w.close();
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 300);
  if (e && typeof e === 'object') return JSON.stringify(e).slice(0, 300);
  return String(e);
}
