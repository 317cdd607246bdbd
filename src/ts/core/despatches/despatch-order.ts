/**
 * What a despatch import knows about the sales order a despatch belongs to, read for a whole batch
 * in getInputData (a few searches per batch), so each despatch key pays only for its fulfilment.
 */
import type { Despatch } from '../../scend/contract';

/** How an item tracks units: by lot, by serial number, or not at all. */
export type NumberTracking = 'lot' | 'serial' | 'none';

export interface KitMemberFacts {
  itemId: string;
  /** The SKU Scend knows for the member. */
  sku: string;
  /** Member units per kit. */
  quantity: number;
}

export interface OrderLineFacts {
  /** The sales order line id: the LineRef the order was sent with (`<line>.<member item>` for kit members). */
  line: string;
  itemId: string;
  /** NetSuite item type code (InvtPart, Assembly, Kit, ...). */
  itemType: string;
  /** The SKU Scend knows (custitem_scend_sku, else the item name). */
  sku: string;
  ordered: number;
  fulfilled: number;
  isClosed: boolean;
  tracking: NumberTracking;
  /** Kits only: the physical members Scend picks. */
  members?: KitMemberFacts[];
}

export interface DespatchOrder {
  salesOrderId: string;
  tranId: string;
  /** orderstatus letter: C cancelled, H closed; A not approved. */
  status: string;
  lines: OrderLineFacts[];
}

/** One despatch key's input, prepared in getInputData. */
export interface DespatchWork {
  despatchId: string;
  /** The checked despatch; absent when it did not match the contract (see `malformed`). */
  despatch?: Despatch;
  malformed?: { problem: string; raw: string };
  /** The order by the ledger (ClientReference); absent when no ledger row has it. */
  order?: DespatchOrder;
  /** The shipping method mapped back from the despatch's courier service. */
  shipMethodId?: string;
  /** Lot/serial number text -> NetSuite inventorynumber id, by `<itemId>|<number>`. */
  numbers: Record<string, string>;
  /** A fulfilment with this despatch's externalid already exists (a redelivered despatch). */
  recorded?: boolean;
}

export const fulfilmentExternalId = (despatchId: string): string => `despatch:${despatchId}`;
export const numberKey = (itemId: string, number: string): string => `${itemId}|${number}`;

/** Sales order statuses a despatch can no longer be recorded against. */
export const CLOSED_ORDER_STATUSES: Readonly<Record<string, string>> = { A: 'pending approval', C: 'cancelled', H: 'closed' };
