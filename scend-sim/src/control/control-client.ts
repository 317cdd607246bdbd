import type { Despatch, Order, Product, ProductUpsert, Receipt, Return, StockItem, StockMovement } from '../contract/types';
import type { AutopilotLogEntry, AutopilotSettings } from '../engine/autopilot';
import type { FeedSettings } from '../engine/feed';
import type { MessyDespatchSpec } from '../engine/messy-despatch';
import type { LedgerEntry, StockRow } from '../engine/stock-ledger';
import type { AsnRecord, DespatchSpec, MovementSpec, ReceiveSpec, ReturnSpec, SetStockSpec } from '../engine/types';
import type { SimConfig } from '../http/control-routes';
import type { FaultRule, FaultRuleInput } from '../http/faults';
import type { RequestLogEntry } from '../http/request-log';
import type { DeliveryRecord } from '../http/webhook-dispatcher';

/** An order with the warehouse's private view. */
export type SimOrder = Order & { Warehouse: string | null; HoldReason: string | null };

export interface AutopilotState {
  settings: AutopilotSettings;
  /** ISO instant of the next due step, or null. */
  nextDueAt: string | null;
  log: AutopilotLogEntry[];
}

/** A /_sim call the simulator refused (illegal transition, short stock, unknown id...). */
export class SimControlRequestError extends Error {
  override readonly name = 'SimControlRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Typed async client for the simulator's /_sim control surface (works in-process or against a child process). */
export class SimControlClient {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new SimControlRequestError(res.status, parsed?.Code ?? 'UNKNOWN', parsed?.Message ?? text);
    return parsed as T;
  }

  health() {
    return this.call<{ ok: boolean }>('GET', '/health');
  }
  /** Back to the seeded catalogue; clears faults, rate-limit windows, the request log and webhook deliveries. */
  reset() {
    return this.call<{ ok: boolean }>('POST', '/reset');
  }
  config() {
    return this.call<SimConfig>('GET', '/config');
  }
  configure(patch: Partial<SimConfig>) {
    return this.call<SimConfig>('POST', '/config', patch);
  }

  orders(clientReference?: string) {
    return this.call<SimOrder[]>('GET', `/orders${clientReference === undefined ? '' : `?clientReference=${encodeURIComponent(clientReference)}`}`);
  }
  order(orderId: string) {
    return this.call<SimOrder>('GET', `/orders/${encodeURIComponent(orderId)}`);
  }
  release(orderId: string) {
    return this.call<Order>('POST', `/orders/${encodeURIComponent(orderId)}/release`);
  }
  pick(orderId: string) {
    return this.call<Order>('POST', `/orders/${encodeURIComponent(orderId)}/pick`);
  }
  /** PICKING -> PACKING: from here the order can no longer be cancelled. */
  pack(orderId: string) {
    return this.call<Order>('POST', `/orders/${encodeURIComponent(orderId)}/pack`);
  }
  finishPacking(orderId: string) {
    return this.call<Order>('POST', `/orders/${encodeURIComponent(orderId)}/finish-packing`);
  }
  hold(orderId: string, reason?: string) {
    return this.call<Order>('POST', `/orders/${encodeURIComponent(orderId)}/hold`, reason === undefined ? {} : { Reason: reason });
  }
  despatch(orderId: string, spec: DespatchSpec = {}) {
    return this.call<Despatch>('POST', `/orders/${encodeURIComponent(orderId)}/despatch`, spec);
  }

  bookMovement(spec: MovementSpec) {
    return this.call<StockMovement>('POST', '/movements', spec);
  }
  setStock(spec: SetStockSpec) {
    return this.call<StockItem>('POST', '/stock', spec);
  }
  stock() {
    return this.call<StockItem[]>('GET', '/stock');
  }
  ledger() {
    return this.call<{ rows: StockRow[]; entries: LedgerEntry[] }>('GET', '/ledger');
  }

  asn(asnId: string) {
    return this.call<AsnRecord>('GET', `/asns/${encodeURIComponent(asnId)}`);
  }
  receiveAsn(asnId: string, spec: ReceiveSpec = {}) {
    return this.call<Receipt>('POST', `/asns/${encodeURIComponent(asnId)}/receive`, spec);
  }
  closeAsn(asnId: string) {
    return this.call<AsnRecord>('POST', `/asns/${encodeURIComponent(asnId)}/close`);
  }
  bookReturn(spec: ReturnSpec) {
    return this.call<Return>('POST', '/returns', spec);
  }

  upsertProduct(product: ProductUpsert) {
    return this.call<Product>('PUT', `/products/${encodeURIComponent(product.ExternalId)}`, product);
  }
  renameProduct(externalId: string, newSku: string) {
    return this.call<Product>('POST', `/products/${encodeURIComponent(externalId)}/rename`, { Sku: newSku });
  }
  removeProduct(externalId: string) {
    return this.call<{ ok: boolean }>('DELETE', `/products/${encodeURIComponent(externalId)}`);
  }

  faults() {
    return this.call<FaultRule[]>('GET', '/faults');
  }
  addFault(rule: FaultRuleInput) {
    return this.call<FaultRule>('POST', '/faults', rule);
  }
  removeFault(id: string) {
    return this.call<{ ok: boolean }>('DELETE', `/faults/${encodeURIComponent(id)}`);
  }
  clearFaults() {
    return this.call<{ ok: boolean }>('DELETE', '/faults');
  }

  now() {
    return this.call<{ now: string; frozen: boolean }>('GET', '/clock');
  }
  /** The autopilot's settings, when its next step is due and its last steps. */
  autopilot() {
    return this.call<AutopilotState>('GET', '/autopilot');
  }
  /** Turn the warehouse's own movement on/off and tune it (only the keys given change). */
  configureAutopilot(patch: Partial<AutopilotSettings>) {
    return this.call<AutopilotState>('POST', '/autopilot', patch);
  }
  feeds() {
    return this.call<FeedSettings>('GET', '/feeds');
  }
  /** At-least-once delivery: redeliveryRate, cursorRetentionMs, lateEventRate, lateEventDelayMs. */
  configureFeeds(patch: Partial<FeedSettings>) {
    return this.call<FeedSettings>('POST', '/feeds', patch);
  }
  /** Messy lists: products and stock in a seeded order the contract does not promise. */
  configureMessy(patch: { shuffleLists?: boolean }) {
    return this.call<{ shuffleLists: boolean }>('POST', '/messy', patch);
  }
  /** A despatch the books cannot explain, straight into the feed (stock and status do not move). */
  messyDespatch(spec: MessyDespatchSpec) {
    return this.call<Despatch>('POST', '/messy/despatch', spec);
  }
  /** Move the simulator's clock: jump to `at` (optionally frozen), advance by `advanceMs`, or `resume` real time. */
  setClock(spec: { at?: string; frozen?: boolean; advanceMs?: number; resume?: boolean }) {
    return this.call<{ now: string; frozen: boolean }>('POST', '/clock', spec);
  }

  requests() {
    return this.call<RequestLogEntry[]>('GET', '/requests');
  }
  clearRequests() {
    return this.call<{ ok: boolean }>('DELETE', '/requests');
  }
  webhookDeliveries() {
    return this.call<DeliveryRecord[]>('GET', '/webhook-deliveries');
  }
}
