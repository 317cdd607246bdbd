/** A Scend client error as the item-master rules see it. Anything that is not a Scend error is a bug and propagates. */
import { ScendError, SkuInUseError } from '../../scend/errors';
import type { UpsertFailure } from './upsert-outcome';

export function toUpsertFailure(e: unknown): UpsertFailure {
  if (!(e instanceof ScendError)) throw e;
  const failure: UpsertFailure = { code: e.code, retry: e.retry, message: e.message };
  if (e instanceof SkuInUseError && e.holders.length > 0) failure.skuHolder = e.holders[0].ExternalId;
  return failure;
}
