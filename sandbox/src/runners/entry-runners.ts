import { SuiteScriptError } from '../kernel/errors';
import { USAGE_LIMITS } from '../kernel/governor';
import type { ExecutionContextType } from '../kernel/kernel';
import type { DeploymentDef, ScriptDef, ScriptType } from '../kernel/meta';
import type { RedirectTarget } from '../modules/redirect';
import { RENDER } from '../modules/server-widget';
import type { SandboxHost } from './host';
import { resolveParameters } from './params';
import { SandboxUsageError } from './sandbox-errors';
import type { UsageEntry } from './usage';

export interface RunResult<T = unknown> { result: T; usage: UsageEntry[] }

export interface HttpCall { method?: string; params?: Record<string, string>; body?: string | Record<string, unknown>; headers?: Record<string, string>; deploymentParams?: Record<string, unknown> }
export interface HttpReply { code: number; headers: Record<string, string>; body: string; usage: UsageEntry[]; redirect?: RedirectTarget }

function deploymentOf(host: SandboxHost, deploymentId: string, type: ScriptType): { script: ScriptDef; deployment: DeploymentDef } {
  const found = host.findDeployment(deploymentId);
  if (!found) throw new SandboxUsageError(`no deployment ${deploymentId}`);
  if (found.script.type !== type) throw new SandboxUsageError(`${deploymentId} deploys a ${found.script.type} script, not ${type}`);
  if (!found.deployment.isDeployed) throw new SuiteScriptError('SSS_DEPLOYMENT_NOT_DEPLOYED', `${deploymentId} is not deployed`);
  return found;
}

async function run(host: SandboxHost, deploymentId: string, type: ScriptType, entryPoint: string, args: unknown[], limit: number, executionContext: ExecutionContextType, params?: Record<string, unknown>) {
  const { script, deployment } = deploymentOf(host, deploymentId, type);
  const parameters = resolveParameters(script, deployment, params);
  const from = host.usage.entries.length;
  const entryPoints = host.scripts.instantiate(script);
  if (typeof entryPoints[entryPoint] !== 'function') return { missing: true as const, usage: [] as UsageEntry[] };
  // NetSuite Help "Script Types That Support Execute as Role": Suitelets (and user events) run with the deployment's role.
  const roleId = type === 'SUITELET' ? deployment.runAsRole : undefined;
  const out = await host.invoke({ script, deployment, entryPoint, entryPoints, args, limit, executionContext, triggersUserEvents: true, parameters, ...(roleId ? { roleId } : {}) });
  return { missing: false as const, result: out.result, usage: host.usage.entries.slice(from) };
}

/** Scheduled script: execute({ type }) with 10,000 units. */
export async function runScheduled(host: SandboxHost, deploymentId: string, options: { params?: Record<string, unknown>; invocationType?: string } = {}): Promise<RunResult> {
  const r = await run(host, deploymentId, 'SCHEDULED', 'execute', [{ type: options.invocationType ?? 'ON_DEMAND', InvocationType: { SCHEDULED: 'SCHEDULED', ON_DEMAND: 'ON_DEMAND', USER_INTERFACE: 'USER_INTERFACE', ABORTED: 'ABORTED', SKIPPED: 'SKIPPED' } }], USAGE_LIMITS.SCHEDULED, 'SCHEDULED', options.params);
  return { result: r.missing ? undefined : r.result, usage: r.usage };
}

/**
 * A scheduled script run to completion synchronously — the form other work takes when it runs
 * inside a governed call of a running invocation (see concurrency/interleaver.ts). Async execute
 * functions cannot: SSS_ASYNC_ENTRY_POINT_NOT_SUPPORTED.
 */
export function runScheduledSync(host: SandboxHost, deploymentId: string, options: { params?: Record<string, unknown> } = {}): UsageEntry[] {
  const { script, deployment } = deploymentOf(host, deploymentId, 'SCHEDULED');
  const from = host.usage.entries.length;
  const entryPoints = host.scripts.instantiate(script);
  host.invokeSync({
    script, deployment, entryPoint: 'execute', entryPoints, limit: USAGE_LIMITS.SCHEDULED, executionContext: 'SCHEDULED', triggersUserEvents: true,
    parameters: resolveParameters(script, deployment, options.params),
    args: [{ type: 'SCHEDULED', InvocationType: { SCHEDULED: 'SCHEDULED', ON_DEMAND: 'ON_DEMAND', USER_INTERFACE: 'USER_INTERFACE', ABORTED: 'ABORTED', SKIPPED: 'SKIPPED' } }],
  });
  return host.usage.entries.slice(from);
}

/** SDF installation script: run({ fromVersion, toVersion }) by default, or a named entry point. */
export async function runInstall(host: SandboxHost, deploymentId: string, options: { entryPoint?: string; fromVersion?: string | null; toVersion?: string; params?: Record<string, unknown> } = {}): Promise<RunResult> {
  const entryPoint = options.entryPoint ?? 'run';
  const r = await run(host, deploymentId, 'SDFINSTALLATION', entryPoint, [{ fromVersion: options.fromVersion ?? null, toVersion: options.toVersion ?? '1.0.0', version: options.toVersion ?? '1.0.0' }], USAGE_LIMITS.SDFINSTALLATION, 'SDF_INSTALLATION', options.params);
  if (r.missing) throw new SandboxUsageError(`${deploymentId} has no ${entryPoint} entry point`);
  return { result: r.result, usage: r.usage };
}

const headerValue = (headers: Record<string, string> | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/** Suitelet: onRequest({ request, response }); the reply is what response.write/writePage produced. */
export async function callSuitelet(host: SandboxHost, deploymentId: string, call: HttpCall = {}): Promise<HttpReply> {
  const method = (call.method ?? 'GET').toUpperCase();
  const chunks: string[] = [];
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
  let code = 200;
  const body = typeof call.body === 'string' ? call.body : call.body ? new URLSearchParams(Object.entries(call.body).map(([k, v]): [string, string] => [k, String(v)])).toString() : '';
  const formParams = method === 'POST' && typeof call.body === 'object' ? Object.fromEntries(Object.entries(call.body).map(([k, v]) => [k, String(v)])) : {};
  const request = { method, parameters: { ...(call.params ?? {}), ...formParams }, body, headers: call.headers ?? {}, url: `/app/site/hosting/scriptlet.nl`, getLineCount: () => -1, getSublistValue: () => null };
  const response = {
    write(o: { output: string } | string) { chunks.push(typeof o === 'string' ? o : String(o.output)); },
    writeLine(o: { output: string }) { chunks.push(`${o.output}\n`); },
    writePage(o: { pageObject: Record<symbol, () => string> } | Record<symbol, () => string>) {
      const page = ('pageObject' in o ? o.pageObject : o) as Record<symbol, () => string>;
      if (typeof page?.[RENDER] !== 'function') throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', 'writePage needs a serverWidget Form or List');
      chunks.push(page[RENDER]());
    },
    setHeader(o: { name: string; value: string }) { headers[o.name] = o.value; },
    addHeader(o: { name: string; value: string }) { headers[o.name] = o.value; },
    sendRedirect(o: { type: string; identifier: string; id?: string }) { code = 302; headers.Location = `/redirect/${o.type}/${o.identifier}${o.id ? `/${o.id}` : ''}`; },
    get code() { return code; },
  };
  const redirectsBefore = host.redirects.entries.length;
  const r = await run(host, deploymentId, 'SUITELET', 'onRequest', [{ request, response }], USAGE_LIMITS.SUITELET, 'SUITELET', call.deploymentParams);
  // N/redirect: the Suitelet's last redirect answers the request.
  const redirect = host.redirects.lastFor(deploymentId, redirectsBefore);
  if (redirect) return { code: 302, headers: { ...headers, Location: redirect.url }, body: chunks.join(''), usage: r.usage, redirect };
  return { code, headers, body: chunks.join(''), usage: r.usage };
}

/** RESTlet: get/delete receive the query parameters, post/put the body (parsed when Content-Type is JSON). */
export async function callRestlet(host: SandboxHost, deploymentId: string, call: HttpCall = {}): Promise<HttpReply> {
  const method = (call.method ?? 'GET').toUpperCase();
  const entryPoint = ({ GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' } as Record<string, string>)[method];
  if (!entryPoint) throw new SandboxUsageError(`RESTlets answer GET, POST, PUT and DELETE, not ${method}`);
  const contentType = headerValue(call.headers, 'content-type') ?? 'application/json';
  const json = contentType.includes('json');
  let arg: unknown = call.params ?? {};
  if (entryPoint === 'post' || entryPoint === 'put') {
    if (typeof call.body === 'string' && json) {
      try {
        arg = JSON.parse(call.body);
      } catch {
        return errorReply(400, 'INVALID_JSON', 'The request body is not valid JSON.');
      }
    } else arg = call.body ?? (json ? {} : '');
  }
  const { script, deployment } = deploymentOf(host, deploymentId, 'RESTLET');
  const entryPoints = host.scripts.instantiate(script);
  if (typeof entryPoints[entryPoint] !== 'function') return errorReply(405, 'UNEXPECTED_ERROR', `This RESTlet does not implement ${method}.`);
  const from = host.usage.entries.length;
  try {
    const out = await host.invoke({ script, deployment, entryPoint, entryPoints, args: [arg], limit: USAGE_LIMITS.RESTLET, executionContext: 'RESTLET', triggersUserEvents: true, parameters: resolveParameters(script, deployment, call.deploymentParams) });
    const usage = host.usage.entries.slice(from);
    if (typeof out.result === 'string' || out.result === undefined) return { code: 200, headers: { 'Content-Type': contentType }, body: out.result ?? '', usage };
    if (!json) return { ...errorReply(400, 'INVALID_RETURN_DATA_FORMAT', 'A RESTlet answering text/plain must return a string.'), usage };
    return { code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(out.result), usage };
  } catch (e) {
    const err = e as { name?: string; message?: string };
    return { ...errorReply(e instanceof SuiteScriptError ? 400 : 500, err?.name ?? 'UNEXPECTED_ERROR', err?.message ?? String(e)), usage: host.usage.entries.slice(from) };
  }
}

function errorReply(code: number, name: string, message: string): HttpReply {
  return { code, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: { code: name, message } }), usage: [] };
}
