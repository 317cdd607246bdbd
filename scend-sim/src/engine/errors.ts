import type { ErrorCode } from '../contract/types';

/**
 * DUPLICATE_ORDER is a simulator extension, answered only when `uniqueClientReference` is on
 * (the contract says Scend itself does not reject a reused ClientReference).
 */
export type SimErrorCode = ErrorCode | 'DUPLICATE_ORDER';

/** An error the contract defines: the HTTP layer turns it into `{ Code, Message, Details }` with `status`. */
export class ScendApiError extends Error {
  override readonly name = 'ScendApiError';

  constructor(
    readonly status: number,
    readonly code: SimErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

export function validationFailed(details: { Field: string; Message: string }[]): ScendApiError {
  const first = details[0];
  const summary = first ? `${first.Field}: ${first.Message}` : 'invalid request';
  return new ScendApiError(400, 'VALIDATION_FAILED', `Validation failed (${summary})`, details);
}

export function notFound(what: string, id: string): ScendApiError {
  return new ScendApiError(404, 'NOT_FOUND', `${what} ${id} not found`);
}

export type ControlErrorCode = 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'INSUFFICIENT_STOCK' | 'INVALID' | 'UNKNOWN_SKU';

/** A misuse of the control surface (release a cancelled order, despatch more than ordered...). Never part of the contract. */
export class SimControlError extends Error {
  override readonly name = 'SimControlError';

  constructor(
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
  }
}
