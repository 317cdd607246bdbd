/**
 * Reads the active configuration record and the warehouse / courier mappings. Three searches
 * (30 units) on a cache miss, nothing on a hit: the result is kept in N/cache for five minutes
 * so a user event pushing an order pays no governance for its config. Saving a config record
 * should call clearConfigCache() (the config Suitelet does).
 */
import * as cache from 'N/cache';
import * as format from 'N/format';
import * as search from 'N/search';
import { ConfigurationError, parseConfig, type ConfigResult, type ConnectorConfig, type RawConfig } from '../core/config';
import { LISTS, RECORDS } from '../ids';
import { listValueScriptId } from './lists';

const CACHE_NAME = 'scend_connector_config';
const CACHE_KEY = 'config:v1';
const TTL_SECONDS = 300;

const cfg = RECORDS.config.fields;
const lm = RECORDS.locationMap.fields;
const sm = RECORDS.shipMethodMap.fields;

const text = (row: search.Result, name: string): string | null => {
  const v = row.getValue({ name });
  return v === null || v === undefined || v === '' ? null : String(v);
};
const num = (row: search.Result, name: string): number | null => {
  const v = text(row, name);
  return v === null ? null : Number(v);
};

/** A date column as yyyy-mm-dd (search gives it in the user's date format); unparseable text is passed on for the rules to report. */
function day(row: search.Result, name: string): string | null {
  const value = text(row, name);
  if (value === null) return null;
  try {
    const parsed = format.parse({ value, type: format.Type.DATE });
    if (parsed instanceof Date && !isNaN(parsed.getTime())) {
      const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
      return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
    }
  } catch {
    // reported by parseConfig below
  }
  return value;
}

function rows(type: string, columns: string[], filters: search.SearchCreateOptions['filters'] = []): search.Result[] {
  return search.create({ type, filters, columns }).run().getRange({ start: 0, end: 1000 });
}

/** Reads the records as typed, without applying rules; null when there is no active config record. */
export function readRawConfig(): RawConfig | null {
  const active = rows(RECORDS.config.id, Object.values(cfg), [
    [cfg.active, 'is', 'T'],
    'and',
    ['isinactive', 'is', 'F'],
  ]);
  if (active.length === 0) return null;
  const row = active[0];
  const locations = rows(RECORDS.locationMap.id, [lm.location, lm.warehouse], [['isinactive', 'is', 'F']]).map((r) => ({
    locationId: String(r.getValue({ name: lm.location })),
    warehouse: text(r, lm.warehouse),
  }));
  const shipMethods = rows(RECORDS.shipMethodMap.id, [sm.shipMethod, sm.courierService, sm.priorityDays], [['isinactive', 'is', 'F']]).map(
    (r) => ({ shipMethodId: text(r, sm.shipMethod), courierService: text(r, sm.courierService), priorityDays: num(r, sm.priorityDays) }),
  );
  return {
    baseUrl: text(row, cfg.baseUrl),
    secretId: text(row, cfg.secretId),
    referenceSource: listValueScriptId(LISTS.referenceSource.id, text(row, cfg.referenceSource)),
    defaultCourierService: text(row, cfg.defaultCourierService),
    despatchLeadDays: num(row, cfg.despatchLeadDays),
    stalledAfterHours: num(row, cfg.stalledAfterHours),
    maxAttempts: num(row, cfg.maxAttempts),
    unreachablePolicy: listValueScriptId(LISTS.unreachablePolicy.id, text(row, cfg.unreachablePolicy)),
    alertEmail: text(row, cfg.alertEmail),
    goLiveDate: day(row, cfg.goLiveDate),
    locations,
    shipMethods,
    activeRecords: active.length,
  };
}

/** The checked config, from cache when possible. Unusable configs are not cached, so a fix takes effect at once. */
export function checkConfig(): ConfigResult {
  const store = cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PROTECTED });
  const cached = store.get({ key: CACHE_KEY });
  if (cached) return { ok: true, config: JSON.parse(cached) as ConnectorConfig };
  const result = parseConfig(readRawConfig());
  if (result.ok) store.put({ key: CACHE_KEY, value: JSON.stringify(result.config), ttl: TTL_SECONDS });
  return result;
}

/** The usable config, or a ConfigurationError listing every problem. */
export function loadConfig(): ConnectorConfig {
  const result = checkConfig();
  if (!result.ok) throw new ConfigurationError(result.problems);
  return result.config;
}

export function clearConfigCache(): void {
  cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PROTECTED }).remove({ key: CACHE_KEY });
}
