/**
 * Custom list values by script id. NetSuite numbers list values per account, so the bundle never
 * hard-codes them: one search per list (10 units) maps script ids to internal ids, then N/cache
 * serves every later call in any script for free. NetSuite returns list-value script ids in upper
 * case, so they are compared lower-cased.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';

const CACHE_NAME = 'scend_connector_lists';
const TTL_SECONDS = 3600;

export type ListValueIds = Readonly<Record<string, string>>;

function loadList(listId: string): ListValueIds {
  const ids: Record<string, string> = {};
  const rows = search
    .create({ type: listId, columns: ['internalid', 'scriptid'] })
    .run()
    .getRange({ start: 0, end: 1000 });
  for (const row of rows) ids[String(row.getValue({ name: 'scriptid' })).toLowerCase()] = String(row.id);
  return ids;
}

/** Lists already read in this invocation: a second read of the same list costs nothing. */
const readThisInvocation = new Map<string, ListValueIds>();

/** script id (val_...) -> internal id for every value of a custom list. */
export function listValueIds(listId: string): ListValueIds {
  const known = readThisInvocation.get(listId);
  if (known) return known;
  const store = cache.getCache({ name: CACHE_NAME, scope: cache.Scope.PROTECTED });
  const json = store.get({ key: listId, loader: () => JSON.stringify(loadList(listId)), ttl: TTL_SECONDS });
  const ids = JSON.parse(json ?? '{}') as ListValueIds;
  readThisInvocation.set(listId, ids);
  return ids;
}

export class UnknownListValueError extends Error {
  readonly code = 'SCEND_UNKNOWN_LIST_VALUE';
  readonly retry = 'permanent' as const;
  constructor(listId: string, value: string) {
    super(`Custom list ${listId} has no value ${value}: redeploy the Scend connector's SDF objects.`);
    this.name = 'UnknownListValueError';
  }
}

/** Internal id of one list value; throws when the account lacks it (an incomplete deploy). */
export function listValueId(listId: string, valueScriptId: string): string {
  const id = listValueIds(listId)[valueScriptId.toLowerCase()];
  if (id === undefined) throw new UnknownListValueError(listId, valueScriptId);
  return id;
}

/** Script id of a list value from its internal id, or null when unknown/empty. */
export function listValueScriptId(listId: string, internalId: string | null): string | null {
  if (!internalId) return null;
  const entries = Object.entries(listValueIds(listId));
  return entries.find(([, id]) => id === String(internalId))?.[0] ?? null;
}
