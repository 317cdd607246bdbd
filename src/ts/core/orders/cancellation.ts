/**
 * Whether NetSuite may cancel or close an order Scend may hold. Scend's own cancel call is the
 * live status check (it refuses from PACKING on), so the decision reads its answer.
 */
import type { OrderStatus } from '../../scend/contract';
import type { UnreachablePolicy } from '../config';

export type CancelAnswer =
  | { kind: 'cancelled' }
  | { kind: 'too-late'; status: OrderStatus | undefined }
  | { kind: 'unreachable'; reason: string };

export type CancelDecision =
  | { kind: 'proceed' }
  | { kind: 'proceed-and-flag'; reason: string }
  | { kind: 'refuse'; message: string; conflict: boolean };

export const PACKING_MESSAGE =
  'The warehouse is already packing this order, so it can no longer be cancelled or closed. ' +
  'Do not refund the customer — raise a return instead once it is delivered.';

export const SHIPPED_MESSAGE =
  'The warehouse has already despatched this order, so it can no longer be cancelled or closed. ' +
  'Do not refund the customer — raise a return instead.';

export const unreachableMessage = (reason: string): string =>
  `The warehouse (Scend) could not be reached to stop this order (${reason}), so it may still ship. ` +
  'Nothing was changed: try again in a few minutes, or ask the connector administrator.';

export function decideCancellation(answer: CancelAnswer, policy: UnreachablePolicy): CancelDecision {
  switch (answer.kind) {
    case 'cancelled':
      return { kind: 'proceed' };
    case 'too-late':
      return { kind: 'refuse', message: answer.status === 'DESPATCHED' ? SHIPPED_MESSAGE : PACKING_MESSAGE, conflict: true };
    case 'unreachable':
      return policy === 'allowAndFlag'
        ? { kind: 'proceed-and-flag', reason: answer.reason }
        : { kind: 'refuse', message: unreachableMessage(answer.reason), conflict: false };
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}
