/**
 * One metered, authenticated, classified call to Scend: the machinery under every client
 * operation. One attempt per call (SuiteScript cannot sleep): retry decisions belong to the caller.
 */
import { API_KEY_HEADER, API_PREFIX } from './contract';
import { HTTPS_REQUEST_UNITS, type GovernanceBudget } from './budget';
import { classifyFailure } from './classify';
import { BudgetExhaustedError, MalformedResponseError, TransportFailedError, type CallContext } from './errors';
import { queryString, trimBaseUrl, type QueryValue } from './query';
import { isTransportError, type HttpMethod, type HttpTransport } from './transport';
import { Invalid, parseJson, type Validator } from './validate';

export interface ScendClientConfig {
  /** e.g. `https://tenant.scend.example` (no `/v1`). */
  baseUrl: string;
  /**
   * The `X-Api-Key` header value, opaque to the client: in NetSuite an `https.SecureString`
   * from `https.createSecureString('{custsecret_...}')`, elsewhere a string. Never logged.
   */
  apiKeyHeader: unknown;
  transport: HttpTransport;
  /** Remaining governance of the running script; checked before every call. */
  budget: GovernanceBudget;
  /** Units to leave untouched for the caller's own work after the last call (default 0). */
  reserveUnits?: number;
  /** Units one call costs (default 10, NetSuite's https.request). */
  unitsPerCall?: number;
}

export interface CallSpec<T> {
  operation: string;
  method: HttpMethod;
  /** Path after `/v1`, already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  validate: Validator<T>;
}

export interface CallResult<T> {
  status: number;
  value: T;
}

const REDACTED = '[redacted]';

export class ScendHttp {
  private readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly budget: GovernanceBudget;
  private readonly unitsNeeded: number;
  private readonly unitsPerCall: number;
  /** Closures, not fields: the key must not show up in JSON.stringify or util.inspect. */
  private readonly secretHeaders: () => Record<string, unknown>;
  readonly redact: (text: string) => string;
  private calls = 0;

  constructor(config: ScendClientConfig) {
    this.baseUrl = trimBaseUrl(config.baseUrl);
    this.transport = config.transport;
    this.budget = config.budget;
    this.unitsPerCall = config.unitsPerCall ?? HTTPS_REQUEST_UNITS;
    this.unitsNeeded = this.unitsPerCall + (config.reserveUnits ?? 0);
    const key = config.apiKeyHeader;
    this.secretHeaders = () => ({ [API_KEY_HEADER]: key });
    this.redact = typeof key === 'string' && key.length > 0 ? (text) => text.split(key).join(REDACTED) : (text) => text;
  }

  /** HTTP calls sent so far (including those that failed). */
  get callsMade(): number {
    return this.calls;
  }

  /** Units charged so far at `unitsPerCall` each. */
  get unitsUsed(): number {
    return this.calls * this.unitsPerCall;
  }

  /** Whether the budget can pay for `n` more calls and still leave the reserve. */
  canAfford(n = 1): boolean {
    return this.budget.remainingUsage() >= this.unitsNeeded + (n - 1) * this.unitsPerCall;
  }

  call<T>(spec: CallSpec<T>): CallResult<T> {
    const ctx: CallContext = { operation: spec.operation, method: spec.method, path: `${API_PREFIX}${spec.path}` };
    const remaining = this.budget.remainingUsage();
    if (remaining < this.unitsNeeded) throw new BudgetExhaustedError(ctx, remaining, this.unitsNeeded);

    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
    const url = `${this.baseUrl}${ctx.path}${queryString(spec.query ?? {})}`;

    this.calls += 1;
    let res;
    try {
      res = this.transport.request({ method: spec.method, url, headers, secretHeaders: this.secretHeaders(), body });
    } catch (e) {
      if (isTransportError(e)) throw new TransportFailedError(ctx, e.kind, this.redact(e.message));
      throw e;
    }

    if (res.status < 200 || res.status > 299) throw classifyFailure(ctx, res, this.redact);
    try {
      return { status: res.status, value: spec.validate(parseJson(res.body), '') };
    } catch (e) {
      if (e instanceof Invalid) throw new MalformedResponseError(ctx, res.status, this.redact(e.path), this.redact(e.problem));
      throw e;
    }
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, callsMade: this.calls };
  }

  toString(): string {
    return `ScendHttp(${this.baseUrl})`;
  }
}
