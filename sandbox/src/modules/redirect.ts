/**
 * N/redirect: where a Suitelet (or a user event in the UI) sends the browser. Nothing navigates in
 * the sandbox: each call is recorded in the RedirectLog with the URL it stands for, and a Suitelet's
 * last redirect becomes its reply (302, Location, `HttpReply.redirect`). Governance: none.
 * (NetSuite Help: N/redirect Module — redirect.redirect, toRecord, toSearch, toSavedSearch,
 * toSearchResult, toSavedSearchResult, toSuitelet, toTaskLink, toRecordTransform.)
 */
import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';
import type { createUrlModule } from './url';

export interface RedirectTarget {
  kind: 'URL' | 'RECORD' | 'RECORD_TRANSFORM' | 'SEARCH' | 'SEARCH_RESULT' | 'SAVED_SEARCH' | 'SAVED_SEARCH_RESULT' | 'SUITELET' | 'TASKLINK';
  url: string;
  options: Record<string, unknown>;
}

export interface RedirectEntry extends RedirectTarget {
  scriptId: string | null;
  deploymentId: string | null;
  scriptType: string | null;
  entryPoint: string | null;
}

export class RedirectLog {
  readonly entries: RedirectEntry[] = [];

  /** The last redirect a deployment's invocation made since `from` (entries.length before it ran). */
  lastFor(deploymentId: string, from: number): RedirectTarget | undefined {
    for (let i = this.entries.length - 1; i >= from; i--) {
      const e = this.entries[i]!;
      if (e.deploymentId === deploymentId) return { kind: e.kind, url: e.url, options: e.options };
    }
    return undefined;
  }
}

type Opts = Record<string, unknown>;
const need = (o: Opts | undefined, ...keys: string[]): Opts => {
  if (!o) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: options');
  for (const k of keys) if (o[k] === undefined || o[k] === null || o[k] === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${k}`);
  return o;
};
const query = (params: unknown) =>
  Object.entries((params as Record<string, unknown>) ?? {}).map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('');

export function createRedirectModule(stack: ExecutionStack, log: RedirectLog, url: ReturnType<typeof createUrlModule>) {
  const record = (kind: RedirectTarget['kind'], target: string, options: Opts): void => {
    const exec = stack.current();
    log.entries.push({ kind, url: target, options: JSON.parse(JSON.stringify(options)) as Opts, scriptId: exec.scriptId, deploymentId: exec.deploymentId, scriptType: exec.scriptType, entryPoint: exec.entryPoint });
  };
  const searchId = (o: Opts): string => {
    const s = o.search as { searchId?: unknown; id?: unknown } | undefined;
    if (!s || typeof s !== 'object') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: search');
    return String(s.id ?? s.searchId ?? '');
  };
  return {
    redirect(o: Opts): void {
      need(o, 'url');
      const q = query(o.parameters).slice(1);
      record('URL', q ? `${String(o.url)}${String(o.url).includes('?') ? '&' : '?'}${q}` : String(o.url), o);
    },
    toRecord(o: Opts): void {
      need(o, 'type', 'id');
      record('RECORD', url.resolveRecord({ recordType: String(o.type), recordId: o.id as string, isEditMode: !!o.isEditMode, params: o.parameters as Opts }), o);
    },
    toRecordTransform(o: Opts): void {
      need(o, 'fromType', 'fromId', 'toType');
      record('RECORD_TRANSFORM', `/app/common/record/${String(o.toType)}.nl?transform=${String(o.fromType)}&id=${String(o.fromId)}${query(o.parameters)}`, o);
    },
    toSuitelet(o: Opts): void {
      need(o, 'scriptId', 'deploymentId');
      record('SUITELET', url.resolveScript({ scriptId: String(o.scriptId), deploymentId: String(o.deploymentId), returnExternalUrl: !!o.isExternal, params: o.parameters as Opts }), o);
    },
    toSearch(o: Opts): void {
      need(o, 'search');
      record('SEARCH', `/app/common/search/search.nl?id=${searchId(o)}`, { searchId: searchId(o) });
    },
    toSearchResult(o: Opts): void {
      need(o, 'search');
      record('SEARCH_RESULT', `/app/common/search/searchresults.nl?searchid=${searchId(o)}`, { searchId: searchId(o) });
    },
    toSavedSearch(o: Opts): void {
      need(o, 'id');
      record('SAVED_SEARCH', `/app/common/search/search.nl?id=${String(o.id)}`, o);
    },
    toSavedSearchResult(o: Opts): void {
      need(o, 'id');
      record('SAVED_SEARCH_RESULT', `/app/common/search/searchresults.nl?searchid=${String(o.id)}`, o);
    },
    toTaskLink(o: Opts): void {
      need(o, 'id');
      record('TASKLINK', `/app/center/card.nl?sc=${encodeURIComponent(String(o.id))}${query(o.parameters)}`, o);
    },
  };
}
