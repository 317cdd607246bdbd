/**
 * The connector on the proving ground: the built bundle in the NetSuite sandbox, the Scend
 * simulator in a child process (so the sandbox's synchronous https can reach it), the API key in
 * the sandbox's API Secrets, and the connector configured as an admin would. End-to-end tests,
 * the demo and the benchmarks all start from here. Build first (`npm run build`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox, type AdvanceOptions, type ScheduledRun } from '../sandbox/src/index';
import type { Database } from '../sandbox/src/data/database';
import { FileClock, startSimulatorProcess, type ProcessSimulatorOptions, type SimulatorProcess } from '../scend-sim/src/index';
import { LISTS, RECORDS, SCEND_CALLER_SCRIPT_IDS, SCRIPTS } from '../src/ts/ids';
import { addConcurrentUser, type ConcurrentUser, type ConcurrentUserOptions } from './concurrent-user';
import type { Order, Product } from '../src/ts/scend/contract';

export const ROOT = path.resolve(__dirname, '..');
export const SECRET_ID = 'custsecret_scend_api_key';

type ListName = keyof typeof LISTS;
type ListValue<L extends ListName> = keyof (typeof LISTS)[L]['values'];

/** The contract's rate limit (shared/scend-api.md, "Transport"): on in the end-to-end world unless a test opts out. */
export const CONTRACT_RATE_LIMIT_PER_MINUTE = 120;

export interface ConnectorWorldOptions {
  seed?: number;
  /** The one clock's start, for the sandbox and the simulator alike (default: now, to the millisecond). */
  now?: Date;
  /**
   * Scend's requests/minute per key (default the contract's 120). Opt out only explicitly with 0, and
   * say why in the test: a green run without the limit does not show the connector survives it.
   */
  rateLimitPerMinute?: number;
  /** The Scend warehouse the world's one mapped location ships from. */
  warehouse?: string;
  /** Extra config record values by field id (plain values). */
  config?: Record<string, unknown>;
  unreachablePolicy?: ListValue<'unreachablePolicy'>;
  referenceSource?: ListValue<'referenceSource'>;
  simulator?: ProcessSimulatorOptions;
  /**
   * NetSuite's N/https timeouts in this world (default NetSuite's 5 s connect / 45 s answer). A soak
   * scales time down: with `timeoutMs: 300` a simulator latency of 400 ms is "beyond 45 s" in real seconds.
   */
  httpsTimeouts?: { connectTimeoutMs?: number; timeoutMs?: number };
}

export interface ExceptionRow {
  id: string;
  type: string;
  owner: string;
  status: string;
  dedupeKey: string;
  message: string;
}

export interface ConnectorWorld {
  sb: Sandbox;
  sim: SimulatorProcess;
  db: Database;
  /** The NetSuite location mapped to the Scend warehouse. */
  location: number;
  configId: number;
  /** GET on Scend's public API (with the key), parsed. */
  scend<T>(pathAndQuery: string): Promise<T>;
  scendOrders(clientReference?: string): Promise<Order[]>;
  scendProducts(): Promise<Product[]>;
  exceptions(options?: { open?: boolean }): ExceptionRow[];
  /** Someone editing, approving or cancelling these orders in the UI while scripts run (seeded by the world's seed). */
  concurrentUser(options: ConcurrentUserOptions): ConcurrentUser;
  /**
   * Let time pass on the one clock: the sandbox's scheduled deployments and the simulator's autopilot
   * run in time order (stepping to each instant the warehouse has work due, then running the sandbox's
   * schedules up to it). Returns the sandbox's scheduled runs. `sb.advance`/`sb.clock` also move the
   * simulator's clock; the warehouse then catches up at its next request.
   */
  advance(by: number | { to: Date | string }, options?: AdvanceOptions): Promise<ScheduledRun[]>;
  close(): Promise<void>;
}

export function assertBuilt(): void {
  for (const script of Object.values(SCRIPTS)) {
    const file = path.join(ROOT, 'src', 'FileCabinet', script.file.replace(/^\//, ''));
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  }
}

/** Internal id of a custom list value in this sandbox account, by the value's script id. */
export function listValueId<L extends ListName>(sb: Sandbox, list: L, value: ListValue<L>): number {
  const scriptId = (LISTS[list].values as Record<string, string>)[value as string];
  const found = sb.meta.customLists.get(LISTS[list].id)?.values.find((v) => v.scriptid === scriptId);
  if (!found) throw new Error(`${LISTS[list].id} has no value ${scriptId}`);
  return found.internalId;
}

export async function startConnectorWorld(options: ConnectorWorldOptions = {}): Promise<ConnectorWorld> {
  assertBuilt();
  const warehouse = options.warehouse ?? 'UK1';
  // One clock: the sandbox owns it and publishes every move to a file the simulator reads its time from.
  const start = options.now ?? new Date();
  const clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scend-world-clock-'));
  const clockFile = path.join(clockDir, 'now');
  FileClock.write(clockFile, start.getTime());
  // Scend over HTTPS, as N/https requires; tests read Scend's public API over the plain port.
  let sim: SimulatorProcess;
  try {
    sim = await startSimulatorProcess({
      catalogue: 'empty',
      rateLimitPerMinute: options.rateLimitPerMinute ?? CONTRACT_RATE_LIMIT_PER_MINUTE,
      warehouses: [warehouse],
      seed: options.seed,
      tls: true,
      ...options.simulator,
      clockFile,
    });
  } catch (e) {
    fs.rmSync(clockDir, { recursive: true, force: true });
    throw e;
  }
  const close = async () => {
    await sim.close();
    fs.rmSync(clockDir, { recursive: true, force: true });
  };
  try {
    if (!sim.secureUrl || !sim.caPem) throw new Error('the simulator did not start its HTTPS port');
    const sb = Sandbox.load({ projectDir: ROOT, seed: options.seed ?? 1, now: start, https: { ...options.httpsTimeouts, ca: [sim.caPem] } });
    shareClock(sb, clockFile);
    // As an admin sets up the API secret: restricted to Scend's host and to the scripts that call Scend.
    sb.secrets.register(SECRET_ID, sim.apiKey, { allowedDomains: ['127.0.0.1'], allowedScripts: [...SCEND_CALLER_SCRIPT_IDS] });
    const db = sb.data.db as Database;

    const location = db.seed('location', { name: `Scend ${warehouse}` });
    const cfg = RECORDS.config.fields;
    // The stock accounts an admin sets up with the connector (stock sync and each movement reason).
    const stockAccount = (acctname: string) => db.seed('account', { acctname, accttype: 'Expense' });
    const configId = db.seed(RECORDS.config.id, {
      [cfg.active]: true,
      [cfg.baseUrl]: sim.secureUrl,
      [cfg.secretId]: SECRET_ID,
      [cfg.stockAccount]: stockAccount('Stock reconciliation (Scend)'),
      [cfg.damagedAccount]: stockAccount('Damaged stock (Scend)'),
      [cfg.lostAccount]: stockAccount('Shrinkage (Scend)'),
      [cfg.foundAccount]: stockAccount('Stock found (Scend)'),
      [cfg.cycleCountAccount]: stockAccount('Cycle count variance (Scend)'),
      [cfg.quarantineAccount]: stockAccount('Quarantine (Scend)'),
      ...(options.unreachablePolicy ? { [cfg.unreachablePolicy]: listValueId(sb, 'unreachablePolicy', options.unreachablePolicy) } : {}),
      ...(options.referenceSource ? { [cfg.referenceSource]: listValueId(sb, 'referenceSource', options.referenceSource) } : {}),
      ...options.config,
    });
    const lm = RECORDS.locationMap.fields;
    db.seed(RECORDS.locationMap.id, { [lm.location]: location, [lm.warehouse]: warehouse });

    const scend = async <T>(pathAndQuery: string): Promise<T> => {
      const res = await fetch(`${sim.url}/v1${pathAndQuery}`, { headers: { 'X-Api-Key': sim.apiKey } });
      if (!res.ok) throw new Error(`GET ${pathAndQuery}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const allPages = async <T>(pathAndQuery: string): Promise<T[]> => {
      const items: T[] = [];
      const sep = pathAndQuery.includes('?') ? '&' : '?';
      for (let page = 1; ; page++) {
        const body = await scend<{ Items: T[]; TotalItems: number }>(`${pathAndQuery}${sep}page=${page}&pageSize=500`);
        items.push(...body.Items);
        if (items.length >= body.TotalItems || body.Items.length === 0) return items;
      }
    };

    return {
      sb,
      sim,
      db,
      location,
      configId,
      scend,
      scendOrders: (clientReference) => allPages<Order>(clientReference ? `/orders?clientReference=${encodeURIComponent(clientReference)}` : '/orders'),
      scendProducts: () => allPages<Product>('/products'),
      exceptions: (opts = {}) => exceptionRows(sb).filter((e) => !opts.open || /open/i.test(e.status)),
      concurrentUser: (opts) => addConcurrentUser(sb, opts),
      advance: (by, opts) => advanceTogether(sb, sim, by, opts),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Publish every move of the sandbox clock (its only mutators are `set` and `advance`) to the simulator's clock file. */
function shareClock(sb: Sandbox, clockFile: string): void {
  const clock = sb.clock;
  const set = clock.set.bind(clock);
  const advance = clock.advance.bind(clock);
  const publish = () => FileClock.write(clockFile, clock.now().getTime());
  clock.set = (at) => {
    set(at);
    publish();
  };
  clock.advance = (ms) => {
    advance(ms);
    publish();
  };
}

/**
 * Step to the earlier of the target and the warehouse's next due step; run the sandbox's schedules up
 * to there (the simulator, reading the same clock, catches up before answering any of their requests),
 * then let the warehouse do what is due at that instant. Repeat until the target.
 */
async function advanceTogether(sb: Sandbox, sim: SimulatorProcess, by: number | { to: Date | string }, options?: AdvanceOptions): Promise<ScheduledRun[]> {
  const from = sb.clock.now().getTime();
  const target = typeof by === 'number' ? from + by : new Date(by.to).getTime();
  if (!Number.isFinite(target) || target < from) throw new RangeError(`advance needs a time at or after ${new Date(from).toISOString()}`);
  const runs: ScheduledRun[] = [];
  for (;;) {
    const now = sb.clock.now().getTime();
    const { nextDueAt } = await sim.control.autopilot(); // every /_sim call first runs what is due by now
    const step = Math.min(target, nextDueAt === null ? target : Math.max(now + 1, Date.parse(nextDueAt)));
    if (step > now) runs.push(...(await sb.advance({ to: new Date(step) }, options)));
    if (step >= target) break;
  }
  await sim.control.autopilot(); // the warehouse's work due at the target itself
  return runs;
}

type Row = { id: string; getValue(o: { name: string }): unknown; getText(o: { name: string }): string };

/** Every exception record in the sandbox account, as its list shows it. */
export function exceptionRows(sb: Sandbox): ExceptionRow[] {
  const F = RECORDS.exception.fields;
  const rows: ExceptionRow[] = [];
  sb.search
    .create({ type: RECORDS.exception.id, filters: [], columns: [F.type, F.ownerTeam, F.status, F.dedupeKey, F.message] })
    .run()
    .each((r: Row) => {
      rows.push({
        id: String(r.id),
        type: r.getText({ name: F.type }),
        owner: r.getText({ name: F.ownerTeam }),
        status: r.getText({ name: F.status }),
        dedupeKey: String(r.getValue({ name: F.dedupeKey })),
        message: String(r.getValue({ name: F.message })),
      });
      return true;
    });
  return rows;
}
