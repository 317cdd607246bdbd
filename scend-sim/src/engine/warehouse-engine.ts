import type {
  AsnCreate,
  AsnCreated,
  CancelResult,
  Despatch,
  DespatchLine,
  ListPage,
  Order,
  OrderAmend,
  OrderCreate,
  OrderCreated,
  OrderEvent,
  OrderStatus,
  Parcel,
  Product,
  ProductUpsert,
  Receipt,
  ReceiptLine,
  Return,
  SkuLineDetail,
  StockItem,
  StockMovement,
  StockSnapshotPage,
  Webhook,
  WebhookEvent,
  WebhookRegistration,
} from '../contract/types';
import { Catalogue } from './catalogue';
import { AdjustableClock, type Clock, iso } from './clock';
import { outstanding, planParcels } from './despatch-plan';
import { notFound, ScendApiError, SimControlError } from './errors';
import { DEFAULT_FEED_SETTINGS, Feed, type FeedContext, type FeedSettings } from './feed';
import {
  checkAsnCreate,
  checkOrderAmend,
  checkOrderCreate,
  checkProductUpsert,
  checkShipToAddress,
  checkWebhookRegistration,
} from './request-validation';
import { SeededRng } from './rng';
import { StockLedger, type StockRow } from './stock-ledger';
import type {
  AsnRecord,
  DespatchSpec,
  MovementSpec,
  OrderRecord,
  ReceiveSpec,
  ReturnSpec,
  SeedCatalogue,
  SetStockSpec,
} from './types';

export interface EngineOptions {
  /** Seed for tracking numbers, serials and anything else random. Default 1. */
  seed?: number;
  clock?: Clock;
  /** Warehouse codes; the first one that can fill a whole order gets it. Default ['UK1', 'UK2']. */
  warehouses?: string[];
  /** Reject a second live order with the same ClientReference (409 DUPLICATE_ORDER). Default false, like Scend. */
  uniqueClientReference?: boolean;
  catalogue?: SeedCatalogue;
  /** How many stock snapshots stay readable through `snapshotId`. Default 50. */
  snapshotsKept?: number;
  /** At-least-once delivery: redelivery, cursor retention, late order events. */
  feeds?: Partial<FeedSettings>;
  /** List products and stock in a seeded order the contract does not promise (stable across pages). Default false. */
  shuffleLists?: boolean;
}

export interface PageArgs {
  page: number;
  pageSize: number;
}

type WebhookListener = (event: WebhookEvent, data: unknown) => void;

interface Snapshot {
  SnapshotId: string;
  AsOf: string;
  items: StockItem[];
}

const OPEN_STATUSES: OrderStatus[] = ['RELEASED', 'PICKING', 'PACKING', 'PACKED'];
const CANCELLABLE: OrderStatus[] = ['RECEIVED', 'RELEASED', 'PICKING', 'ON_HOLD'];
const HOLDABLE: OrderStatus[] = ['RECEIVED', 'RELEASED', 'PICKING'];

function page<T>(items: T[], args: PageArgs): ListPage<T> {
  const from = (args.page - 1) * args.pageSize;
  return { Items: items.slice(from, from + args.pageSize), Page: args.page, PageSize: args.pageSize, TotalItems: items.length };
}

function id(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** Everything `reset()` throws away. */
class EngineState {
  readonly catalogue = new Catalogue();
  readonly ledger: StockLedger;
  readonly orders = new Map<string, OrderRecord>();
  readonly asns = new Map<string, AsnRecord>();
  readonly snapshots = new Map<string, Snapshot>();
  readonly webhooks = new Map<string, Webhook & { Secret: string }>();
  readonly orderEvents: Feed<OrderEvent>;
  readonly despatches: Feed<Despatch>;
  readonly movements: Feed<StockMovement>;
  readonly receipts: Feed<Receipt>;
  readonly returns: Feed<Return>;
  readonly counters = { order: 0, despatch: 0, asn: 0, receipt: 0, ret: 0, movement: 0, snapshot: 0, webhook: 0, serial: 0, event: 0 };
  /** Order events held back to arrive late (appended once `releaseAt` has passed). */
  readonly lateEvents: { event: OrderEvent; releaseAt: number }[] = [];

  constructor(epoch: number, now: () => string, feeds: FeedContext) {
    this.ledger = new StockLedger(now);
    this.orderEvents = new Feed('order-events', epoch, (e) => e.At, feeds);
    this.despatches = new Feed('despatches', epoch, (d) => d.DespatchedAt, feeds);
    this.movements = new Feed('stock-movements', epoch, (m) => m.OccurredAt, feeds);
    this.receipts = new Feed('receipts', epoch, (r) => r.ReceivedAt, feeds);
    this.returns = new Feed('returns', epoch, (r) => r.ReceivedAt, feeds);
  }
}

/**
 * The simulated warehouse: the contract's operations (what `/v1` calls) and the warehouse's own
 * actions (what the control surface drives). No HTTP here; the clock and randomness are injected.
 * Stock is allocated when an order is RELEASED (not at receipt), and freed by hold or cancel.
 */
export class WarehouseEngine {
  readonly clock: Clock;
  readonly warehouses: string[];
  uniqueClientReference: boolean;
  shuffleLists: boolean;
  /** Live feed settings (the control surface changes them). */
  readonly feedSettings: FeedSettings;
  private rng: SeededRng;
  private feedRng: SeededRng;
  private epoch = 0;
  private state!: EngineState;
  private readonly listeners: WebhookListener[] = [];
  private readonly orderListeners: Array<(orderId: string) => void> = [];

  constructor(private readonly options: EngineOptions = {}) {
    this.clock = options.clock ?? new AdjustableClock();
    this.warehouses = options.warehouses ?? ['UK1', 'UK2'];
    this.uniqueClientReference = options.uniqueClientReference ?? false;
    this.shuffleLists = options.shuffleLists ?? false;
    this.feedSettings = { ...DEFAULT_FEED_SETTINGS, ...options.feeds };
    this.rng = new SeededRng(options.seed ?? 1);
    this.feedRng = new SeededRng((options.seed ?? 1) ^ 0xfeed);
    this.reset();
  }

  /** Back to the seeded catalogue and opening stock; old cursors and snapshot ids stop working. */
  reset(): void {
    this.epoch += 1;
    this.rng = new SeededRng(this.options.seed ?? 1);
    this.feedRng = new SeededRng((this.options.seed ?? 1) ^ 0xfeed);
    const feeds: FeedContext = { clock: this.clock, settings: this.feedSettings, random: () => this.feedRng.next() };
    this.state = new EngineState(this.epoch, () => this.nowIso(), feeds);
    const seed = this.options.catalogue;
    if (!seed) return;
    for (const p of seed.products) this.state.catalogue.upsert(p);
    for (const s of seed.stock) {
      const product = this.productBySku(s.Sku);
      this.state.ledger.apply('INITIAL', product.ExternalId, this.warehouse(s.Warehouse), { onHand: s.OnHand, damaged: s.Damaged ?? 0 }, 'SEED');
    }
  }

  onWebhookEvent(listener: WebhookListener): void {
    this.listeners.push(listener);
  }

  /**
   * Told the id of every order whose status, hold reason or despatches changed (and of each new
   * order), so the autopilot reschedules just that order instead of scanning them all.
   */
  onOrderChanged(listener: (orderId: string) => void): void {
    this.orderListeners.push(listener);
  }

  nowIso(): string {
    return iso(this.clock.now());
  }

  // ------------------------------------------------------------ products (contract)

  upsertProduct(pathExternalId: string, body: unknown): { product: Product; created: boolean } {
    checkProductUpsert(pathExternalId, body);
    return this.state.catalogue.upsert(body as ProductUpsert);
  }

  getProduct(externalId: string): Product {
    const product = this.state.catalogue.get(externalId);
    if (!product) throw notFound('product', externalId);
    return { ...product };
  }

  listProducts(filter: { sku?: string }, args: PageArgs): ListPage<Product> {
    const all = this.state.catalogue.list().filter((p) => filter.sku === undefined || p.Sku === filter.sku);
    return page(this.listOrder(all, (p) => p.ExternalId).map((p) => ({ ...p })), args);
  }

  // ------------------------------------------------------------ orders (contract)

  createOrder(body: unknown): OrderCreated {
    checkOrderCreate(body);
    const input = body as OrderCreate;
    checkShipToAddress(input.ShipTo);
    this.checkSkus(input.Lines);
    if (this.uniqueClientReference) {
      const live = this.ordersByClientReference(input.ClientReference).find((o) => o.Status !== 'CANCELLED');
      if (live) {
        throw new ScendApiError(409, 'DUPLICATE_ORDER', `ClientReference ${input.ClientReference} is already order ${live.OrderId}`, [{ OrderId: live.OrderId }]);
      }
    }
    const now = this.nowIso();
    const order: OrderRecord = {
      OrderId: id('ORD', ++this.state.counters.order),
      ClientReference: input.ClientReference,
      OrderNumber: input.OrderNumber,
      OrderDate: input.OrderDate,
      ...(input.Channel !== undefined && { Channel: input.Channel }),
      ...(input.CourierService !== undefined && { CourierService: input.CourierService }),
      ...(input.RequiredDespatchDate !== undefined && { RequiredDespatchDate: input.RequiredDespatchDate }),
      ...(input.Notes !== undefined && { Notes: input.Notes }),
      ShipTo: structuredClone(input.ShipTo),
      Lines: structuredClone(input.Lines),
      Status: 'RECEIVED',
      StatusChangedAt: now,
      Despatches: [],
      allocations: new Map(),
      despatched: new Map(),
      returned: new Map(),
    };
    this.state.orders.set(order.OrderId, order);
    this.emitStatus(order);
    return { OrderId: order.OrderId, ClientReference: order.ClientReference, Status: 'RECEIVED' };
  }

  getOrder(orderId: string): Order {
    return this.toOrder(this.order(orderId));
  }

  listOrders(filter: { clientReference?: string; status?: OrderStatus }, args: PageArgs): ListPage<Order> {
    const matches = [...this.state.orders.values()].filter(
      (o) => (filter.clientReference === undefined || o.ClientReference === filter.clientReference) && (filter.status === undefined || o.Status === filter.status),
    );
    return page(matches.map((o) => this.toOrder(o)), args);
  }

  amendOrder(orderId: string, body: unknown): Order {
    const order = this.order(orderId);
    checkOrderAmend(body);
    if (order.Status !== 'RECEIVED') {
      throw new ScendApiError(409, 'AMEND_TOO_LATE', `Order ${orderId} is ${order.Status}; it can be amended only while RECEIVED`, [{ Status: order.Status }]);
    }
    const amend = body as OrderAmend;
    if (amend.ShipTo !== undefined) checkShipToAddress(amend.ShipTo);
    if (amend.Lines !== undefined) this.checkSkus(amend.Lines);
    if (amend.ShipTo !== undefined) order.ShipTo = structuredClone(amend.ShipTo);
    if (amend.Lines !== undefined) order.Lines = structuredClone(amend.Lines);
    return this.toOrder(order);
  }

  cancelOrder(orderId: string): CancelResult {
    const order = this.order(orderId);
    if (order.Status === 'CANCELLED') return { Status: 'CANCELLED' };
    if (!CANCELLABLE.includes(order.Status)) {
      throw new ScendApiError(409, 'CANCEL_TOO_LATE', `Order ${orderId} is ${order.Status}; packing has started`, [{ Status: order.Status }]);
    }
    this.deallocate(order, 'CANCEL');
    this.setStatus(order, 'CANCELLED');
    return { Status: 'CANCELLED' };
  }

  readOrderEvents(cursor: string | undefined, limit: number, since?: string) {
    this.releaseLateEvents();
    return this.state.orderEvents.read(cursor, limit, since);
  }

  readDespatches(cursor: string | undefined, limit: number, since?: string) {
    return this.state.despatches.read(cursor, limit, since);
  }

  readMovements(cursor: string | undefined, limit: number, since?: string) {
    return this.state.movements.read(cursor, limit, since);
  }

  readReceipts(cursor: string | undefined, limit: number, since?: string) {
    return this.state.receipts.read(cursor, limit, since);
  }

  readReturns(cursor: string | undefined, limit: number, since?: string) {
    return this.state.returns.read(cursor, limit, since);
  }

  /** Append the held-back order events whose time has come (their `At` is earlier than what the feed already carries). */
  releaseLateEvents(): void {
    const now = this.clock.now();
    const late = this.state.lateEvents;
    for (let i = 0; i < late.length; ) {
      if (late[i].releaseAt > now) {
        i++;
        continue;
      }
      const [{ event }] = late.splice(i, 1);
      this.state.orderEvents.append(event);
      this.emit('order.status_changed', event);
    }
  }

  /** The seeded order lists use when `shuffleLists` is on: stable for one state, never the natural one promised nowhere. */
  private listOrder<T>(items: T[], key: (item: T) => string): T[] {
    if (!this.shuffleLists) return items;
    const seed = (this.options.seed ?? 1) * 2654435761;
    const rank = (k: string) => {
      let h = seed >>> 0;
      for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619) >>> 0;
      // murmur3's finaliser: keys that differ in their last character land far apart
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    return [...items].sort((a, b) => rank(key(a)) - rank(key(b)));
  }

  // ------------------------------------------------------------ stock (contract)

  /** A page of a frozen snapshot: a new one unless `snapshotId` names one still kept. */
  readStock(query: { warehouse?: string; snapshotId?: string }, args: PageArgs): StockSnapshotPage {
    const snapshot = query.snapshotId === undefined ? this.takeSnapshot() : this.state.snapshots.get(query.snapshotId);
    if (!snapshot) {
      throw new ScendApiError(400, 'VALIDATION_FAILED', `Unknown or expired snapshot ${query.snapshotId}`, [{ Field: 'snapshotId', Message: 'unknown or expired snapshot' }]);
    }
    const items = snapshot.items.filter((i) => query.warehouse === undefined || i.Warehouse === query.warehouse);
    return { SnapshotId: snapshot.SnapshotId, AsOf: snapshot.AsOf, ...page(items.map((i) => ({ ...i })), args) };
  }

  /** Current stock (not a snapshot), for the control surface and tests. */
  stockItems(): StockItem[] {
    const items: StockItem[] = [];
    for (const row of this.state.ledger.allRows()) {
      const product = this.state.catalogue.get(row.externalId);
      if (product) items.push(toStockItem(product.Sku, row));
    }
    return items.sort((a, b) => a.Warehouse.localeCompare(b.Warehouse) || a.Sku.localeCompare(b.Sku));
  }

  stockRows(): StockRow[] {
    return this.state.ledger.allRows().map((r) => ({ ...r }));
  }

  ledger() {
    return this.state.ledger.ledger();
  }

  // ------------------------------------------------------------ inbound (contract)

  createAsn(body: unknown): AsnCreated {
    checkAsnCreate(body, this.warehouses);
    const input = body as AsnCreate;
    const existing = [...this.state.asns.values()].find((a) => a.ClientReference === input.ClientReference);
    if (existing) {
      throw new ScendApiError(409, 'DUPLICATE_ASN', `ASN ${existing.AsnId} already has ClientReference ${input.ClientReference}`, [{ AsnId: existing.AsnId }]);
    }
    this.checkSkus(input.Lines);
    const asn: AsnRecord = {
      AsnId: id('ASN', ++this.state.counters.asn),
      ClientReference: input.ClientReference,
      ...(input.Supplier !== undefined && { Supplier: input.Supplier }),
      Warehouse: input.Warehouse,
      ...(input.ExpectedAt !== undefined && { ExpectedAt: input.ExpectedAt }),
      Lines: input.Lines.map((l) => ({ LineRef: l.LineRef, Sku: l.Sku, QuantityExpected: l.QuantityExpected, received: 0 })),
      Status: 'AWAITING_DELIVERY',
      createdAt: this.clock.now(),
    };
    this.state.asns.set(asn.AsnId, asn);
    return { AsnId: asn.AsnId, Status: 'AWAITING_DELIVERY' };
  }

  registerWebhook(body: unknown): Webhook {
    checkWebhookRegistration(body);
    const input = body as WebhookRegistration;
    const hook = { WebhookId: id('WHK', ++this.state.counters.webhook), Url: input.Url, Events: [...input.Events], Secret: input.Secret };
    this.state.webhooks.set(hook.WebhookId, hook);
    return { WebhookId: hook.WebhookId, Url: hook.Url, Events: [...hook.Events] };
  }

  /** Registered webhooks with their secrets (for the delivery loop; never sent over /v1). */
  webhooks(): (Webhook & { Secret: string })[] {
    return [...this.state.webhooks.values()];
  }

  // ------------------------------------------------------------ warehouse actions (control)

  /** Allocate stock from the first warehouse that can fill every line; short or unknown SKU puts the order ON_HOLD. */
  release(orderId: string): Order {
    const order = this.order(orderId);
    this.expectStatus(order, ['RECEIVED', 'ON_HOLD'], 'release');
    const resolved = order.Lines.map((line) => ({ line, product: this.state.catalogue.findBySku(line.Sku) }));
    const unknown = resolved.filter((r) => !r.product).map((r) => r.line.Sku);
    if (unknown.length > 0) return this.putOnHold(order, `unknown SKU ${unknown.join(', ')}`);
    const need = new Map<string, number>();
    for (const { line, product } of resolved) need.set(product!.ExternalId, (need.get(product!.ExternalId) ?? 0) + line.Quantity);
    const warehouse = this.warehouses.find((w) => [...need].every(([ext, qty]) => this.state.ledger.available(ext, w) >= qty));
    if (!warehouse) return this.putOnHold(order, 'short stock');
    for (const { line, product } of resolved) {
      this.state.ledger.apply('ALLOCATE', product!.ExternalId, warehouse, { allocated: line.Quantity }, order.OrderId);
      order.allocations.set(line.LineRef, { externalId: product!.ExternalId, warehouse, quantity: line.Quantity });
    }
    order.warehouse = warehouse;
    order.holdReason = undefined;
    this.setStatus(order, 'RELEASED');
    return this.toOrder(order);
  }

  pick(orderId: string): Order {
    return this.advance(orderId, 'RELEASED', 'PICKING');
  }

  /** Packing starts: from here the order can no longer be cancelled. */
  pack(orderId: string): Order {
    return this.advance(orderId, 'PICKING', 'PACKING');
  }

  finishPacking(orderId: string): Order {
    return this.advance(orderId, 'PACKING', 'PACKED');
  }

  hold(orderId: string, reason = 'query'): Order {
    const order = this.order(orderId);
    this.expectStatus(order, HOLDABLE, 'hold');
    this.deallocate(order, 'HOLD');
    return this.putOnHold(order, reason);
  }

  /**
   * Ship outstanding units (all, or `spec.Lines`) in one or more parcels. An order not yet packing is
   * walked there first (release, pick, pack). The order becomes DESPATCHED with its last unit.
   */
  despatch(orderId: string, spec: DespatchSpec = {}): Despatch {
    const order = this.order(orderId);
    this.walkToPacking(order);
    const plan = planParcels(order, spec);
    const despatchId = id('DSP', ++this.state.counters.despatch);
    const parcels: Parcel[] = plan.map((p) => {
      const lines: DespatchLine[] = p.Lines.map((l) => this.shipLine(order, l.LineRef, l.Quantity, despatchId, l.Lot, l.Serials));
      const weight = lines.reduce((kg, l) => kg + (this.state.catalogue.get(order.allocations.get(l.LineRef)!.externalId)?.WeightKg ?? 0) * l.Quantity, 0);
      const tracking = p.TrackingNumber ?? `SC${this.rng.digits(9)}GB`;
      return { TrackingNumber: tracking, TrackingUrl: `https://track.scend.example/t/${tracking}`, WeightKg: p.WeightKg ?? Math.round(weight * 1000) / 1000, Lines: lines };
    });
    const despatch: Despatch = {
      DespatchId: despatchId,
      OrderId: order.OrderId,
      ClientReference: order.ClientReference,
      DespatchedAt: this.nowIso(),
      Carrier: spec.Carrier ?? 'Royal Mail',
      Service: spec.Service ?? order.CourierService ?? 'TRACKED48',
      Parcels: parcels,
    };
    order.Despatches.push(despatchId);
    order.lastDespatchAt = this.clock.now();
    this.orderChanged(order);
    this.state.despatches.append(despatch);
    this.emit('despatch.created', despatch);
    if (outstanding(order).length === 0) this.setStatus(order, 'DESPATCHED');
    return structuredClone(despatch);
  }

  /**
   * Put a despatch the books never made into the feed (messy data on request): it is appended, listed on
   * the order and pushed as a webhook, but stock and the order's status do not move.
   */
  appendUnbookedDespatch(orderId: string, build: (despatchId: string, order: Readonly<OrderRecord>, rng: SeededRng) => unknown): Despatch {
    const order = this.order(orderId, true);
    const despatchId = id('DSP', ++this.state.counters.despatch);
    const despatch = build(despatchId, order, this.rng) as Despatch;
    order.Despatches.push(despatchId);
    this.state.despatches.append(despatch);
    this.emit('despatch.created', despatch);
    return structuredClone(despatch);
  }

  /** The despatches booked for an order, oldest first. */
  despatchesOf(orderId: string): Despatch[] {
    return this.state.despatches.all().filter((d) => d.OrderId === orderId).map((d) => structuredClone(d));
  }

  bookMovement(spec: MovementSpec): StockMovement {
    const product = this.productBySku(spec.Sku);
    const warehouse = this.warehouse(spec.Warehouse);
    const q = spec.Quantity;
    if (!Number.isInteger(q) || q === 0) throw new SimControlError('INVALID', 'Quantity must be a non-zero integer');
    const signRule: Record<string, (n: number) => boolean> = {
      DAMAGED: (n) => n < 0,
      LOST: (n) => n < 0,
      FOUND: (n) => n > 0,
      RETURN_RESTOCK: (n) => n > 0,
      CYCLE_COUNT: () => true,
      QUARANTINE: () => true,
    };
    if (!signRule[spec.Reason]?.(q)) throw new SimControlError('INVALID', `a ${spec.Reason} movement cannot have Quantity ${q}`);
    const deltas =
      spec.Reason === 'DAMAGED' ? { onHand: q, damaged: -q } : spec.Reason === 'QUARANTINE' ? { onHand: q, quarantined: -q } : { onHand: q };
    const movementId = id('MOV', this.state.counters.movement + 1);
    this.state.ledger.apply('MOVEMENT', product.ExternalId, warehouse, deltas, spec.Reference ?? movementId);
    return this.appendMovement(product.Sku, warehouse, q, spec.Reason, spec.Reference);
  }

  /** Count the shelf to `OnHand`: the difference is booked as a CYCLE_COUNT movement. */
  setStock(spec: SetStockSpec): StockItem {
    const product = this.productBySku(spec.Sku);
    const warehouse = this.warehouse(spec.Warehouse);
    if (!Number.isInteger(spec.OnHand) || spec.OnHand < 0) throw new SimControlError('INVALID', 'OnHand must be a non-negative integer');
    const delta = spec.OnHand - this.state.ledger.row(product.ExternalId, warehouse).onHand;
    if (delta !== 0) this.bookMovement({ Sku: spec.Sku, Warehouse: warehouse, Quantity: delta, Reason: 'CYCLE_COUNT', Reference: 'SET-STOCK' });
    return toStockItem(product.Sku, this.state.ledger.row(product.ExternalId, warehouse));
  }

  receiveAsn(asnId: string, spec: ReceiveSpec = {}): Receipt {
    const asn = this.state.asns.get(asnId);
    if (!asn) throw new SimControlError('NOT_FOUND', `ASN ${asnId} not found`);
    if (asn.Status === 'CLOSED') throw new SimControlError('ILLEGAL_TRANSITION', `ASN ${asnId} is CLOSED`);
    const wanted = spec.Lines ?? this.receiveByMode(asn, spec.Mode ?? 'full');
    if (wanted.length === 0) throw new SimControlError('INVALID', `nothing to receive on ${asnId}`);
    const lines = wanted.map((w) => {
      const asnLine = asn.Lines.find((l) => l.LineRef === w.LineRef);
      if (!asnLine) throw new SimControlError('INVALID', `${asnId} has no line ${w.LineRef}`);
      const damaged = w.QuantityDamaged ?? 0;
      if (!Number.isInteger(w.QuantityReceived) || w.QuantityReceived <= 0 || !Number.isInteger(damaged) || damaged < 0 || damaged > w.QuantityReceived) {
        throw new SimControlError('INVALID', `${w.LineRef}: 0 < QuantityReceived and 0 <= QuantityDamaged <= QuantityReceived`);
      }
      const product = this.state.catalogue.findBySku(asnLine.Sku);
      // A renamed or removed SKU breaks receiving, as it does at Scend.
      if (!product) throw new SimControlError('UNKNOWN_SKU', `${asnLine.Sku} is not in the item master`);
      return { asnLine, product, received: w.QuantityReceived, damaged, lot: w.Lot };
    });
    const receiptId = id('RCT', ++this.state.counters.receipt);
    const receiptLines: ReceiptLine[] = lines.map(({ asnLine, product, received, damaged, lot }) => {
      this.state.ledger.apply('RECEIPT', product.ExternalId, asn.Warehouse, { onHand: received - damaged, damaged }, receiptId);
      asnLine.received += received;
      const Lot = lot ?? (product.LotTracked ? `LOT-${receiptId}-${asnLine.LineRef}` : undefined);
      return { LineRef: asnLine.LineRef, Sku: asnLine.Sku, QuantityReceived: received, QuantityDamaged: damaged, ...(Lot !== undefined && { Lot }) };
    });
    asn.Status = asn.Lines.every((l) => l.received >= l.QuantityExpected) ? 'RECEIVED' : 'PART_RECEIVED';
    const receipt: Receipt = { ReceiptId: receiptId, AsnId: asn.AsnId, ClientReference: asn.ClientReference, ReceivedAt: this.nowIso(), Lines: receiptLines };
    this.state.receipts.append(receipt);
    this.emit('receipt.created', receipt);
    return structuredClone(receipt);
  }

  closeAsn(asnId: string): AsnRecord {
    const asn = this.state.asns.get(asnId);
    if (!asn) throw new SimControlError('NOT_FOUND', `ASN ${asnId} not found`);
    asn.Status = 'CLOSED';
    return structuredClone(asn);
  }

  /** Every ASN (the autopilot receives the ones awaiting delivery). */
  asnRecords(): readonly AsnRecord[] {
    return [...this.state.asns.values()];
  }

  asn(asnId: string): AsnRecord | undefined {
    const asn = this.state.asns.get(asnId);
    return asn && structuredClone(asn);
  }

  /** A customer return: RESTOCK lines go back on hand (and into the movements feed), DAMAGED ones into Damaged. */
  bookReturn(spec: ReturnSpec): Return {
    const order = this.order(spec.OrderId, true);
    if (!order.warehouse || order.Despatches.length === 0) throw new SimControlError('ILLEGAL_TRANSITION', `order ${order.OrderId} has not been despatched`);
    if (spec.Lines.length === 0) throw new SimControlError('INVALID', 'a return needs lines');
    const returnId = id('RTN', this.state.counters.ret + 1);
    const resolved = spec.Lines.map((l) => {
      const product = this.productBySku(l.Sku);
      if (!Number.isInteger(l.Quantity) || l.Quantity <= 0) throw new SimControlError('INVALID', 'return Quantity must be a positive integer');
      return { line: l, product };
    });
    const wanted = new Map<string, number>();
    for (const { line, product } of resolved) wanted.set(product.ExternalId, (wanted.get(product.ExternalId) ?? 0) + line.Quantity);
    for (const [ext, qty] of wanted) {
      const shipped = [...order.allocations.entries()].filter(([, a]) => a.externalId === ext).reduce((n, [ref]) => n + (order.despatched.get(ref) ?? 0), 0);
      if (qty > shipped - (order.returned.get(ext) ?? 0)) throw new SimControlError('INVALID', `returning ${qty} of ${ext} but only ${shipped - (order.returned.get(ext) ?? 0)} despatched and not yet returned`);
    }
    this.state.counters.ret += 1;
    for (const { line, product } of resolved) {
      order.returned.set(product.ExternalId, (order.returned.get(product.ExternalId) ?? 0) + line.Quantity);
      if (line.Condition === 'RESTOCK') {
        this.state.ledger.apply('RETURN', product.ExternalId, order.warehouse, { onHand: line.Quantity }, returnId);
        this.appendMovement(product.Sku, order.warehouse, line.Quantity, 'RETURN_RESTOCK', returnId);
      } else {
        this.state.ledger.apply('RETURN', product.ExternalId, order.warehouse, { damaged: line.Quantity }, returnId);
      }
    }
    const ret: Return = {
      ReturnId: returnId,
      OrderId: order.OrderId,
      ClientReference: order.ClientReference,
      ReceivedAt: this.nowIso(),
      Lines: spec.Lines.map((l) => ({ Sku: l.Sku, Quantity: l.Quantity, Condition: l.Condition, ...(l.Reason !== undefined && { Reason: l.Reason }) })),
    };
    this.state.returns.append(ret);
    this.emit('return.received', ret);
    return structuredClone(ret);
  }

  renameProduct(externalId: string, newSku: string): Product {
    return this.state.catalogue.rename(externalId, newSku);
  }

  removeProduct(externalId: string): void {
    if (!this.state.catalogue.remove(externalId)) throw new SimControlError('NOT_FOUND', `product ${externalId} not found`);
  }

  ordersByClientReference(clientReference: string): Order[] {
    return [...this.state.orders.values()].filter((o) => o.ClientReference === clientReference).map((o) => this.toOrder(o));
  }

  /** Every order with the warehouse's private view (allocation, despatched units). */
  orderRecords(): OrderRecord[] {
    return [...this.state.orders.values()];
  }

  /** One order with the warehouse's private view, if Scend holds it. */
  orderRecord(orderId: string): OrderRecord | undefined {
    return this.state.orders.get(orderId);
  }

  // ------------------------------------------------------------ internals

  private order(orderId: string, control = false): OrderRecord {
    const order = this.state.orders.get(orderId);
    if (order) return order;
    if (control) throw new SimControlError('NOT_FOUND', `order ${orderId} not found`);
    throw notFound('order', orderId);
  }

  private productBySku(sku: string): Product {
    const product = this.state.catalogue.findBySku(sku);
    if (!product) throw new SimControlError('UNKNOWN_SKU', `${sku} is not in the item master`);
    return product;
  }

  private warehouse(code: string): string {
    if (!this.warehouses.includes(code)) throw new SimControlError('INVALID', `unknown warehouse ${code}`);
    return code;
  }

  private checkSkus(lines: { LineRef: string; Sku: string }[]): void {
    const unknown: SkuLineDetail[] = [];
    const nonPhysical: SkuLineDetail[] = [];
    for (const { LineRef, Sku } of lines) {
      const product = this.state.catalogue.findBySku(Sku);
      if (!product) unknown.push({ LineRef, Sku });
      else if (!product.Physical) nonPhysical.push({ LineRef, Sku });
    }
    if (unknown.length > 0) throw new ScendApiError(422, 'UNKNOWN_SKU', `Unknown SKU(s): ${unknown.map((d) => d.Sku).join(', ')}`, unknown);
    if (nonPhysical.length > 0) {
      throw new ScendApiError(422, 'NON_PHYSICAL_ITEM', `Not physical: ${nonPhysical.map((d) => d.Sku).join(', ')}`, nonPhysical);
    }
  }

  private expectStatus(order: OrderRecord, allowed: OrderStatus[], action: string): void {
    if (!allowed.includes(order.Status)) {
      throw new SimControlError('ILLEGAL_TRANSITION', `cannot ${action} order ${order.OrderId} in status ${order.Status}`);
    }
  }

  private advance(orderId: string, from: OrderStatus, to: OrderStatus): Order {
    const order = this.order(orderId, true);
    this.expectStatus(order, [from], `move to ${to}`);
    this.setStatus(order, to);
    return this.toOrder(order);
  }

  private walkToPacking(order: OrderRecord): void {
    if (order.Status === 'RECEIVED' || order.Status === 'ON_HOLD') {
      this.release(order.OrderId);
      if ((order.Status as OrderStatus) !== 'RELEASED') throw new SimControlError('INSUFFICIENT_STOCK', `order ${order.OrderId} is on hold (${order.holdReason})`);
    }
    if (order.Status === 'RELEASED') this.setStatus(order, 'PICKING');
    if (order.Status === 'PICKING') this.setStatus(order, 'PACKING');
    this.expectStatus(order, ['PACKING', 'PACKED'], 'despatch');
  }

  private shipLine(order: OrderRecord, lineRef: string, quantity: number, despatchId: string, lot?: string, serials?: string[]): DespatchLine {
    const allocation = order.allocations.get(lineRef)!;
    this.state.ledger.apply('DESPATCH', allocation.externalId, allocation.warehouse, { onHand: -quantity, allocated: -quantity }, despatchId);
    allocation.quantity -= quantity;
    order.despatched.set(lineRef, (order.despatched.get(lineRef) ?? 0) + quantity);
    const product = this.state.catalogue.get(allocation.externalId);
    const sku = order.Lines.find((l) => l.LineRef === lineRef)!.Sku;
    const Lot = lot ?? (product?.LotTracked ? `LOT-${allocation.externalId}-${order.OrderDate.slice(0, 10).replace(/-/g, '')}` : undefined);
    const Serials = serials ?? (product?.SerialTracked ? Array.from({ length: quantity }, () => `SN${String(++this.state.counters.serial).padStart(8, '0')}`) : []);
    return { LineRef: lineRef, Sku: sku, Quantity: quantity, ...(Lot !== undefined && { Lot }), Serials: [...Serials] };
  }

  private deallocate(order: OrderRecord, reason: string): void {
    for (const allocation of order.allocations.values()) {
      if (allocation.quantity > 0) this.state.ledger.apply('DEALLOCATE', allocation.externalId, allocation.warehouse, { allocated: -allocation.quantity }, `${order.OrderId} ${reason}`);
    }
    order.allocations.clear();
  }

  private putOnHold(order: OrderRecord, reason: string): Order {
    order.holdReason = reason;
    this.orderChanged(order);
    if (order.Status !== 'ON_HOLD') this.setStatus(order, 'ON_HOLD');
    return this.toOrder(order);
  }

  private setStatus(order: OrderRecord, status: OrderStatus): void {
    order.Status = status;
    order.StatusChangedAt = this.nowIso();
    this.emitStatus(order);
  }

  private orderChanged(order: OrderRecord): void {
    for (const listener of this.orderListeners) listener(order.OrderId);
  }

  private emitStatus(order: OrderRecord): void {
    this.orderChanged(order);
    const event: OrderEvent = { Seq: ++this.state.counters.event, OrderId: order.OrderId, ClientReference: order.ClientReference, Status: order.Status, At: order.StatusChangedAt };
    const { lateEventRate, lateEventDelayMs } = this.feedSettings;
    if (lateEventRate > 0 && this.feedRng.next() < lateEventRate) {
      this.state.lateEvents.push({ event, releaseAt: this.clock.now() + lateEventDelayMs });
      return;
    }
    this.state.orderEvents.append(event);
    this.emit('order.status_changed', event);
  }

  private appendMovement(sku: string, warehouse: string, quantity: number, reason: StockMovement['Reason'], reference?: string): StockMovement {
    const movement: StockMovement = {
      MovementId: id('MOV', ++this.state.counters.movement),
      Sku: sku,
      Warehouse: warehouse,
      Quantity: quantity,
      Reason: reason,
      ...(reference !== undefined && { Reference: reference }),
      OccurredAt: this.nowIso(),
    };
    this.state.movements.append(movement);
    this.emit('stock.moved', movement);
    return { ...movement };
  }

  private receiveByMode(asn: AsnRecord, mode: NonNullable<ReceiveSpec['Mode']>): NonNullable<ReceiveSpec['Lines']> {
    return asn.Lines.map((l) => {
      const remaining = Math.max(0, l.QuantityExpected - l.received);
      switch (mode) {
        case 'full':
          return { LineRef: l.LineRef, QuantityReceived: remaining };
        case 'short':
          return { LineRef: l.LineRef, QuantityReceived: Math.floor(remaining / 2) };
        case 'over':
          return { LineRef: l.LineRef, QuantityReceived: remaining + Math.max(1, Math.ceil(remaining / 10)) };
        case 'damaged':
          return { LineRef: l.LineRef, QuantityReceived: remaining, QuantityDamaged: Math.max(remaining > 0 ? 1 : 0, Math.floor(remaining / 4)) };
        default: {
          const never: never = mode;
          throw new SimControlError('INVALID', `unknown receive mode ${String(never)}`);
        }
      }
    }).filter((l) => l.QuantityReceived > 0);
  }

  private takeSnapshot(): Snapshot {
    const items = this.listOrder(this.stockItems(), (i) => `${i.Warehouse}/${i.Sku}`);
    const snapshot: Snapshot = { SnapshotId: id('SNP', ++this.state.counters.snapshot), AsOf: this.nowIso(), items };
    this.state.snapshots.set(snapshot.SnapshotId, snapshot);
    const kept = this.options.snapshotsKept ?? 50;
    for (const key of this.state.snapshots.keys()) {
      if (this.state.snapshots.size <= kept) break;
      this.state.snapshots.delete(key);
    }
    return snapshot;
  }

  private emit(event: WebhookEvent, data: unknown): void {
    for (const listener of this.listeners) listener(event, data);
  }

  private toOrder(o: OrderRecord): Order {
    return {
      OrderId: o.OrderId,
      ClientReference: o.ClientReference,
      OrderNumber: o.OrderNumber,
      Status: o.Status,
      StatusChangedAt: o.StatusChangedAt,
      ShipTo: structuredClone(o.ShipTo),
      Lines: structuredClone(o.Lines),
      Despatches: [...o.Despatches],
    };
  }
}

function toStockItem(sku: string, row: StockRow): StockItem {
  return { Sku: sku, ExternalId: row.externalId, Warehouse: row.warehouse, OnHand: row.onHand, Allocated: row.allocated, Available: row.onHand - row.allocated, Damaged: row.damaged };
}

export { OPEN_STATUSES };
