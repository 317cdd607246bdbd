/** Validators for every Scend response body, typed against the contract. */
import {
  MOVEMENT_REASONS,
  ORDER_STATUSES,
  RETURN_CONDITIONS,
  WEBHOOK_EVENTS,
  type AsnCreated,
  type CancelResult,
  type Despatch,
  type DespatchLine,
  type FeedPage,
  type ListPage,
  type Order,
  type OrderCreated,
  type OrderEvent,
  type OrderLine,
  type Parcel,
  type Product,
  type Receipt,
  type ReceiptLine,
  type Return,
  type ReturnLine,
  type ShipTo,
  type StockItem,
  type StockMovement,
  type StockSnapshotPage,
  type Webhook,
} from './contract';
import {
  arrayOf,
  boolean,
  integer,
  isoDateTime,
  literal,
  nonEmptyString,
  nonNegativeInteger,
  nonNegativeNumber,
  number,
  object,
  oneOf,
  optional,
  positiveInteger,
  string,
  type Validator,
} from './validate';

export function feedPage<T>(item: Validator<T>): Validator<FeedPage<T>> {
  return object<FeedPage<T>>({ Items: arrayOf(item), NextCursor: nonEmptyString, HasMore: boolean });
}

export function listPage<T>(item: Validator<T>): Validator<ListPage<T>> {
  return object<ListPage<T>>({
    Items: arrayOf(item),
    Page: positiveInteger,
    PageSize: positiveInteger,
    TotalItems: nonNegativeInteger,
  });
}

export const product = object<Product>({
  Sku: nonEmptyString,
  ExternalId: nonEmptyString,
  Name: string,
  Barcode: optional(string),
  WeightKg: nonNegativeNumber,
  LengthCm: optional(nonNegativeNumber),
  WidthCm: optional(nonNegativeNumber),
  HeightCm: optional(nonNegativeNumber),
  LotTracked: boolean,
  SerialTracked: boolean,
  Discontinued: boolean,
  Physical: boolean,
});

export const shipTo = object<ShipTo>({
  Name: string,
  Company: optional(string),
  Line1: string,
  Line2: optional(string),
  Line3: optional(string),
  Town: string,
  County: optional(string),
  PostCode: string,
  CountryCode: string,
  Email: optional(string),
  Phone: optional(string),
});

export const orderLine = object<OrderLine>({
  LineRef: nonEmptyString,
  Sku: nonEmptyString,
  Quantity: positiveInteger,
  UnitPrice: optional(number),
  Currency: optional(string),
});

export const orderCreated = object<OrderCreated>({
  OrderId: nonEmptyString,
  ClientReference: nonEmptyString,
  Status: literal('RECEIVED'),
});

export const order = object<Order>({
  OrderId: nonEmptyString,
  ClientReference: nonEmptyString,
  OrderNumber: string,
  Status: oneOf(ORDER_STATUSES),
  StatusChangedAt: isoDateTime,
  ShipTo: shipTo,
  Lines: arrayOf(orderLine),
  Despatches: arrayOf(nonEmptyString),
});

export const cancelResult = object<CancelResult>({ Status: literal('CANCELLED') });

export const orderEvent = object<OrderEvent>({
  Seq: nonNegativeInteger,
  OrderId: nonEmptyString,
  ClientReference: nonEmptyString,
  Status: oneOf(ORDER_STATUSES),
  At: isoDateTime,
});

export const despatchLine = object<DespatchLine>({
  LineRef: nonEmptyString,
  Sku: nonEmptyString,
  Quantity: positiveInteger,
  Lot: optional(string),
  Serials: arrayOf(nonEmptyString),
});

export const parcel = object<Parcel>({
  TrackingNumber: nonEmptyString,
  TrackingUrl: optional(string),
  WeightKg: optional(nonNegativeNumber),
  Lines: arrayOf(despatchLine),
});

export const despatch = object<Despatch>({
  DespatchId: nonEmptyString,
  OrderId: nonEmptyString,
  ClientReference: nonEmptyString,
  DespatchedAt: isoDateTime,
  Carrier: string,
  Service: string,
  Parcels: arrayOf(parcel),
});

export const stockItem = object<StockItem>({
  Sku: nonEmptyString,
  ExternalId: nonEmptyString,
  Warehouse: nonEmptyString,
  OnHand: nonNegativeInteger,
  Allocated: nonNegativeInteger,
  Available: nonNegativeInteger,
  Damaged: nonNegativeInteger,
});

export const stockSnapshotPage = object<StockSnapshotPage>({
  SnapshotId: nonEmptyString,
  AsOf: isoDateTime,
  Items: arrayOf(stockItem),
  Page: positiveInteger,
  PageSize: positiveInteger,
  TotalItems: nonNegativeInteger,
});

export const stockMovement = object<StockMovement>({
  MovementId: nonEmptyString,
  Sku: nonEmptyString,
  Warehouse: nonEmptyString,
  Quantity: integer,
  Reason: oneOf(MOVEMENT_REASONS),
  Reference: optional(string),
  OccurredAt: isoDateTime,
});

export const asnCreated = object<AsnCreated>({
  AsnId: nonEmptyString,
  Status: literal('AWAITING_DELIVERY'),
});

export const receiptLine = object<ReceiptLine>({
  LineRef: nonEmptyString,
  Sku: nonEmptyString,
  QuantityReceived: nonNegativeInteger,
  QuantityDamaged: nonNegativeInteger,
  Lot: optional(string),
});

export const receipt = object<Receipt>({
  ReceiptId: nonEmptyString,
  AsnId: nonEmptyString,
  ClientReference: nonEmptyString,
  ReceivedAt: isoDateTime,
  Lines: arrayOf(receiptLine),
});

export const returnLine = object<ReturnLine>({
  Sku: nonEmptyString,
  Quantity: positiveInteger,
  Condition: oneOf(RETURN_CONDITIONS),
  Reason: optional(string),
});

export const returnReceipt = object<Return>({
  ReturnId: nonEmptyString,
  OrderId: nonEmptyString,
  ClientReference: nonEmptyString,
  ReceivedAt: isoDateTime,
  Lines: arrayOf(returnLine),
});

export const webhook = object<Webhook>({
  WebhookId: nonEmptyString,
  Url: string,
  Events: arrayOf(oneOf(WEBHOOK_EVENTS)),
});
