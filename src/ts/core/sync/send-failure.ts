/**
 * What a failed POST /v1/orders means for the ledger and for people:
 * - ambiguous (timeout, 5xx, dropped connection, unreadable 2xx): Scend may have the order, so the
 *   entry stays `sending` and the next attempt looks the ClientReference up first;
 * - retryable (nothing applied): `retrying` with exponential backoff;
 * - permanent: `blocked` with an exception for the team that can fix it;
 * - after maxAttempts: `failed` with an admin exception.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import {
  invalidPayloadException,
  missingAddressException,
  orderRejectedException,
  retriesExhaustedException,
  type OrderRef,
} from '../orders/order-exceptions';
import type { RetrySettings } from '../orders/settings';
import { RateLimitedError, ScendContractError, type ScendError } from '../../scend/errors';
import { nextAttemptAt } from './backoff';
import { BLOCKED_RECHECK_MS, type LedgerEntry, type LedgerPatch } from './ledger';

export interface FailureDecision {
  patch: LedgerPatch;
  exceptions: ExceptionDraft[];
}

export function describeError(error: ScendError): string {
  return `${error.code} (${error.retry}): ${error.message}`.slice(0, 1000);
}

export function unauthorizedException(): ExceptionDraft {
  return {
    type: 'configuration',
    owner: 'admin',
    dedupeKey: dedupeKey('configuration', 'connector', 'unauthorized'),
    message:
      'Scend refused the connector\'s API key (401). No orders can be sent until it is fixed. ' +
      'Update the NetSuite API Secret named in the Scend configuration record; queued orders are sent on the next run.',
  };
}

function permanent(order: OrderRef, error: ScendContractError, now: Date): FailureDecision {
  const blocked = (exception: ExceptionDraft): FailureDecision => ({
    patch: { state: 'blocked', lastError: describeError(error), nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) },
    exceptions: [exception],
  });
  switch (error.code) {
    case 'INVALID_SHIP_TO':
      return blocked(missingAddressException(order, [error.scendMessage || 'a complete address']));
    case 'UNKNOWN_SKU':
    case 'NON_PHYSICAL_ITEM':
      return blocked(orderRejectedException(order, error.code, error.scendMessage, error.details));
    case 'UNAUTHORIZED':
      // Not the order's fault: keep it queued, tell the admin once for all orders.
      return {
        patch: { state: 'retrying', lastError: describeError(error), nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) },
        exceptions: [unauthorizedException()],
      };
    default:
      return blocked(invalidPayloadException(order, error.code, error.scendMessage, error.details));
  }
}

export function decideAfterSendFailure(
  entry: Pick<LedgerEntry, 'attempts'>,
  order: OrderRef,
  error: ScendError,
  settings: RetrySettings,
  now: Date,
): FailureDecision {
  if (error.retry === 'permanent' && error instanceof ScendContractError) return permanent(order, error, now);
  const lastError = describeError(error);
  if (error.retry === 'permanent') {
    return { patch: { state: 'blocked', lastError, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) }, exceptions: [invalidPayloadException(order, error.code, error.message, [])] };
  }
  if (entry.attempts >= settings.maxAttempts) {
    // An ambiguous last attempt stays `sending`-like in meaning: the admin's reset puts it back in
    // the queue, and the lookup still runs first because `failed` entries are always looked up.
    return { patch: { state: 'failed', lastError, nextAttemptAt: null }, exceptions: [retriesExhaustedException(order, entry.attempts, lastError)] };
  }
  const retryAfter = error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
  return {
    patch: {
      state: error.retry === 'ambiguous' ? 'sending' : 'retrying',
      lastError,
      nextAttemptAt: nextAttemptAt(entry.attempts, now, retryAfter),
    },
    exceptions: [],
  };
}
