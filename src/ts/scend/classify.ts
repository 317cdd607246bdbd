/** Turns a non-2xx Scend answer into the matching named error. Pure: no I/O. */
import {
  ERROR_CODES,
  ORDER_STATUSES,
  SIMULATOR_ERROR_CODES,
  type DuplicateAsnDetail,
  type DuplicateOrderDetail,
  type SimulatorErrorCode,
  type ErrorCode,
  type OrderStatus,
  type SkuInUseDetail,
  type SkuLineDetail,
  type ValidationDetail,
} from './contract';
import {
  AmendTooLateError,
  CancelTooLateError,
  DuplicateAsnError,
  DuplicateOrderError,
  CursorExpiredError,
  InvalidShipToError,
  NonPhysicalItemError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SkuInUseError,
  UnauthorizedError,
  UnexpectedResponseError,
  UnknownSkuError,
  ValidationFailedError,
  type CallContext,
  type ScendError,
} from './errors';
import { headerValue, type HttpResponse } from './transport';

interface ParsedErrorBody {
  code: ErrorCode | SimulatorErrorCode | undefined;
  message: string;
  details: unknown[];
}

const MAX_MESSAGE = 300;
const clip = (text: string): string => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 3)}...` : text);

/**
 * Lenient: an error body that is not the contract's shape still yields a classification.
 * `redact` scrubs anything the server echoed that must not reach a log (the API key).
 */
function parseErrorBody(raw: string, redact: (text: string) => string): ParsedErrorBody {
  let parsed: unknown;
  const body = redact(raw);
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: undefined, message: clip(body), details: [] };
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const known: readonly unknown[] = [...ERROR_CODES, ...SIMULATOR_ERROR_CODES];
  const code = known.indexOf(record.Code) >= 0 ? (record.Code as ErrorCode | SimulatorErrorCode) : undefined;
  const message = typeof record.Message === 'string' ? clip(record.Message) : '';
  const details = Array.isArray(record.Details) ? record.Details : [];
  return { code, message, details };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): v is string => typeof v === 'string';

function skuLines(details: unknown[]): SkuLineDetail[] {
  return details.filter(isRecord).flatMap((d) => (str(d.LineRef) && str(d.Sku) ? [{ LineRef: d.LineRef, Sku: d.Sku }] : []));
}

function orderStatus(details: unknown[]): OrderStatus | undefined {
  for (const d of details.filter(isRecord)) {
    if ((ORDER_STATUSES as readonly unknown[]).indexOf(d.Status) >= 0) return d.Status as OrderStatus;
  }
  return undefined;
}

function duplicateAsn(details: unknown[]): DuplicateAsnDetail | undefined {
  const found = details.filter(isRecord).find((d) => str(d.AsnId));
  return found ? { AsnId: found.AsnId as string } : undefined;
}

function duplicateOrder(details: unknown[]): DuplicateOrderDetail | undefined {
  const found = details.filter(isRecord).find((d) => str(d.OrderId));
  return found ? { OrderId: found.OrderId as string } : undefined;
}

function skuHolders(details: unknown[]): SkuInUseDetail[] {
  return details
    .filter(isRecord)
    .flatMap((d) => (str(d.Sku) && str(d.ExternalId) ? [{ Sku: d.Sku, ExternalId: d.ExternalId }] : []));
}

function validationFields(details: unknown[]): ValidationDetail[] {
  return details
    .filter(isRecord)
    .flatMap((d) => (str(d.Field) ? [{ Field: d.Field, Message: str(d.Message) ? d.Message : '' }] : []));
}

/** Retry-After in seconds (the contract sends integer seconds; an HTTP date is not expected). */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return parseInt(value, 10);
}

export function classifyFailure(ctx: CallContext, res: HttpResponse, redact: (text: string) => string): ScendError {
  const { status } = res;
  if (status === 429) return new RateLimitedError(ctx, parseRetryAfter(headerValue(res.headers, 'Retry-After')));
  const body = parseErrorBody(res.body, redact);
  if (status >= 500 && status <= 599) {
    const code = body.code === 'INTERNAL' || body.code === 'UNAVAILABLE' ? body.code : status === 500 ? 'INTERNAL' : 'UNAVAILABLE';
    return new ServerError(ctx, status, code, body.message);
  }
  if (status === 401) return new UnauthorizedError(ctx, status, body.message, body.details);
  if (status < 400 || status > 499 || body.code === undefined) {
    return new UnexpectedResponseError(ctx, status, body.code ?? body.message);
  }
  const { message, details } = body;
  switch (body.code) {
    case 'VALIDATION_FAILED':
      return new ValidationFailedError(ctx, status, message, details, validationFields(details));
    case 'NOT_FOUND':
      return new NotFoundError(ctx, status, message, details);
    case 'SKU_IN_USE':
      return new SkuInUseError(ctx, status, message, details, skuHolders(details));
    case 'INVALID_SHIP_TO':
      return new InvalidShipToError(ctx, status, message, details);
    case 'UNKNOWN_SKU':
      return new UnknownSkuError(ctx, status, message, details, skuLines(details));
    case 'NON_PHYSICAL_ITEM':
      return new NonPhysicalItemError(ctx, status, message, details, skuLines(details));
    case 'CANCEL_TOO_LATE':
      return new CancelTooLateError(ctx, status, message, details, orderStatus(details));
    case 'AMEND_TOO_LATE':
      return new AmendTooLateError(ctx, status, message, details, orderStatus(details));
    case 'DUPLICATE_ASN':
      return new DuplicateAsnError(ctx, status, message, details, duplicateAsn(details));
    case 'CURSOR_EXPIRED':
      return new CursorExpiredError(ctx, status, message, details);
    case 'DUPLICATE_ORDER':
      return new DuplicateOrderError(ctx, status, message, details, duplicateOrder(details));
    case 'UNAUTHORIZED':
      return new UnauthorizedError(ctx, status, message, details);
    case 'RATE_LIMITED':
    case 'INTERNAL':
    case 'UNAVAILABLE':
      // A 4xx status with a 429/5xx code: the status is what the contract binds, so it is unexpected.
      return new UnexpectedResponseError(ctx, status, body.code);
    default: {
      const unreachable: never = body.code;
      return unreachable;
    }
  }
}
