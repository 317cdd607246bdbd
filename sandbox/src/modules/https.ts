import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';
import { SecretVault, SecureString } from './secrets';

export interface WireRequest { method: string; url: string; headers: Record<string, string>; body?: string; connectTimeoutMs: number; timeoutMs: number; ca?: string[] }
export interface WireResponse { status: number; headers: Record<string, string>; body: string }
/** Sends one request synchronously; throws an error whose `kind` is 'timeout' | 'connect' | 'reset' | 'cert' on network failure. */
export type HttpTransport = (req: WireRequest) => WireResponse;

export interface HttpsSettings {
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Certificates (PEM) the sandbox trusts besides the public roots, e.g. a local simulator's self-signed one. */
  ca?: string[];
  /**
   * Host names the sandbox may reach and the loopback address each stands for. The sandbox never
   * leaves the machine and never asks DNS: any other name is SSS_UNKNOWN_HOST at once.
   */
  hosts?: Record<string, string>;
}
/** NetSuite: 5 s to connect, 45 s for the whole request. */
export const NETSUITE_HTTPS_TIMEOUTS: HttpsSettings = { connectTimeoutMs: 5000, timeoutMs: 45000 };

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'] as const;
const HTTPS_UNITS = 10;

/** What a script gets back: https.ClientResponse. */
export interface ClientResponse { code: number; headers: Record<string, string>; body: string }

interface RequestOptions {
  method?: string;
  url?: string;
  body?: string | Record<string, unknown> | SecureString;
  headers?: Record<string, string | SecureString>;
  credentials?: string[];
}

/** DNS failures as Node reports them (the worker passes the error code as the message). */
const UNKNOWN_HOST = /\b(ENOTFOUND|EAI_AGAIN|EAI_NONAME)\b/;

/**
 * Network failures as NetSuite names them. N/https's own error table lists only
 * SSS_REQUEST_TIME_EXCEEDED ("connection establishment or payload transmission") among these;
 * SSS_UNKNOWN_HOST, SSS_CONNECTION_TIME_OUT ("initial connection exceeds the 5 second timeout")
 * and SSS_CONNECTION_CLOSED ("server ... is unresponsive") come from Oracle's SuiteScript 1.0
 * nlapiRequestURL reference and are still caught by 2.x scripts. No source names a refused
 * connection (there is no SSS_CONNECTION_REFUSED anywhere), so a refused or unreachable connect
 * is reported as the connect timeout, as NetSuite's one documented connect failure.
 */
function networkError(e: unknown, url: string): SuiteScriptError {
  const kind = (e as { kind?: string })?.kind;
  if (kind === 'timeout') return new SuiteScriptError('SSS_REQUEST_TIME_EXCEEDED', `The request to ${url} exceeded the time limit.`, { cause: e });
  if (kind === 'connect' && UNKNOWN_HOST.test(String((e as Error)?.message))) {
    return new SuiteScriptError('SSS_UNKNOWN_HOST', `The host for ${url} could not be found.`, { cause: e });
  }
  if (kind === 'connect') return new SuiteScriptError('SSS_CONNECTION_TIME_OUT', `Could not connect to ${url}.`, { cause: e });
  if (kind === 'cert') return new SuiteScriptError('SSS_INVALID_HOST_CERT', `The certificate of ${url} is not trusted.`, { cause: e });
  if (kind === 'reset') return new SuiteScriptError('SSS_CONNECTION_CLOSED', `The connection to ${url} was closed before a response was received.`, { cause: e });
  return new SuiteScriptError('UNEXPECTED_ERROR', `Request to ${url} failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;

/**
 * N/https takes only fully qualified https URLs (N/http also takes http). The sandbox reaches
 * loopback addresses and the configured host names only: a name it does not know is
 * SSS_UNKNOWN_HOST without any DNS query, so a script can never call out of the machine.
 */
function parseUrl(url: string | undefined, scheme: 'https' | 'http-or-https'): URL {
  if (!url) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SuiteScriptError('SSS_INVALID_URL', 'The URL must be a fully qualified HTTPS URL.');
  }
  const allowed = scheme === 'https' ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(parsed.protocol)) throw new SuiteScriptError('SSS_INVALID_URL', 'The URL must be a fully qualified HTTPS URL.');
  return parsed;
}

/** Where the request really goes: a loopback address, or the one a configured host name stands for. */
function resolveHost(parsed: URL, hosts: Record<string, string>): URL {
  const wire = new URL(parsed.toString());
  const mapped = hosts[parsed.hostname.toLowerCase()];
  if (mapped) wire.hostname = mapped;
  else if (!LOOPBACK_HOST.test(parsed.hostname)) {
    throw new SuiteScriptError('SSS_UNKNOWN_HOST', `The host ${parsed.hostname} could not be found (the sandbox reaches loopback and its configured hosts only).`);
  }
  return wire;
}

/** N/https: synchronous calls through `transport`, secrets substituted only on the wire, 10 units each. */
export function createHttpsModule(
  stack: ExecutionStack,
  vault: SecretVault,
  transport: () => HttpTransport,
  settings: HttpsSettings,
  scheme: 'https' | 'http-or-https' = 'https',
) {
  const { hosts = {}, ...wireSettings } = settings;
  const reveal = (v: string | SecureString, host: string, credentials: string[]): string => {
    if (v instanceof SecureString) return vault.reveal(SecureString.templateOf(v), host);
    if (!credentials.length) return String(v);
    // `credentials` lists secret ids whose `{id}` placeholders may be replaced in plain strings.
    const allowed = new Set(credentials.map((c) => c.toLowerCase()));
    return String(v).replace(/\{(custsecret[_a-z0-9]*)\}/gi, (m, id: string) => (allowed.has(id.toLowerCase()) ? vault.reveal(m, host) : m));
  };

  const request = (options: RequestOptions): ClientResponse => {
    if (!options) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: options');
    const method = String(options.method ?? '').toUpperCase();
    if (!options.method) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: method');
    if (!METHODS.includes(method as (typeof METHODS)[number])) throw new SuiteScriptError('SSS_INVALID_HTTP_METHOD', `Invalid HTTP method: ${options.method}`);
    const url = parseUrl(options.url, scheme);
    stack.current().governor.charge(HTTPS_UNITS, `https.${method.toLowerCase()}`);
    // Name resolution is part of the call (it costs its units, like a refused connection).
    const wire = resolveHost(url, hosts);
    const credentials = options.credentials ?? [];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = reveal(v, url.hostname, credentials);
    let body: string | undefined;
    if (options.body instanceof SecureString || typeof options.body === 'string') body = reveal(options.body, url.hostname, credentials);
    else if (options.body && typeof options.body === 'object') {
      // NetSuite form-encodes an object body.
      body = new URLSearchParams(Object.entries(options.body).map(([k, v]): [string, string] => [k, String(v)])).toString();
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    let res: WireResponse;
    try {
      res = transport()({ method, url: wire.toString(), headers, body, ...wireSettings });
    } catch (e) {
      throw networkError(e, `${url.origin}${url.pathname}`);
    }
    return { code: res.status, headers: res.headers, body: res.body };
  };

  const withPromise = <A>(fn: (a: A) => ClientResponse) => Object.assign(fn, {
    promise: (a: A): Promise<ClientResponse> => {
      try {
        return Promise.resolve(fn(a));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  });
  const verb = (method: string) => withPromise((o: Omit<RequestOptions, 'method'>) => request({ ...o, method }));

  return {
    Method: Object.fromEntries(METHODS.map((m) => [m, m])) as Record<(typeof METHODS)[number], string>,
    request: withPromise(request),
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    delete: verb('DELETE'),
    createSecureString(options: { input: string }): SecureString {
      if (!options || options.input === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: input');
      return new SecureString(String(options.input));
    },
    SecureString,
  };
}
