import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';

interface Entry { value: string; expiresAt: number }

const UNITS = 1;
/** N/cache: ttl is in seconds, at least 300; entries without ttl live until removed (NetSuite may evict; the sandbox does not). */
const MIN_TTL_SECONDS = 300;
const MAX_KEY_LENGTH = 4096;
const MAX_VALUE_LENGTH = 500 * 1024;

export class CacheStore {
  readonly entries = new Map<string, Entry>();
}

/** N/cache getCache({ name, scope }) with put/get/remove; expiry measured on the sandbox clock. */
export function createCacheModule(stack: ExecutionStack, store: CacheStore, now: () => Date) {
  const Scope = { PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' } as const;
  const getCache = (options: { name: string; scope?: string }) => {
    if (!options?.name) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
    const scope = options.scope ?? Scope.PRIVATE;
    if (!(scope in Scope)) throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `Invalid cache scope ${scope}`);
    // PRIVATE is visible to the creating script only; PROTECTED/PUBLIC to every script of the account here (no bundles).
    const owner = scope === 'PRIVATE' ? (stack.current().scriptId ?? '(ui)') : '*';
    const slot = (key: string) => {
      if (key === undefined || key === null || key === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: key');
      if (String(key).length > MAX_KEY_LENGTH) throw new SuiteScriptError('SSS_CACHE_KEY_TOO_LONG', 'Cache keys are limited to 4 KB');
      return `${scope}\u0000${owner}\u0000${options.name}\u0000${key}`;
    };
    const ttlMs = (ttl?: number): number => {
      if (ttl === undefined) return Number.POSITIVE_INFINITY;
      if (ttl < MIN_TTL_SECONDS) throw new SuiteScriptError('SSS_INVALID_CACHE_TTL', `ttl must be at least ${MIN_TTL_SECONDS} seconds`);
      return ttl * 1000;
    };
    const put = (o: { key: string; value: unknown; ttl?: number }): void => {
      const value = typeof o.value === 'string' ? o.value : JSON.stringify(o.value);
      if (value.length > MAX_VALUE_LENGTH) throw new SuiteScriptError('SSS_CACHE_VALUE_TOO_LARGE', 'Cache values are limited to 500 KB');
      const k = slot(o.key);
      stack.current().governor.charge(UNITS, 'cache.put');
      store.entries.set(k, { value, expiresAt: now().getTime() + ttlMs(o.ttl) });
    };
    return {
      name: options.name,
      scope,
      put,
      get(o: { key: string; loader?: (ctx: { key: string }) => unknown; ttl?: number }): string | null {
        const k = slot(o.key);
        stack.current().governor.charge(UNITS, 'cache.get');
        const hit = store.entries.get(k);
        if (hit && hit.expiresAt > now().getTime()) return hit.value;
        store.entries.delete(k);
        if (!o.loader) return null;
        const loaded = o.loader({ key: o.key });
        if (loaded === undefined || loaded === null) return null;
        const value = typeof loaded === 'string' ? loaded : JSON.stringify(loaded);
        store.entries.set(k, { value, expiresAt: now().getTime() + ttlMs(o.ttl) });
        return value;
      },
      remove(o: { key: string }): void {
        const k = slot(o.key);
        stack.current().governor.charge(UNITS, 'cache.remove');
        store.entries.delete(k);
      },
    };
  };
  return { Scope, getCache };
}
