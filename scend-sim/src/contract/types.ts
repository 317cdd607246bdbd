/**
 * The contract's message types as the simulator reads them: generated from docs/scend-openapi.yaml
 * (`npm run scend-sim:types` writes openapi-types.ts), never from the client's src/ts/scend/contract.ts.
 * A test double that shares the client's reading of the contract cannot catch the client misreading it.
 */
import {
  errorCodeValues,
  movementReasonValues,
  orderStatusValues,
  returnLineConditionValues,
  webhookEventValues,
  type components,
} from './openapi-types';

type S = components['schemas'];

export type ErrorCode = S['ErrorCode'];
export type ValidationDetail = S['ValidationDetail'];
export type SkuLineDetail = S['SkuLineDetail'];
export type SkuInUseDetail = S['SkuInUseError']['Details'][number];
export type ProductUpsert = S['ProductUpsert'];
export type Product = S['Product'];
export type OrderStatus = S['OrderStatus'];
export type ShipTo = S['ShipTo'];
export type OrderLine = S['OrderLine'];
export type OrderCreate = S['OrderCreate'];
export type OrderCreated = S['OrderCreated'];
export type OrderAmend = S['OrderAmend'];
export type Order = S['Order'];
export type CancelResult = S['CancelResult'];
export type OrderEvent = S['OrderEvent'];
export type DespatchLine = S['DespatchLine'];
export type Parcel = S['Parcel'];
export type Despatch = S['Despatch'];
export type StockItem = S['StockItem'];
export type StockSnapshotPage = S['StockSnapshotPage'];
export type MovementReason = S['MovementReason'];
export type StockMovement = S['StockMovement'];
export type AsnCreate = S['AsnCreate'];
export type AsnCreated = S['AsnCreated'];
export type ReceiptLine = S['ReceiptLine'];
export type Receipt = S['Receipt'];
export type ReturnCondition = S['ReturnLine']['Condition'];
export type Return = S['Return'];
export type WebhookEvent = S['WebhookEvent'];
export type WebhookRegistration = S['WebhookRegistration'];
export type Webhook = S['Webhook'];
export type WebhookDelivery = S['WebhookDelivery'];

/** `{ Items, Page, PageSize, TotalItems }`: every list page of the contract (ProductPage, OrderPage...). */
export interface ListPage<T> {
  Items: T[];
  Page: number;
  PageSize: number;
  TotalItems: number;
}

/** Enumerations, as the YAML lists them (generated with --enum-values). */
export const ERROR_CODES: readonly ErrorCode[] = errorCodeValues;
export const ORDER_STATUSES: readonly OrderStatus[] = orderStatusValues;
export const MOVEMENT_REASONS: readonly MovementReason[] = movementReasonValues;
export const RETURN_CONDITIONS: readonly ReturnCondition[] = returnLineConditionValues;
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = webhookEventValues;
