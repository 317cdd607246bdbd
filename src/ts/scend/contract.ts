/**
 * The Scend WMS API contract (/work/shared/scend-api.md) as TypeScript types.
 * Shared by the client (src/ts/scend) and the simulator (scend-sim): field names are exactly the
 * contract's (PascalCase). Types only, plus `as const` arrays for the enumerations.
 *
 * Conventions: `?` marks a field the contract does not require. In responses an optional field
 * may be absent or JSON `null`; the client's validators normalise `null` to absent.
 * All timestamps are ISO-8601 UTC strings.
 */

// ---------------------------------------------------------------- transport

export const API_KEY_HEADER = 'X-Api-Key';
export const SIGNATURE_HEADER = 'X-Scend-Signature';
export const API_PREFIX = '/v1';
/** Upper bound for `limit` (feeds) and `pageSize` (lists). */
export const MAX_PAGE_SIZE = 500;

export type IsoDateTime = string;

/** A cursor-paged, append-only feed page. Omit `cursor` to read from the beginning. */
export interface FeedPage<T> {
  Items: T[];
  NextCursor: string;
  HasMore: boolean;
}

/** A page of a numbered list (`page` is 1-based). */
export interface ListPage<T> {
  Items: T[];
  Page: number;
  PageSize: number;
  TotalItems: number;
}

export interface FeedQuery {
  cursor?: string;
  limit?: number;
  /** Restart the feed at items from this instant (after CURSOR_EXPIRED); ignored with `cursor`. */
  since?: IsoDateTime;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------- errors

export const ERROR_CODES = [
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'SKU_IN_USE',
  'INVALID_SHIP_TO',
  'UNKNOWN_SKU',
  'NON_PHYSICAL_ITEM',
  'CANCEL_TOO_LATE',
  'AMEND_TOO_LATE',
  'DUPLICATE_ASN',
  'CURSOR_EXPIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes the Scend simulator adds (docs/scend-openapi.yaml marks them x-simulator-extension):
 * DUPLICATE_ORDER (409) is answered only when the simulator enforces ClientReference uniqueness.
 */
export const SIMULATOR_ERROR_CODES = ['DUPLICATE_ORDER'] as const;
export type SimulatorErrorCode = (typeof SIMULATOR_ERROR_CODES)[number];

/** The HTTP status each error code is sent with (UNAVAILABLE may also come as 502). */
export const ERROR_HTTP_STATUS = {
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  SKU_IN_USE: 409,
  INVALID_SHIP_TO: 422,
  UNKNOWN_SKU: 422,
  NON_PHYSICAL_ITEM: 422,
  CANCEL_TOO_LATE: 409,
  AMEND_TOO_LATE: 409,
  DUPLICATE_ASN: 409,
  CURSOR_EXPIRED: 410,
} as const satisfies Record<ErrorCode, number>;

export interface ErrorBody {
  Code: ErrorCode;
  Message: string;
  Details?: unknown[];
}

/** Details of UNKNOWN_SKU and NON_PHYSICAL_ITEM: one entry per offending line. */
export interface SkuLineDetail {
  LineRef: string;
  Sku: string;
}
/** Details of CANCEL_TOO_LATE and AMEND_TOO_LATE: the order's current status. */
export interface OrderStatusDetail {
  Status: OrderStatus;
}
/** Details of DUPLICATE_ASN: the ASN that already holds the ClientReference. */
export interface DuplicateAsnDetail {
  AsnId: string;
}
/** Details of DUPLICATE_ORDER (simulator extension): the live order already holding the ClientReference. */
export interface DuplicateOrderDetail {
  OrderId: string;
}
/** Details of SKU_IN_USE: the product that already holds the Sku. */
export interface SkuInUseDetail {
  Sku: string;
  ExternalId: string;
}
/** Details of VALIDATION_FAILED: which field (dotted path, e.g. `Lines[0].Quantity`) and why. */
export interface ValidationDetail {
  Field: string;
  Message: string;
}

// ---------------------------------------------------------------- products

/** `PUT /v1/products/{ExternalId}` body. `Physical` defaults to true. */
export interface ProductUpsert {
  Sku: string;
  ExternalId: string;
  Name: string;
  Barcode?: string;
  WeightKg: number;
  LengthCm?: number;
  WidthCm?: number;
  HeightCm?: number;
  LotTracked?: boolean;
  SerialTracked?: boolean;
  Discontinued?: boolean;
  Physical?: boolean;
}

/** A product as Scend returns it (PUT 200/201, GET): flags resolved to their defaults. */
export interface Product {
  Sku: string;
  ExternalId: string;
  Name: string;
  Barcode?: string;
  WeightKg: number;
  LengthCm?: number;
  WidthCm?: number;
  HeightCm?: number;
  LotTracked: boolean;
  SerialTracked: boolean;
  Discontinued: boolean;
  Physical: boolean;
}

export interface ProductListQuery extends PageQuery {
  sku?: string;
}

// ---------------------------------------------------------------- orders

export const ORDER_STATUSES = [
  'RECEIVED',
  'RELEASED',
  'PICKING',
  'PACKING',
  'PACKED',
  'DESPATCHED',
  'ON_HOLD',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses from which `POST /v1/orders/{id}/cancel` succeeds (CANCELLED itself answers 200 too). */
export const CANCELLABLE_STATUSES = ['RECEIVED', 'RELEASED', 'PICKING', 'ON_HOLD'] as const;
/** Statuses in which `PATCH /v1/orders/{id}` is accepted. */
export const AMENDABLE_STATUSES = ['RECEIVED'] as const;

export interface ShipTo {
  Name: string;
  Company?: string;
  Line1: string;
  Line2?: string;
  Line3?: string;
  Town: string;
  County?: string;
  PostCode: string;
  CountryCode: string;
  Email?: string;
  Phone?: string;
}

export interface OrderLine {
  LineRef: string;
  Sku: string;
  /** Integer > 0. */
  Quantity: number;
  UnitPrice?: number;
  Currency?: string;
}

/** `POST /v1/orders` body. */
export interface OrderCreate {
  ClientReference: string;
  OrderNumber: string;
  OrderDate: IsoDateTime;
  Channel?: string;
  CourierService?: string;
  RequiredDespatchDate?: IsoDateTime;
  Notes?: string;
  ShipTo: ShipTo;
  Lines: OrderLine[];
}

/** `201` answer to `POST /v1/orders`. */
export interface OrderCreated {
  OrderId: string;
  ClientReference: string;
  Status: 'RECEIVED';
}

/** `GET /v1/orders/{OrderId}`, items of `GET /v1/orders`, and the `200` answer to PATCH. */
export interface Order {
  OrderId: string;
  ClientReference: string;
  OrderNumber: string;
  Status: OrderStatus;
  StatusChangedAt: IsoDateTime;
  ShipTo: ShipTo;
  Lines: OrderLine[];
  /** DespatchIds, oldest first. */
  Despatches: string[];
}

export interface OrderListQuery extends PageQuery {
  clientReference?: string;
  status?: OrderStatus;
}

/** `PATCH /v1/orders/{OrderId}` body (RECEIVED only): replaces ShipTo and/or Lines. */
export interface OrderAmend {
  ShipTo?: ShipTo;
  Lines?: OrderLine[];
}

/** `200` answer to `POST /v1/orders/{OrderId}/cancel`. */
export interface CancelResult {
  Status: 'CANCELLED';
}

/** Item of the `GET /v1/order-events` feed. */
export interface OrderEvent {
  Seq: number;
  OrderId: string;
  ClientReference: string;
  Status: OrderStatus;
  At: IsoDateTime;
}

// ---------------------------------------------------------------- despatches

export interface DespatchLine {
  LineRef: string;
  Sku: string;
  /** Integer > 0. */
  Quantity: number;
  Lot?: string;
  Serials: string[];
}

export interface Parcel {
  TrackingNumber: string;
  TrackingUrl?: string;
  WeightKg?: number;
  Lines: DespatchLine[];
}

/** Item of the `GET /v1/despatches` feed. */
export interface Despatch {
  DespatchId: string;
  OrderId: string;
  ClientReference: string;
  DespatchedAt: IsoDateTime;
  Carrier: string;
  Service: string;
  Parcels: Parcel[];
}

// ---------------------------------------------------------------- stock

export interface StockItem {
  Sku: string;
  ExternalId: string;
  Warehouse: string;
  OnHand: number;
  Allocated: number;
  Available: number;
  Damaged: number;
}

export interface StockQuery extends PageQuery {
  warehouse?: string;
  /** Continue reading an earlier snapshot (every page of one walk carries the same SnapshotId). */
  snapshotId?: string;
}

/** `GET /v1/stock`: one page of a consistent snapshot. */
export interface StockSnapshotPage extends ListPage<StockItem> {
  SnapshotId: string;
  AsOf: IsoDateTime;
}

export const MOVEMENT_REASONS = ['RETURN_RESTOCK', 'DAMAGED', 'LOST', 'FOUND', 'CYCLE_COUNT', 'QUARANTINE'] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** Item of the `GET /v1/stock-movements` feed (non-order movements). */
export interface StockMovement {
  MovementId: string;
  Sku: string;
  Warehouse: string;
  /** Signed integer: negative takes stock out. */
  Quantity: number;
  Reason: MovementReason;
  Reference?: string;
  OccurredAt: IsoDateTime;
}

// ---------------------------------------------------------------- inbound

export const ASN_STATUSES = ['AWAITING_DELIVERY', 'PART_RECEIVED', 'RECEIVED', 'CLOSED'] as const;
export type AsnStatus = (typeof ASN_STATUSES)[number];

export interface AsnLine {
  LineRef: string;
  Sku: string;
  /** Integer > 0. */
  QuantityExpected: number;
}

/** `POST /v1/asns` body. */
export interface AsnCreate {
  ClientReference: string;
  Supplier?: string;
  Warehouse: string;
  ExpectedAt?: IsoDateTime;
  Lines: AsnLine[];
}

/** `201` answer to `POST /v1/asns`. */
export interface AsnCreated {
  AsnId: string;
  Status: 'AWAITING_DELIVERY';
}

export interface ReceiptLine {
  LineRef: string;
  Sku: string;
  QuantityReceived: number;
  QuantityDamaged: number;
  Lot?: string;
}

/** Item of the `GET /v1/receipts` feed. */
export interface Receipt {
  ReceiptId: string;
  AsnId: string;
  ClientReference: string;
  ReceivedAt: IsoDateTime;
  Lines: ReceiptLine[];
}

// ---------------------------------------------------------------- returns

export const RETURN_CONDITIONS = ['RESTOCK', 'DAMAGED'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export interface ReturnLine {
  Sku: string;
  /** Integer > 0. */
  Quantity: number;
  Condition: ReturnCondition;
  Reason?: string;
}

/** Item of the `GET /v1/returns` feed. */
export interface Return {
  ReturnId: string;
  OrderId: string;
  ClientReference: string;
  ReceivedAt: IsoDateTime;
  Lines: ReturnLine[];
}

// ---------------------------------------------------------------- webhooks

export const WEBHOOK_EVENTS = [
  'order.status_changed',
  'despatch.created',
  'receipt.created',
  'return.received',
  'stock.moved',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `POST /v1/webhooks` body. */
export interface WebhookRegistration {
  Url: string;
  Events: WebhookEvent[];
  Secret: string;
}

/** `201` answer to `POST /v1/webhooks` (the Secret is never echoed). */
export interface Webhook {
  WebhookId: string;
  Url: string;
  Events: WebhookEvent[];
}

/** Body of one webhook delivery, signed with `X-Scend-Signature: sha256=<hex HMAC>`. */
export interface WebhookDelivery {
  DeliveryId: string;
  Event: WebhookEvent;
  OccurredAt: IsoDateTime;
  Data: OrderEvent | Despatch | Receipt | Return | StockMovement;
}
