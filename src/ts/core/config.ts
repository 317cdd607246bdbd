/**
 * The connector's configuration as the rest of the bundle sees it, and the pure rules that turn
 * what an admin typed into the config records into a usable config or a list of problems.
 * The API key is never part of it: only the id of the NetSuite API Secret that holds it.
 */

export type ReferenceSource = 'externalIdElseTranId' | 'tranId' | 'poNumberElseTranId';
export type UnreachablePolicy = 'refuse' | 'allowAndFlag';

export interface ShipMethodMapping {
  courierService: string;
  /** RequiredDespatchDate = order date + priorityDays; null falls back to the lead days. */
  priorityDays: number | null;
}

export interface ConnectorConfig {
  baseUrl: string;
  secretId: string;
  referenceSource: ReferenceSource;
  defaultCourierService: string | null;
  despatchLeadDays: number;
  stalledAfterHours: number;
  maxAttempts: number;
  unreachablePolicy: UnreachablePolicy;
  alertEmail: string | null;
  /** NetSuite location internal id -> Scend warehouse code. */
  locations: Readonly<Record<string, string>>;
  /** NetSuite shipping method internal id -> Scend courier service. */
  shipMethods: Readonly<Record<string, ShipMethodMapping>>;
  /** Go-live cutoff (yyyy-mm-dd): only orders dated on or after it go to Scend; null: every order. */
  goLiveDate: string | null;
}

/** Config records as read from NetSuite, before any rule is applied. List values are given by script id. */
export interface RawConfig {
  baseUrl: string | null;
  secretId: string | null;
  referenceSource: string | null;
  defaultCourierService: string | null;
  despatchLeadDays: number | null;
  stalledAfterHours: number | null;
  maxAttempts: number | null;
  unreachablePolicy: string | null;
  alertEmail: string | null;
  locations: ReadonlyArray<{ locationId: string; warehouse: string | null }>;
  shipMethods: ReadonlyArray<{ shipMethodId: string | null; courierService: string | null; priorityDays: number | null }>;
  /** How many configuration records are active; more than one is ambiguous. */
  activeRecords?: number;
  /** The go-live date as yyyy-mm-dd (the adapter parses NetSuite's date format), or what could not be parsed. */
  goLiveDate?: string | null;
}

export interface ConfigProblem {
  field: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ConnectorConfig } | { ok: false; problems: ConfigProblem[] };

export const CONFIG_DEFAULTS = {
  despatchLeadDays: 1,
  stalledAfterHours: 4,
  maxAttempts: 8,
} as const;

const HTTPS = /^https:\/\/[a-z0-9.-]+(:\d+)?(\/.*)?$/i;
const SECRET_ID = /^custsecret_[a-z0-9_]+$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const REFERENCE_SOURCES: Record<string, ReferenceSource> = {
  val_scend_ref_externalid: 'externalIdElseTranId',
  val_scend_ref_tranid: 'tranId',
  val_scend_ref_po: 'poNumberElseTranId',
};
const UNREACHABLE_POLICIES: Record<string, UnreachablePolicy> = {
  val_scend_unreach_refuse: 'refuse',
  val_scend_unreach_allow_flag: 'allowAndFlag',
};

export const NO_ACTIVE_CONFIG: ConfigProblem = {
  field: 'customrecord_scend_config',
  message: 'No active Scend configuration record. Create one (Customization > Lists, Records > Scend connector configuration) and tick Active.',
};

function wholeNumber(value: number | null, fallback: number, min: number, field: string, problems: ConfigProblem[]): number {
  if (value === null) return fallback;
  if (!Number.isInteger(value) || value < min) {
    problems.push({ field, message: `must be a whole number of at least ${min} (is ${value})` });
    return fallback;
  }
  return value;
}

function listValue<T>(scriptId: string | null, values: Record<string, T>, fallback: T, field: string, problems: ConfigProblem[]): T {
  if (scriptId === null || scriptId === '') return fallback;
  const found = values[scriptId.toLowerCase()];
  if (found === undefined) problems.push({ field, message: `unknown value ${scriptId}` });
  return found ?? fallback;
}

/** Applies the configuration rules; every problem is reported, not just the first. */
export function parseConfig(raw: RawConfig | null): ConfigResult {
  if (raw === null) return { ok: false, problems: [NO_ACTIVE_CONFIG] };
  const problems: ConfigProblem[] = [];
  if ((raw.activeRecords ?? 1) > 1)
    problems.push({ field: 'customrecord_scend_config', message: `${raw.activeRecords} configuration records are active: keep exactly one active` });

  const baseUrl = (raw.baseUrl ?? '').trim().replace(/\/+$/, '');
  if (!baseUrl) problems.push({ field: 'baseUrl', message: 'Scend base URL is required' });
  else if (!HTTPS.test(baseUrl))
    problems.push({ field: 'baseUrl', message: `must be an https:// URL (is ${baseUrl})` });
  else if (/\/v1$/i.test(baseUrl)) problems.push({ field: 'baseUrl', message: 'give the base URL without /v1' });

  const secretId = (raw.secretId ?? '').trim();
  if (!SECRET_ID.test(secretId))
    problems.push({ field: 'secretId', message: 'must be the script id of a NetSuite API Secret, e.g. custsecret_scend_api_key' });

  const locations: Record<string, string> = {};
  for (const { locationId, warehouse } of raw.locations) {
    const code = (warehouse ?? '').trim();
    if (!code) problems.push({ field: 'locations', message: `location ${locationId} has no Scend warehouse code` });
    else if (locations[locationId] && locations[locationId] !== code)
      problems.push({ field: 'locations', message: `location ${locationId} is mapped to two warehouses (${locations[locationId]}, ${code})` });
    else locations[locationId] = code;
  }
  if (raw.locations.length === 0)
    problems.push({ field: 'locations', message: 'map at least one NetSuite location to a Scend warehouse' });

  const shipMethods: Record<string, ShipMethodMapping> = {};
  for (const m of raw.shipMethods) {
    const id = (m.shipMethodId ?? '').trim();
    const service = (m.courierService ?? '').trim();
    if (!id || !service) {
      problems.push({ field: 'shipMethods', message: 'a courier service mapping needs both a shipping method id and a Scend service' });
      continue;
    }
    if (m.priorityDays !== null && (!Number.isInteger(m.priorityDays) || m.priorityDays < 0))
      problems.push({ field: 'shipMethods', message: `shipping method ${id}: despatch days must be a whole number >= 0` });
    shipMethods[id] = { courierService: service, priorityDays: m.priorityDays };
  }

  const goLiveDate = (raw.goLiveDate ?? '').trim() || null;
  if (goLiveDate && !ISO_DAY.test(goLiveDate)) problems.push({ field: 'goLiveDate', message: `must be a date (is ${goLiveDate})` });

  const config: ConnectorConfig = {
    baseUrl,
    secretId,
    referenceSource: listValue(raw.referenceSource, REFERENCE_SOURCES, 'externalIdElseTranId', 'referenceSource', problems),
    defaultCourierService: raw.defaultCourierService?.trim() || null,
    despatchLeadDays: wholeNumber(raw.despatchLeadDays, CONFIG_DEFAULTS.despatchLeadDays, 0, 'despatchLeadDays', problems),
    stalledAfterHours: wholeNumber(raw.stalledAfterHours, CONFIG_DEFAULTS.stalledAfterHours, 1, 'stalledAfterHours', problems),
    maxAttempts: wholeNumber(raw.maxAttempts, CONFIG_DEFAULTS.maxAttempts, 1, 'maxAttempts', problems),
    unreachablePolicy: listValue(raw.unreachablePolicy, UNREACHABLE_POLICIES, 'refuse', 'unreachablePolicy', problems),
    alertEmail: raw.alertEmail?.trim() || null,
    locations,
    shipMethods,
    goLiveDate: goLiveDate && ISO_DAY.test(goLiveDate) ? goLiveDate : null,
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

/** Thrown by adapters when a script needs the config and it is unusable; the message lists every problem. */
export class ConfigurationError extends Error {
  readonly code = 'SCEND_CONFIGURATION';
  readonly retry = 'permanent' as const;
  constructor(readonly problems: ConfigProblem[]) {
    super(`Scend connector is not configured: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigurationError';
  }
}
