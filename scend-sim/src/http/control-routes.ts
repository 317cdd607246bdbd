import type { Autopilot, AutopilotSettings } from '../engine/autopilot';
import type { AdjustableClock } from '../engine/clock';
import type { FeedSettings } from '../engine/feed';
import { messyDespatch, type MessyDespatchSpec } from '../engine/messy-despatch';
import { SimControlError } from '../engine/errors';
import type { DespatchSpec, MovementSpec, ReceiveSpec, ReturnSpec, SetStockSpec } from '../engine/types';
import type { WarehouseEngine } from '../engine/warehouse-engine';
import type { FaultInjector, FaultRuleInput } from './faults';
import type { RateLimiter } from './rate-limiter';
import type { RequestLog } from './request-log';
import { Router } from './router';
import type { WebhookDispatcher } from './webhook-dispatcher';

export interface ControlDeps {
  engine: WarehouseEngine;
  faults: FaultInjector;
  limiter: RateLimiter;
  clock: AdjustableClock;
  requests: RequestLog;
  webhooks: WebhookDispatcher;
  autopilot: Autopilot;
}

/** Simulator settings that can change while it runs. */
export interface SimConfig {
  uniqueClientReference: boolean;
  rateLimitPerMinute: number;
}

function body<T>(value: unknown): T {
  if (typeof value !== 'object' || value === null) throw new SimControlError('INVALID', 'expected a JSON object body');
  return value as T;
}

function configOf(deps: ControlDeps): SimConfig {
  return { uniqueClientReference: deps.engine.uniqueClientReference, rateLimitPerMinute: deps.limiter.perMinute };
}

/** The /_sim control surface: no API key, never part of the contract. Mirrors the engine's warehouse actions. */
export function controlRoutes(deps: ControlDeps): Router {
  const { engine, faults, clock, requests } = deps;
  const order = (id: string) => {
    const found = engine.orderRecords().find((o) => o.OrderId === id);
    if (!found) throw new SimControlError('NOT_FOUND', `order ${id} not found`);
    return { ...engine.getOrder(id), Warehouse: found.warehouse ?? null, HoldReason: found.holdReason ?? null };
  };
  return new Router()
    .add('GET', '/_sim/health', () => ({ body: { ok: true } }))
    .add('POST', '/_sim/reset', () => {
      engine.reset();
      deps.autopilot.reset();
      faults.clear();
      deps.limiter.reset();
      requests.clear();
      deps.webhooks.clear();
      return { body: { ok: true } };
    })
    .add('GET', '/_sim/config', () => ({ body: configOf(deps) }))
    .add('POST', '/_sim/config', ({ body: b }) => {
      const patch = body<Partial<SimConfig>>(b);
      if (patch.uniqueClientReference !== undefined) engine.uniqueClientReference = Boolean(patch.uniqueClientReference);
      if (patch.rateLimitPerMinute !== undefined) {
        if (!Number.isInteger(patch.rateLimitPerMinute)) throw new SimControlError('INVALID', 'rateLimitPerMinute must be an integer');
        deps.limiter.perMinute = patch.rateLimitPerMinute;
      }
      return { body: configOf(deps) };
    })
    .add('GET', '/_sim/orders', ({ query }) => {
      const ref = query.get('clientReference');
      const all = engine.orderRecords().filter((o) => ref === null || o.ClientReference === ref);
      return { body: all.map((o) => order(o.OrderId)) };
    })
    .add('GET', '/_sim/orders/{OrderId}', ({ params }) => ({ body: order(params.OrderId) }))
    .add('POST', '/_sim/orders/{OrderId}/release', ({ params }) => ({ body: engine.release(params.OrderId) }))
    .add('POST', '/_sim/orders/{OrderId}/pick', ({ params }) => ({ body: engine.pick(params.OrderId) }))
    .add('POST', '/_sim/orders/{OrderId}/pack', ({ params }) => ({ body: engine.pack(params.OrderId) }))
    .add('POST', '/_sim/orders/{OrderId}/finish-packing', ({ params }) => ({ body: engine.finishPacking(params.OrderId) }))
    .add('POST', '/_sim/orders/{OrderId}/hold', ({ params, body: b }) => ({
      body: engine.hold(params.OrderId, (b as { Reason?: string } | undefined)?.Reason),
    }))
    .add('POST', '/_sim/orders/{OrderId}/despatch', ({ params, body: b }) => ({ body: engine.despatch(params.OrderId, (b ?? {}) as DespatchSpec) }))
    .add('POST', '/_sim/movements', ({ body: b }) => ({ body: engine.bookMovement(body<MovementSpec>(b)) }))
    .add('POST', '/_sim/stock', ({ body: b }) => ({ body: engine.setStock(body<SetStockSpec>(b)) }))
    .add('GET', '/_sim/stock', () => ({ body: engine.stockItems() }))
    .add('GET', '/_sim/ledger', () => ({ body: { rows: engine.stockRows(), entries: engine.ledger() } }))
    .add('GET', '/_sim/asns/{AsnId}', ({ params }) => {
      const asn = engine.asn(params.AsnId);
      if (!asn) throw new SimControlError('NOT_FOUND', `ASN ${params.AsnId} not found`);
      return { body: asn };
    })
    .add('POST', '/_sim/asns/{AsnId}/receive', ({ params, body: b }) => ({ body: engine.receiveAsn(params.AsnId, (b ?? {}) as ReceiveSpec) }))
    .add('POST', '/_sim/asns/{AsnId}/close', ({ params }) => ({ body: engine.closeAsn(params.AsnId) }))
    .add('POST', '/_sim/returns', ({ body: b }) => ({ body: engine.bookReturn(body<ReturnSpec>(b)) }))
    .add('PUT', '/_sim/products/{ExternalId}', ({ params, body: b }) => {
      const { product, created } = engine.upsertProduct(params.ExternalId, b);
      return { status: created ? 201 : 200, body: product };
    })
    .add('POST', '/_sim/products/{ExternalId}/rename', ({ params, body: b }) => ({
      body: engine.renameProduct(params.ExternalId, String(body<{ Sku: string }>(b).Sku)),
    }))
    .add('DELETE', '/_sim/products/{ExternalId}', ({ params }) => {
      engine.removeProduct(params.ExternalId);
      return { body: { ok: true } };
    })
    .add('GET', '/_sim/faults', () => ({ body: faults.list() }))
    .add('POST', '/_sim/faults', ({ body: b }) => {
      try {
        return { status: 201, body: faults.add(body<FaultRuleInput>(b)) };
      } catch (e) {
        throw new SimControlError('INVALID', (e as Error).message);
      }
    })
    .add('DELETE', '/_sim/faults', () => {
      faults.clear();
      return { body: { ok: true } };
    })
    .add('DELETE', '/_sim/faults/{FaultId}', ({ params }) => {
      if (!faults.remove(params.FaultId)) throw new SimControlError('NOT_FOUND', `fault ${params.FaultId} not found`);
      return { body: { ok: true } };
    })
    .add('GET', '/_sim/clock', () => ({ body: { now: new Date(clock.now()).toISOString(), frozen: clock.frozen } }))
    .add('POST', '/_sim/clock', ({ body: b }) => {
      // Moving forward runs the autopilot's steps due on the way, each at its own instant.
      const spec = body<{ at?: string; frozen?: boolean; advanceMs?: number; resume?: boolean }>(b);
      if (spec.resume) clock.resume();
      if (spec.at !== undefined) {
        const at = Date.parse(spec.at);
        if (Number.isNaN(at)) throw new SimControlError('INVALID', 'at must be an ISO date-time');
        deps.autopilot.runUntil(at);
        clock.set(at, spec.frozen ?? false);
      }
      if (spec.advanceMs !== undefined) {
        if (!Number.isFinite(spec.advanceMs) || spec.advanceMs < 0) throw new SimControlError('INVALID', 'advanceMs must be a number >= 0');
        deps.autopilot.runUntil(clock.now() + spec.advanceMs);
        clock.advance(spec.advanceMs);
      }
      engine.releaseLateEvents();
      return { body: { now: new Date(clock.now()).toISOString(), frozen: clock.frozen } };
    })
    .add('GET', '/_sim/autopilot', () => autopilotState(deps.autopilot))
    .add('POST', '/_sim/autopilot', ({ body: b }) => {
      deps.autopilot.configure(body<Partial<AutopilotSettings>>(b));
      return autopilotState(deps.autopilot);
    })
    .add('GET', '/_sim/feeds', () => ({ body: { ...engine.feedSettings } }))
    .add('POST', '/_sim/feeds', ({ body: b }) => {
      const patch = body<Partial<FeedSettings>>(b);
      for (const [key, value] of Object.entries(patch)) {
        if (!(key in engine.feedSettings)) throw new SimControlError('INVALID', `unknown feed setting ${key}`);
        if (typeof value !== 'number' || !(value >= 0) || (key.endsWith('Rate') && value > 1)) throw new SimControlError('INVALID', `${key}: a number >= 0 (rates 0..1)`);
      }
      Object.assign(engine.feedSettings, patch);
      return { body: { ...engine.feedSettings } };
    })
    .add('GET', '/_sim/messy', () => ({ body: { shuffleLists: engine.shuffleLists } }))
    .add('POST', '/_sim/messy', ({ body: b }) => {
      const patch = body<{ shuffleLists?: boolean }>(b);
      for (const key of Object.keys(patch)) if (key !== 'shuffleLists') throw new SimControlError('INVALID', `unknown messy setting ${key}`);
      if (patch.shuffleLists !== undefined) engine.shuffleLists = Boolean(patch.shuffleLists);
      return { body: { shuffleLists: engine.shuffleLists } };
    })
    .add('POST', '/_sim/messy/despatch', ({ body: b }) => ({ status: 201, body: messyDespatch(engine, body<MessyDespatchSpec>(b)) }))
    .add('GET', '/_sim/requests', () => ({ body: requests.list() }))
    .add('DELETE', '/_sim/requests', () => {
      requests.clear();
      return { body: { ok: true } };
    })
    .add('GET', '/_sim/webhook-deliveries', () => ({ body: deps.webhooks.deliveries() }));
}

function autopilotState(autopilot: Autopilot) {
  const next = autopilot.nextDueAt();
  return { body: { settings: { ...autopilot.settings }, nextDueAt: next === undefined ? null : new Date(next).toISOString(), log: autopilot.log.slice(-100) } };
}
