/** What the order use cases need from the outside world, as narrow interfaces (adapters implement them). */
import type { CancelResult, Order, OrderAmend, OrderCreate, OrderCreated } from '../../scend/contract';
import type { ExceptionDraft, ExceptionType } from '../exceptions/exception';
import type { LedgerEntry, LedgerPatch, NewLedgerEntry, SyncState } from '../sync/ledger';

export type LedgerCreateResult = { created: true; id: string } | { created: false };

export interface LedgerStore {
  find(key: string): LedgerEntry | undefined;
  /** Creates with externalid = key; `created: false` when NetSuite refused a second one (DUP_RCRD). */
  create(entry: NewLedgerEntry): LedgerCreateResult;
  /** Last writer wins (record.submitFields): only for an entry this actor holds the claim on. */
  update(id: string, patch: LedgerPatch): void;
  /**
   * Compare-and-set: applies `patch` only if the entry is still as `seen` (same state and attempts)
   * and nobody saves it in between — NetSuite's optimistic locking (RCRD_HAS_BEEN_CHANGED) decides.
   * False: another actor moved it first; it owns the next step.
   */
  claim(seen: LedgerEntry, patch: LedgerPatch): boolean;
}

export interface ExceptionSink {
  /** Opens an exception, or updates the open one with the same dedupe key. */
  raise(draft: ExceptionDraft, now: Date): void;
  /** Resolves the open exceptions of these types linked to a transaction; returns how many. */
  resolveForTransaction(transactionId: string, types: readonly ExceptionType[], now: Date): number;
}

/** Scend order operations; they throw ScendError subclasses (classified by `retry`). */
export interface ScendOrders {
  createOrder(body: OrderCreate): OrderCreated;
  findOrdersByClientReference(clientReference: string): Order[];
  getOrder(orderId: string): Order;
  cancelOrder(orderId: string): CancelResult;
  amendOrder(orderId: string, body: OrderAmend): Order;
}

/** A ledger entry holding a ClientReference (see duplicate-reference.ts). */
export interface ReferenceHolder {
  entryId: string;
  transactionId: string;
  /** How a person finds the order ("Sales Order #SO123"). */
  orderLabel: string;
  state: SyncState;
  scendId?: string;
}

/** Which order ledger entries hold a ClientReference: one NetSuite search, so it costs the same at any volume. */
export interface ReferenceLookup {
  holders(clientReference: string): ReferenceHolder[];
}

export interface OrderPorts {
  ledger: LedgerStore;
  exceptions: ExceptionSink;
  scend: ScendOrders;
  /** Needed only where a ClientReference may repeat (the customer's PO number). */
  references?: ReferenceLookup;
}
