/**
 * Every way a Scend call can fail, as named errors. Each carries a `code` and `retry`:
 * - `retryable`: nothing was applied (or the call is a read): defer and try again later;
 * - `ambiguous`: a write whose outcome is unknown: look the natural key up before retrying;
 * - `permanent`: retrying the same call cannot help.
 * No error ever holds the API key, the request headers or the request body.
 */
import type {
  ErrorCode,
  DuplicateAsnDetail,
  DuplicateOrderDetail,
  SimulatorErrorCode,
  OrderStatus,
  SkuInUseDetail,
  SkuLineDetail,
  ValidationDetail,
} from './contract';
import type { HttpMethod, TransportFailureKind } from './transport';

export type RetryClass = 'retryable' | 'ambiguous' | 'permanent';

/** Which call failed. `path` is the request path without host or query. */
export interface CallContext {
  operation: string;
  method: HttpMethod;
  path: string;
}

export const isWrite = (method: HttpMethod): boolean => method !== 'GET';

export abstract class ScendError extends Error {
  abstract readonly code: string;
  abstract readonly retry: RetryClass;
  readonly operation: string;
  readonly method: HttpMethod;
  readonly path: string;

  constructor(ctx: CallContext, message: string) {
    super(`${ctx.operation} (${ctx.method} ${ctx.path}): ${message}`);
    this.operation = ctx.operation;
    this.method = ctx.method;
    this.path = ctx.path;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      retry: this.retry,
      operation: this.operation,
      method: this.method,
      path: this.path,
      message: this.message,
    };
  }
}

/** A 4xx answer carrying one of the contract's error codes: Scend refused the request. */
export abstract class ScendContractError extends ScendError {
  abstract override readonly code: ErrorCode | SimulatorErrorCode;
  readonly retry: RetryClass = 'permanent';
  constructor(
    ctx: CallContext,
    readonly status: number,
    readonly scendMessage: string,
    readonly details: unknown[],
  ) {
    super(ctx, `${status} ${scendMessage}`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, details: this.details };
  }
}

/** 401: the API key is missing or wrong. A configuration problem, not a data problem. */
export class UnauthorizedError extends ScendContractError {
  override readonly name = 'UnauthorizedError';
  readonly code = 'UNAUTHORIZED';
}

export class ValidationFailedError extends ScendContractError {
  override readonly name = 'ValidationFailedError';
  readonly code = 'VALIDATION_FAILED';
  /** The offending fields, when Scend named them. */
  readonly fields: ValidationDetail[];
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], fields: ValidationDetail[]) {
    super(ctx, status, scendMessage, details);
    this.fields = fields;
  }
}

export class NotFoundError extends ScendContractError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

export class SkuInUseError extends ScendContractError {
  override readonly name = 'SkuInUseError';
  readonly code = 'SKU_IN_USE';
  /** The product already holding the Sku, when Scend said. */
  readonly holders: SkuInUseDetail[];
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], holders: SkuInUseDetail[]) {
    super(ctx, status, scendMessage, details);
    this.holders = holders;
  }
}

export class InvalidShipToError extends ScendContractError {
  override readonly name = 'InvalidShipToError';
  readonly code = 'INVALID_SHIP_TO';
}

export class UnknownSkuError extends ScendContractError {
  override readonly name = 'UnknownSkuError';
  readonly code = 'UNKNOWN_SKU';
  readonly lines: SkuLineDetail[];
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], lines: SkuLineDetail[]) {
    super(ctx, status, scendMessage, details);
    this.lines = lines;
  }
}

export class NonPhysicalItemError extends ScendContractError {
  override readonly name = 'NonPhysicalItemError';
  readonly code = 'NON_PHYSICAL_ITEM';
  readonly lines: SkuLineDetail[];
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], lines: SkuLineDetail[]) {
    super(ctx, status, scendMessage, details);
    this.lines = lines;
  }
}

/** 409 from a change Scend no longer allows at the order's current status. */
abstract class TooLateError extends ScendContractError {
  /** The order's status when the change was refused, when Scend said. */
  readonly orderStatus: OrderStatus | undefined;
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], orderStatus: OrderStatus | undefined) {
    super(ctx, status, scendMessage, details);
    this.orderStatus = orderStatus;
  }
}

export class CancelTooLateError extends TooLateError {
  override readonly name = 'CancelTooLateError';
  readonly code = 'CANCEL_TOO_LATE';
}

export class AmendTooLateError extends TooLateError {
  override readonly name = 'AmendTooLateError';
  readonly code = 'AMEND_TOO_LATE';
}

export class DuplicateAsnError extends ScendContractError {
  override readonly name = 'DuplicateAsnError';
  readonly code = 'DUPLICATE_ASN';
  /** The ASN that already holds this ClientReference: the earlier create did succeed. */
  readonly existing: DuplicateAsnDetail | undefined;
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], existing: DuplicateAsnDetail | undefined) {
    super(ctx, status, scendMessage, details);
    this.existing = existing;
  }
}

/**
 * 409 DUPLICATE_ORDER: only from the simulator with uniqueness enforced (real Scend accepts the
 * duplicate). The earlier create did succeed: `existing` names its OrderId.
 */
export class DuplicateOrderError extends ScendContractError {
  override readonly name = 'DuplicateOrderError';
  readonly code = 'DUPLICATE_ORDER';
  readonly existing: DuplicateOrderDetail | undefined;
  constructor(ctx: CallContext, status: number, scendMessage: string, details: unknown[], existing: DuplicateOrderDetail | undefined) {
    super(ctx, status, scendMessage, details);
    this.existing = existing;
  }
}

/**
 * 410 CURSOR_EXPIRED: the stored cursor was not used for the retention period (7 days). The feed
 * must restart with `since=<instant>`; the overlap is redelivered, which idempotent imports absorb.
 */
export class CursorExpiredError extends ScendContractError {
  override readonly name = 'CursorExpiredError';
  readonly code = 'CURSOR_EXPIRED';
}

/** 429: over the per-key rate limit. Nothing was applied; come back after `retryAfterSeconds`. */
export class RateLimitedError extends ScendError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  readonly retry: RetryClass = 'retryable';
  constructor(
    ctx: CallContext,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(ctx, `429 rate limited${retryAfterSeconds === undefined ? '' : `, retry after ${retryAfterSeconds}s`}`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: 429, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** 5xx: retryable on a read; on a write the outcome is unknown (Scend may have committed it). */
export class ServerError extends ScendError {
  override readonly name = 'ServerError';
  readonly code: 'INTERNAL' | 'UNAVAILABLE';
  readonly retry: RetryClass;
  constructor(
    ctx: CallContext,
    readonly status: number,
    code: 'INTERNAL' | 'UNAVAILABLE',
    scendMessage: string,
  ) {
    super(ctx, `${status} ${code}${scendMessage ? `: ${scendMessage}` : ''}`);
    this.code = code;
    this.retry = isWrite(ctx.method) ? 'ambiguous' : 'retryable';
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}

export const TRANSPORT_ERROR_CODES = {
  connect: 'CONNECT_FAILED',
  timeout: 'TIMEOUT',
  reset: 'CONNECTION_RESET',
  secretHost: 'SECRET_HOST_NOT_ALLOWED',
} as const satisfies Record<TransportFailureKind, string>;

/** No HTTP answer. A failed connect sent nothing; a timeout or reset on a write is ambiguous. */
export class TransportFailedError extends ScendError {
  override readonly name = 'TransportFailedError';
  readonly code: (typeof TRANSPORT_ERROR_CODES)[TransportFailureKind];
  readonly retry: RetryClass;
  constructor(
    ctx: CallContext,
    readonly kind: TransportFailureKind,
    detail: string,
  ) {
    super(ctx, `${TRANSPORT_ERROR_CODES[kind]}: ${detail}`);
    this.code = TRANSPORT_ERROR_CODES[kind];
    this.retry = kind === 'connect' || kind === 'secretHost' || !isWrite(ctx.method) ? 'retryable' : 'ambiguous';
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind };
  }
}

/**
 * The answer did not match the contract (bad JSON, missing field, wrong type, negative quantity).
 * `field` is the offending path, e.g. `Items[3].Quantity`. On a write the call's status was 2xx
 * but its result is unreadable, so the caller must look the natural key up: ambiguous.
 */
export class MalformedResponseError extends ScendError {
  override readonly name = 'MalformedResponseError';
  readonly code = 'MALFORMED_RESPONSE';
  readonly retry: RetryClass;
  constructor(
    ctx: CallContext,
    readonly status: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(ctx, `malformed ${status} response: ${field ? `${field}: ` : ''}${problem}`);
    this.retry = isWrite(ctx.method) ? 'ambiguous' : 'permanent';
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, field: this.field, problem: this.problem };
  }
}

/** A status the contract does not use for this call (e.g. 3xx, 418, a 4xx without a known Code). */
export class UnexpectedResponseError extends ScendError {
  override readonly name = 'UnexpectedResponseError';
  readonly code = 'UNEXPECTED_RESPONSE';
  readonly retry: RetryClass = 'permanent';
  constructor(
    ctx: CallContext,
    readonly status: number,
    detail: string,
  ) {
    super(ctx, `unexpected ${status} response${detail ? `: ${detail}` : ''}`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}

/** Not enough governance left for another https.request (+ reserve). Nothing was sent. */
export class BudgetExhaustedError extends ScendError {
  override readonly name = 'BudgetExhaustedError';
  readonly code = 'BUDGET_EXHAUSTED';
  readonly retry: RetryClass = 'retryable';
  constructor(
    ctx: CallContext,
    readonly remainingUnits: number,
    readonly requiredUnits: number,
  ) {
    super(ctx, `governance budget exhausted: ${remainingUnits} units left, ${requiredUnits} needed`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), remainingUnits: this.remainingUnits, requiredUnits: this.requiredUnits };
  }
}

/** NetSuite refused to send the API key to the base URL's host: a configuration problem, nothing sent. */
export const isSecretHostRefusal = (e: unknown): e is TransportFailedError => e instanceof TransportFailedError && e.kind === 'secretHost';

export function isScendError(e: unknown): e is ScendError {
  return e instanceof ScendError;
}
