/** The units of work drift detection hands from getInputData to map, and what map reports back. */
import type { ScendOrderState } from '../../core/drift/live-orders';
import type { OpenSentOrder, UnsentApprovedOrder } from '../../core/drift/order-drift';
import type { ItemSnapshot } from '../../core/items/item';

export type DriftWork =
  /** `scend`: its state from Scend's live-order lists; absent, map reads the order by id. */
  | { k: 'order'; order: OpenSentOrder; scend?: ScendOrderState }
  | { k: 'unsent'; order: UnsentApprovedOrder }
  | { k: 'item'; item: ItemSnapshot };

/** Map output per subject: the dedupe key raised (null: aligned). */
export interface DriftOutcome {
  subject: string;
  raised: string | null;
  /** Both sides cancelled: the ledger was marked cancelled. */
  repaired?: boolean;
  /** Not checked: Scend asked the run to slow down (429); the subject's exceptions stay as they are. */
  deferred?: boolean;
}

export const workSubject = (w: DriftWork): string => (w.k === 'item' ? `item:${w.item.id}` : `order:${w.order.transactionId}`);
