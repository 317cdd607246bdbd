import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';
import { SecretVault, SecureString } from './secrets';

export interface WireRequest { method: string; url: string; headers: Record<string, string>; body?: string; connectTimeoutMs: number; timeoutMs: number }
export interface WireResponse { status: number; headers: Record<string, string>; body: string }
/** Sends one request synchronously; throws an error whose `kind` is 'timeout' | 'connect' | 'reset' on network failure. */
export type HttpTransport = (req: WireRequest) => WireResponse;

export interface HttpsSettings { connectTimeoutMs: number; timeoutMs: number }
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

/** Network failures as NetSuite names them (the connect/reset names are not in Oracle's list; see sandbox/README.md). */
function networkError(e: unknown, url: string): SuiteScriptError {
  const kind = (e as { kind?: string })?.kind;
  if (kind === 'timeout') return new SuiteScriptError('SSS_REQUEST_TIME_EXCEEDED', `The request to ${url} exceeded the time limit.`, { cause: e });
  if (kind === 'connect') return new SuiteScriptError('SSS_CONNECTION_TIME_OUT', `Could not connect to ${url}.`, { cause: e });
  if (kind === 'reset') return new SuiteScriptError('SSS_CONNECTION_CLOSED', `The connection to ${url} was closed before a response was received.`, { cause: e });
  return new SuiteScriptError('UNEXPECTED_ERROR', `Request to ${url} failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

function parseUrl(url: string | undefined): URL {
  if (!url) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SuiteScriptError('SSS_INVALID_URL', 'The URL must be a fully qualified HTTPS URL.');
  }
  // N/https refuses plain HTTP. The sandbox lets loopback through so local simulators need no TLS.
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new SuiteScriptError('SSS_INVALID_URL', 'The URL must be a fully qualified HTTPS URL.');
  }
  return parsed;
}

/** N/https: synchronous calls through `transport`, secrets substituted only on the wire, 10 units each. */
export function createHttpsModule(stack: ExecutionStack, vault: SecretVault, transport: () => HttpTransport, settings: HttpsSettings) {
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
    const url = parseUrl(options.url);
    stack.current().governor.charge(HTTPS_UNITS, `https.${method.toLowerCase()}`);
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
      res = transport()({ method, url: url.toString(), headers, body, ...settings });
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
