import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Autopilot, type AutopilotSettings } from '../engine/autopilot';
import { AdjustableClock, type Clock, FileClock, iso } from '../engine/clock';
import type { FeedSettings } from '../engine/feed';
import { validationFailed } from '../engine/errors';
import type { SeedCatalogue } from '../engine/types';
import { WarehouseEngine } from '../engine/warehouse-engine';
import { SimControlClient } from '../control/control-client';
import { demoCatalogue } from '../seed/demo-catalogue';
import { apiRoutes } from './api-routes';
import { corrupt } from './bad-payload';
import { controlRoutes } from './control-routes';
import { FaultInjector, type FaultRuleInput } from './faults';
import { RateLimiter } from './rate-limiter';
import { RequestLog } from './request-log';
import { selfSignedLoopbackCert, type TlsMaterial } from './tls';
import { codeForStatus, errorBody, errorResult, sendErrorShaped, sendJson, sendRaw } from './respond';
import type { Router } from './router';
import { WebhookDispatcher, type WebhookOptions } from './webhook-dispatcher';

export interface SimulatorOptions {
  /** Port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** The API key clients must send as X-Api-Key; default a random 32-hex-char key. */
  apiKey?: string;
  /** Seed for the warehouse and fault RNGs. Default 1. */
  seed?: number;
  /** Base clock (default the system clock); the simulator wraps it so /_sim/clock can move it. */
  clock?: Clock;
  warehouses?: string[];
  /** Reject a second live order with the same ClientReference (409 DUPLICATE_ORDER). Default false, like Scend. */
  uniqueClientReference?: boolean;
  /** Requests per minute per key; default 120; 0 disables. */
  rateLimitPerMinute?: number;
  /** Item master and opening stock: 'demo' (the seeded brand), 'empty' (default) or your own. */
  catalogue?: SeedCatalogue | 'demo' | 'empty';
  /** Fault rules active from the start. */
  faults?: FaultRuleInput[];
  webhooks?: WebhookOptions;
  /**
   * Also serve everything over HTTPS on a second free port, as real Scend does: `true` makes a
   * self-signed certificate for 127.0.0.1 (needs the openssl CLI), or pass your own key and cert.
   */
  tls?: boolean | TlsMaterial;
  /** Start the clock at this instant (ISO or epoch ms) instead of real time; with `frozen` it stays there until moved. */
  startAt?: string | number;
  /** Freeze the clock (at `startAt`, or now): it moves only by /_sim/clock (and then the autopilot runs). */
  frozen?: boolean;
  /**
   * Read the time from this file (epoch ms, float64 little-endian) that another process rewrites:
   * the harness shares the NetSuite sandbox's clock this way. /_sim/clock then only adds offsets.
   */
  clockFile?: string;
  /** The warehouse moving by itself (off unless `enabled`). */
  autopilot?: Partial<AutopilotSettings>;
  /** At-least-once delivery of the feeds: redelivery, cursor retention, late order events. */
  feeds?: Partial<FeedSettings>;
  /** List products and stock in a seeded order the contract does not promise. */
  shuffleLists?: boolean;
}

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:54321 (paths start with /v1). */
  url: string;
  /** With `tls`: the HTTPS base URL and the certificate (PEM) a client must trust for it. */
  secureUrl?: string;
  caPem?: string;
  apiKey: string;
  engine: WarehouseEngine;
  faults: FaultInjector;
  clock: AdjustableClock;
  requests: RequestLog;
  webhooks: WebhookDispatcher;
  autopilot: Autopilot;
  /** HTTP client for /_sim (the same one startSimulatorProcess returns). */
  control: SimControlClient;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(validationFailed([{ Field: '(body)', Message: 'body too large' }]));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw validationFailed([{ Field: '(body)', Message: 'malformed JSON' }]);
  }
}

function sameKey(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Start the simulator in this process (on 127.0.0.1). For a caller that blocks its thread, use startSimulatorProcess. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const fileClock = options.clockFile === undefined ? undefined : new FileClock(options.clockFile);
  const clock = options.clock instanceof AdjustableClock ? options.clock : new AdjustableClock(fileClock ?? options.clock);
  if (options.startAt !== undefined || options.frozen) {
    const at = typeof options.startAt === 'string' ? Date.parse(options.startAt) : (options.startAt ?? clock.now());
    if (Number.isNaN(at)) throw new RangeError(`startAt is not a date-time: ${String(options.startAt)}`);
    clock.set(at, options.frozen ?? false);
  }
  const catalogue = options.catalogue === 'demo' ? demoCatalogue() : options.catalogue === 'empty' ? undefined : options.catalogue;
  const engine = new WarehouseEngine({ seed: options.seed, clock, warehouses: options.warehouses, uniqueClientReference: options.uniqueClientReference, catalogue, feeds: options.feeds, shuffleLists: options.shuffleLists });
  const autopilot = new Autopilot(engine, clock, options.seed ?? 1);
  if (options.autopilot) autopilot.configure(options.autopilot);
  /** Before anything is read or written: the warehouse's work due by now, and late events now due. */
  const catchUp = () => {
    autopilot.runUntil();
    engine.releaseLateEvents();
  };
  const apiKey = options.apiKey ?? randomBytes(16).toString('hex');
  const faults = new FaultInjector(options.seed ?? 1);
  for (const rule of options.faults ?? []) faults.add(rule);
  const limiter = new RateLimiter(clock, options.rateLimitPerMinute ?? 120);
  const requests = new RequestLog();
  const webhooks = new WebhookDispatcher(engine, options.webhooks);
  const api = apiRoutes(engine);
  const control = controlRoutes({ engine, faults, limiter, clock, requests, webhooks, autopilot });
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function run(router: Router, req: IncomingMessage, pathname: string, query: URLSearchParams, raw: string): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const match = router.match(req.method ?? 'GET', pathname);
    if (!match) return { status: 404, body: errorBody('NOT_FOUND', `no operation ${req.method} ${pathname}`) };
    try {
      const result = await match.route.handler({ params: match.params, query, body: parseJson(raw) });
      return { status: result.status ?? 200, body: result.body, headers: result.headers };
    } catch (error) {
      return errorResult(error);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const template = api.match(method, url.pathname)?.route.template;
    const log = (entry: { status?: number; outcome: 'answered' | 'dropped' | 'hung'; committed?: boolean; faults?: string[] }) =>
      requests.add({ at: iso(clock.now()), method, path: url.pathname + url.search, template, faults: [], ...entry });

    if (!sameKey(req.headers['x-api-key'], apiKey)) {
      log({ status: 401, outcome: 'answered' });
      return sendJson(res, 401, errorBody('UNAUTHORIZED', 'Missing or invalid X-Api-Key'));
    }
    const rate = limiter.take(apiKey);
    if (!rate.ok) {
      log({ status: 429, outcome: 'answered' });
      return sendJson(res, 429, errorBody('RATE_LIMITED', 'Rate limit exceeded'), { 'Retry-After': String(rate.retryAfterSeconds) });
    }
    const decision = template ? faults.decide(method, template) : { latencyMs: 0, fired: [] };
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const action = decision.terminal?.action;
    const fired = decision.fired;

    if (action?.kind === 'status') {
      const headers: Record<string, string> = action.status === 429 ? { 'Retry-After': String(action.retryAfterSeconds ?? 30) } : {};
      log({ status: action.status, outcome: 'answered', faults: fired });
      return sendErrorShaped(res, action.status, errorBody(codeForStatus(action.status), `Injected fault (${action.status})`), action.body, headers);
    }
    if (action?.kind === 'drop') {
      log({ outcome: 'dropped', faults: fired });
      req.socket.destroy();
      return;
    }
    if (action?.kind === 'hang') {
      log({ outcome: 'hung', faults: fired });
      return;
    }

    const result = await run(api, req, url.pathname, url.searchParams, raw);
    const committed = result.status < 300;

    if (action?.kind === 'commitThenFail') {
      const then = action.then ?? 'status';
      if (then === 'drop') {
        log({ outcome: 'dropped', committed, faults: fired });
        req.socket.destroy();
        return;
      }
      if (then === 'hang') {
        log({ outcome: 'hung', committed, faults: fired });
        return;
      }
      if (then === 'delay') {
        log({ status: result.status, outcome: 'answered', committed, faults: fired });
        await sleep(action.delayMs ?? 50_000);
        return sendJson(res, result.status, result.body, result.headers);
      }
      const status = action.status ?? 500;
      log({ status, outcome: 'answered', committed, faults: fired });
      return sendErrorShaped(res, status, errorBody(codeForStatus(status), `Injected fault after commit (${status})`), action.body);
    }
    if (action?.kind === 'badPayload' && committed) {
      log({ status: result.status, outcome: 'answered', faults: fired });
      return sendRaw(res, result.status, corrupt(result.body, action.mutation, action.field), result.headers);
    }
    log({ status: result.status, outcome: 'answered', faults: fired });
    sendJson(res, result.status, result.body, result.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      const { status, body } = errorResult(error);
      return sendJson(res, status, body);
    }
    catchUp();
    if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) {
      const result = await run(control, req, url.pathname, url.searchParams, raw);
      return sendJson(res, result.status, result.body);
    }
    return handleApi(req, res, url, raw);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error) => {
      const { status, body } = errorResult(error);
      sendJson(res, status, body);
    });
  };
  const listen = async (server: Server, port: number): Promise<number> => {
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  const server: Server = createServer(onRequest);
  const url = `http://127.0.0.1:${await listen(server, options.port ?? 0)}`;
  const tls = options.tls === true ? selfSignedLoopbackCert() : options.tls || undefined;
  const secureServer = tls ? (createTlsServer({ key: tls.key, cert: tls.cert }, onRequest) as unknown as Server) : undefined;
  const secureUrl = secureServer ? `https://127.0.0.1:${await listen(secureServer, 0)}` : undefined;
  let closing: Promise<void> | undefined;

  return {
    url,
    ...(secureUrl && tls ? { secureUrl, caPem: tls.cert } : {}),
    apiKey,
    engine,
    faults,
    clock,
    requests,
    webhooks,
    autopilot,
    control: new SimControlClient(url),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        webhooks.stop();
        fileClock?.close();
        for (const t of timers) clearTimeout(t);
        timers.clear();
        let open = secureServer ? 2 : 1;
        const closed = () => --open === 0 && resolve();
        server.close(closed);
        server.closeAllConnections();
        secureServer?.close(closed);
        secureServer?.closeAllConnections();
      })),
  };
}
