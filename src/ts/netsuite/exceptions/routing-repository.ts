/**
 * The account's exception routing: per-type owner/severity overrides (customrecord_scend_exc_route)
 * and the response windows of the configuration record. Two searches (20 units) on a cache miss,
 * one cache read (1) otherwise; read only when an exception is opened, never when it is re-seen.
 * Saving a routing or configuration record clears the cache (ue_config), so changes apply at once.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { ExceptionType, OwnerTeam } from '../../core/exceptions/exception';
import type { Severity } from '../../core/exceptions/exception-types';
import { windowsFrom, type ExceptionRouting, type TypeRoute } from '../../core/exceptions/routing';
import { listKey } from '../orders/list-values';

const CACHE_NAME = 'scend_connector_routing';
const CACHE_KEY = 'routing:v1';
const TTL_SECONDS = 300;
const R = RECORDS.exceptionRoute.fields;
const C = RECORDS.config.fields;

const numberOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

export function readRouting(): ExceptionRouting {
  const routes: Partial<Record<ExceptionType, TypeRoute>> = {};
  search
    .create({ type: RECORDS.exceptionRoute.id, filters: [['isinactive', 'is', 'F']], columns: [R.type, R.owner, R.severity] })
    .run()
    .each((row) => {
      const type = listKey('exceptionType', row.getValue({ name: R.type }));
      if (!type) return true;
      const owner = listKey('ownerTeam', row.getValue({ name: R.owner })) as OwnerTeam | undefined;
      const severity = listKey('severity', row.getValue({ name: R.severity })) as Severity | undefined;
      routes[type as ExceptionType] = { ...(owner ? { owner } : {}), ...(severity ? { severity } : {}) };
      return true;
    });
  const config = search
    .create({ type: RECORDS.config.id, filters: [[C.active, 'is', 'T'], 'and', ['isinactive', 'is', 'F']], columns: [C.respondHighHours, C.respondMediumHours, C.respondLowHours] })
    .run()
    .getRange({ start: 0, end: 1 })[0];
  const hours = (name: string) => (config ? numberOrNull(config.getValue({ name })) : null);
  return { windows: windowsFrom({ high: hours(C.respondHighHours), medium: hours(C.respondMediumHours), low: hours(C.respondLowHours) }), routes };
}

export function loadRouting(): ExceptionRouting {
  const store = cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PROTECTED });
  const cached = store.get({ key: CACHE_KEY });
  if (cached) return JSON.parse(cached) as ExceptionRouting;
  const routing = readRouting();
  store.put({ key: CACHE_KEY, value: JSON.stringify(routing), ttl: TTL_SECONDS });
  return routing;
}

export function clearRoutingCache(): void {
  cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PROTECTED }).remove({ key: CACHE_KEY });
}
