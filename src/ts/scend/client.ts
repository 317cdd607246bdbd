/**
 * The Scend API client: one typed method per endpoint of the contract, plus budget-aware walkers.
 * Every method makes at most one HTTP call (walkers and the natural-key lookups make several),
 * returns a validated value, or throws a `ScendError` saying whether a retry can help.
 */
import {
  MAX_PAGE_SIZE,
  type AsnCreate,
  type AsnCreated,
  type CancelResult,
  type Despatch,
  type FeedPage,
  type FeedQuery,
  type ListPage,
  type Order,
  type OrderAmend,
  type OrderCreate,
  type OrderCreated,
  type OrderEvent,
  type OrderListQuery,
  type Product,
  type ProductListQuery,
  type ProductUpsert,
  type Receipt,
  type Return,
  type StockItem,
  type StockMovement,
  type StockQuery,
  type StockSnapshotPage,
  type Webhook,
  type WebhookRegistration,
} from './contract';
import { MalformedResponseError } from './errors';
import { ScendHttp, type ScendClientConfig } from './http-call';
import { segment } from './query';
import * as schema from './schemas';
import { Invalid, type Validator } from './validate';
import {
  walkFeed,
  walkList,
  type FeedWalkOptions,
  type FeedWalkResult,
  type ListWalkOptions,
  type ListWalkResult,
} from './walk';

/** The feeds and the item each carries. */
export interface FeedItems {
  'order-events': OrderEvent;
  despatches: Despatch;
  'stock-movements': StockMovement;
  receipts: Receipt;
  returns: Return;
}
export type FeedName = keyof FeedItems;

const FEED_ITEM: { [F in FeedName]: Validator<FeedItems[F]> } = {
  'order-events': schema.orderEvent,
  despatches: schema.despatch,
  'stock-movements': schema.stockMovement,
  receipts: schema.receipt,
  returns: schema.returnReceipt,
};
const FEED_PAGE = {
  'order-events': schema.feedPage(FEED_ITEM['order-events']),
  despatches: schema.feedPage(FEED_ITEM.despatches),
  'stock-movements': schema.feedPage(FEED_ITEM['stock-movements']),
  receipts: schema.feedPage(FEED_ITEM.receipts),
  returns: schema.feedPage(FEED_ITEM.returns),
} as { [F in FeedName]: Validator<FeedPage<FeedItems[F]>> };

/** A feed item checked on its own: the typed item, or why it does not match the contract. */
export type FeedItemResult<T> = { ok: true; item: T } | { ok: false; raw: unknown; problem: string };

const RAW_FEED_PAGE = schema.feedPage<unknown>((value) => value);

function checkFeedItem<T>(validate: Validator<T>, raw: unknown, path: string): FeedItemResult<T> {
  try {
    return { ok: true, item: validate(raw, path) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, raw, problem: e.message };
    throw e;
  }
}

const PRODUCT_PAGE = schema.listPage(schema.product);
const ORDER_PAGE = schema.listPage(schema.order);

export interface UpsertProductResult {
  product: Product;
  /** true on 201 (new ExternalId), false on 200 (updated, possibly renamed). */
  created: boolean;
}

export interface StockWalkOptions extends ListWalkOptions<StockItem, StockSnapshotPage> {
  warehouse?: string;
  /** Continue an earlier walk of this snapshot (pass with its `nextPage` as `page`). */
  snapshotId?: string;
}

export interface StockWalkResult extends ListWalkResult {
  /** The snapshot read (undefined if no page was read). */
  snapshotId: string | undefined;
}

/** What callers depend on; `ScendClient` implements it and a test fake can too. */
export interface ScendApi {
  upsertProduct(product: ProductUpsert): UpsertProductResult;
  getProduct(externalId: string): Product;
  listProducts(query?: ProductListQuery): ListPage<Product>;
  findProductBySku(sku: string): Product | undefined;
  walkProducts(options: ListWalkOptions<Product>): ListWalkResult;

  createOrder(order: OrderCreate): OrderCreated;
  getOrder(orderId: string): Order;
  listOrders(query?: OrderListQuery): ListPage<Order>;
  findOrdersByClientReference(clientReference: string): Order[];
  walkOrders(query: Omit<OrderListQuery, 'page' | 'pageSize'>, options: ListWalkOptions<Order>): ListWalkResult;
  cancelOrder(orderId: string): CancelResult;
  amendOrder(orderId: string, amend: OrderAmend): Order;

  readFeed<F extends FeedName>(feed: F, query?: FeedQuery): FeedPage<FeedItems[F]>;
  walkFeed<F extends FeedName>(feed: F, options: FeedWalkOptions<FeedItems[F]>): FeedWalkResult;
  orderEvents(query?: FeedQuery): FeedPage<OrderEvent>;
  despatches(query?: FeedQuery): FeedPage<Despatch>;
  stockMovements(query?: FeedQuery): FeedPage<StockMovement>;
  receipts(query?: FeedQuery): FeedPage<Receipt>;
  returns(query?: FeedQuery): FeedPage<Return>;

  stockSnapshot(query?: StockQuery): StockSnapshotPage;
  walkStock(options: StockWalkOptions): StockWalkResult;

  createAsn(asn: AsnCreate): AsnCreated;
  registerWebhook(registration: WebhookRegistration): Webhook;

  readonly callsMade: number;
  canAfford(calls?: number): boolean;
}

export class ScendClient implements ScendApi {
  private readonly http: ScendHttp;

  constructor(config: ScendClientConfig) {
    this.http = new ScendHttp(config);
  }

  /** HTTP calls sent by this client so far (for "API calls per item" figures). */
  get callsMade(): number {
    return this.http.callsMade;
  }

  /** Whether the budget can pay for `calls` more calls and keep the reserve. */
  canAfford(calls = 1): boolean {
    return this.http.canAfford(calls);
  }

  // ------------------------------------------------------------ products

  upsertProduct(product: ProductUpsert): UpsertProductResult {
    const { status, value } = this.http.call({
      operation: 'upsertProduct',
      method: 'PUT',
      path: `/products/${segment(product.ExternalId)}`,
      body: product,
      validate: schema.product,
    });
    return { product: value, created: status === 201 };
  }

  getProduct(externalId: string): Product {
    return this.http.call({
      operation: 'getProduct',
      method: 'GET',
      path: `/products/${segment(externalId)}`,
      validate: schema.product,
    }).value;
  }

  listProducts(query: ProductListQuery = {}): ListPage<Product> {
    return this.http.call({
      operation: 'listProducts',
      method: 'GET',
      path: '/products',
      query: { sku: query.sku, page: query.page, pageSize: query.pageSize },
      validate: PRODUCT_PAGE,
    }).value;
  }

  /** The product currently holding `sku` (Sku is unique), or undefined. One call. */
  findProductBySku(sku: string): Product | undefined {
    const page = this.listProducts({ sku, page: 1, pageSize: 1 });
    return page.Items.find((p) => p.Sku === sku);
  }

  walkProducts(options: ListWalkOptions<Product>): ListWalkResult {
    return walkList((page, pageSize) => this.listProducts({ page, pageSize }), () => this.canAfford(), options);
  }

  // ------------------------------------------------------------ orders

  /**
   * Not idempotent at Scend: if this throws with `retry: 'ambiguous'`, call
   * `findOrdersByClientReference` before sending it again.
   */
  createOrder(order: OrderCreate): OrderCreated {
    return this.http.call({ operation: 'createOrder', method: 'POST', path: '/orders', body: order, validate: schema.orderCreated }).value;
  }

  getOrder(orderId: string): Order {
    return this.http.call({ operation: 'getOrder', method: 'GET', path: `/orders/${segment(orderId)}`, validate: schema.order }).value;
  }

  listOrders(query: OrderListQuery = {}): ListPage<Order> {
    return this.http.call({
      operation: 'listOrders',
      method: 'GET',
      path: '/orders',
      query: { clientReference: query.clientReference, status: query.status, page: query.page, pageSize: query.pageSize },
      validate: ORDER_PAGE,
    }).value;
  }

  /**
   * The natural-key check: every order Scend holds for this ClientReference (more than one means
   * a duplicate was created). Usually one call; throws like any read (e.g. BudgetExhaustedError).
   */
  findOrdersByClientReference(clientReference: string): Order[] {
    const found: Order[] = [];
    for (let page = 1; ; page += 1) {
      const result = this.listOrders({ clientReference, page, pageSize: MAX_PAGE_SIZE });
      found.push(...result.Items.filter((o) => o.ClientReference === clientReference));
      if (result.Items.length === 0 || result.Page * result.PageSize >= result.TotalItems) return found;
    }
  }

  walkOrders(query: Omit<OrderListQuery, 'page' | 'pageSize'>, options: ListWalkOptions<Order>): ListWalkResult {
    return walkList((page, pageSize) => this.listOrders({ ...query, page, pageSize }), () => this.canAfford(), options);
  }

  /** Idempotent at Scend: cancelling a CANCELLED order answers 200. */
  cancelOrder(orderId: string): CancelResult {
    return this.http.call({
      operation: 'cancelOrder',
      method: 'POST',
      path: `/orders/${segment(orderId)}/cancel`,
      validate: schema.cancelResult,
    }).value;
  }

  amendOrder(orderId: string, amend: OrderAmend): Order {
    return this.http.call({
      operation: 'amendOrder',
      method: 'PATCH',
      path: `/orders/${segment(orderId)}`,
      body: amend,
      validate: schema.order,
    }).value;
  }

  // ------------------------------------------------------------ feeds

  readFeed<F extends FeedName>(feed: F, query: FeedQuery = {}): FeedPage<FeedItems[F]> {
    return this.http.call({
      operation: `readFeed:${feed}`,
      method: 'GET',
      path: `/${feed}`,
      query: { cursor: query.cursor, limit: query.limit, since: query.cursor === undefined ? query.since : undefined },
      validate: FEED_PAGE[feed],
    }).value;
  }

  walkFeed<F extends FeedName>(feed: F, options: FeedWalkOptions<FeedItems[F]>): FeedWalkResult {
    return walkFeed((cursor, limit) => this.readFeed(feed, { cursor, limit }), () => this.canAfford(), options);
  }

  orderEvents(query?: FeedQuery): FeedPage<OrderEvent> {
    return this.readFeed('order-events', query);
  }

  despatches(query?: FeedQuery): FeedPage<Despatch> {
    return this.readFeed('despatches', query);
  }

  stockMovements(query?: FeedQuery): FeedPage<StockMovement> {
    return this.readFeed('stock-movements', query);
  }

  receipts(query?: FeedQuery): FeedPage<Receipt> {
    return this.readFeed('receipts', query);
  }

  returns(query?: FeedQuery): FeedPage<Return> {
    return this.readFeed('returns', query);
  }

  /**
   * One feed page whose items are checked one by one instead of all at once: a malformed item
   * (Scend's data, not the page) comes back as `{ ok: false }` with its problem, so an import can
   * raise an exception for it and move the feed past it. The envelope is still validated.
   */
  readFeedItems<F extends FeedName>(feed: F, query: FeedQuery = {}): FeedPage<FeedItemResult<FeedItems[F]>> {
    const page = this.http.call({
      operation: `readFeed:${feed}`,
      method: 'GET',
      path: `/${feed}`,
      query: { cursor: query.cursor, limit: query.limit, since: query.cursor === undefined ? query.since : undefined },
      validate: RAW_FEED_PAGE,
    }).value;
    return { ...page, Items: page.Items.map((raw, i) => checkFeedItem(FEED_ITEM[feed], raw, `Items[${i}]`)) };
  }

  // ------------------------------------------------------------ stock

  stockSnapshot(query: StockQuery = {}): StockSnapshotPage {
    const ctx = { operation: 'stockSnapshot', method: 'GET', path: '/v1/stock' } as const;
    const { value } = this.http.call({
      operation: ctx.operation,
      method: ctx.method,
      path: '/stock',
      query: { warehouse: query.warehouse, snapshotId: query.snapshotId, page: query.page, pageSize: query.pageSize },
      validate: schema.stockSnapshotPage,
    });
    if (query.snapshotId !== undefined && value.SnapshotId !== query.snapshotId) {
      // A walk mixing two snapshots would double-count or miss stock.
      throw new MalformedResponseError(ctx, 200, 'SnapshotId', `expected ${JSON.stringify(query.snapshotId)}, got ${JSON.stringify(value.SnapshotId)}`);
    }
    return value;
  }

  /** Every page of one consistent snapshot (the first page fixes the SnapshotId). */
  walkStock(options: StockWalkOptions): StockWalkResult {
    let snapshotId = options.snapshotId;
    const result = walkList<StockItem, StockSnapshotPage>(
      (page, pageSize) => {
        const read = this.stockSnapshot({ warehouse: options.warehouse, snapshotId, page, pageSize });
        snapshotId = read.SnapshotId;
        return read;
      },
      () => this.canAfford(),
      options,
    );
    return { ...result, snapshotId };
  }

  // ------------------------------------------------------------ inbound, webhooks

  /** A repeat ClientReference fails with DuplicateAsnError carrying the existing AsnId. */
  createAsn(asn: AsnCreate): AsnCreated {
    return this.http.call({ operation: 'createAsn', method: 'POST', path: '/asns', body: asn, validate: schema.asnCreated }).value;
  }

  registerWebhook(registration: WebhookRegistration): Webhook {
    return this.http.call({
      operation: 'registerWebhook',
      method: 'POST',
      path: '/webhooks',
      body: registration,
      validate: schema.webhook,
    }).value;
  }

  toJSON(): Record<string, unknown> {
    return { client: 'ScendClient', ...this.http.toJSON() };
  }

  toString(): string {
    return `ScendClient(${JSON.stringify(this.http.toJSON())})`;
  }
}
