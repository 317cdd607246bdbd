import { MOVEMENT_REASONS, WEBHOOK_EVENTS } from '../contract/types';
import { Checker, isObject } from './checker';
import { ScendApiError, validationFailed } from './errors';

/** Request-body rules, mirroring docs/scend-openapi.yaml (a test keeps the two in agreement). */

const SHIP_TO_FIELDS = ['Name', 'Company', 'Line1', 'Line2', 'Line3', 'Town', 'County', 'PostCode', 'CountryCode', 'Email', 'Phone'] as const;
/** The address parts whose absence makes an order undeliverable: 422 INVALID_SHIP_TO rather than 400. */
const ADDRESS_PARTS = ['Line1', 'Town', 'PostCode', 'CountryCode'] as const;
/** The contract's field lengths (courier label width); longer is 400 VALIDATION_FAILED naming the field. */
const SHIP_TO_MAX: Partial<Record<(typeof SHIP_TO_FIELDS)[number], number>> = { Name: 35, Company: 35, Line1: 35, Line2: 35, Line3: 35, Town: 35, County: 35, PostCode: 10 };
const ORDER_FIELDS = ['ClientReference', 'OrderNumber', 'OrderDate', 'Channel', 'CourierService', 'RequiredDespatchDate', 'Notes', 'ShipTo', 'Lines'];
const LINE_FIELDS = ['LineRef', 'Sku', 'Quantity', 'UnitPrice', 'Currency'];
export const MAX_LINES = 500;

function throwIfFailed(check: Checker): void {
  if (!check.ok) throw validationFailed(check.details);
}

function checkShipToTypes(check: Checker, shipTo: unknown): void {
  if (shipTo === undefined) return; // absence is INVALID_SHIP_TO, checked after the 400 rules
  if (!check.object(shipTo, 'ShipTo')) return;
  check.onlyKnown(shipTo, SHIP_TO_FIELDS, 'ShipTo');
  for (const key of SHIP_TO_FIELDS) {
    const value = shipTo[key];
    if (value !== undefined && typeof value !== 'string') check.fail(`ShipTo.${key}`, 'must be a string');
    const max = SHIP_TO_MAX[key];
    if (typeof value === 'string' && max !== undefined && value.length > max) check.fail(`ShipTo.${key}`, `must be at most ${max} characters`);
  }
  if (shipTo.Name === undefined || (typeof shipTo.Name === 'string' && shipTo.Name.trim() === '')) check.fail('ShipTo.Name', 'is required');
  const country = shipTo.CountryCode;
  if (typeof country === 'string' && country.trim() !== '' && !/^[A-Z]{2}$/.test(country)) {
    check.fail('ShipTo.CountryCode', 'must be an ISO 3166-1 alpha-2 code');
  }
}

function checkLines(check: Checker, body: Record<string, unknown>, required: boolean): void {
  const lines = check.objectArray(body, 'Lines', '', { required, minItems: 1, maxItems: MAX_LINES });
  lines.forEach((line, i) => {
    const p = `Lines[${i}]`;
    check.onlyKnown(line, LINE_FIELDS, p);
    check.string(line, 'LineRef', p, { required: true, maxLength: 50 });
    check.string(line, 'Sku', p, { required: true, maxLength: 100 });
    check.integer(line, 'Quantity', p, { required: true, min: 1 });
    check.number(line, 'UnitPrice', p, { min: 0 });
    check.string(line, 'Currency', p, { pattern: /^[A-Z]{3}$/ });
  });
  check.uniqueBy(lines, 'LineRef', 'Lines');
}

/** 400 rules of `POST /v1/orders` (checked before the address and the SKUs). */
export function checkOrderCreate(body: unknown): void {
  const check = new Checker();
  if (!check.object(body, '')) return throwIfFailed(check);
  check.onlyKnown(body, ORDER_FIELDS, '');
  check.string(body, 'ClientReference', '', { required: true, maxLength: 100 });
  check.string(body, 'OrderNumber', '', { required: true, maxLength: 50 });
  check.dateTime(body, 'OrderDate', '', true);
  check.string(body, 'Channel', '');
  check.string(body, 'CourierService', '');
  check.dateTime(body, 'RequiredDespatchDate', '');
  check.string(body, 'Notes', '', { maxLength: 500 });
  checkShipToTypes(check, body.ShipTo);
  checkLines(check, body, true);
  throwIfFailed(check);
}

/** 400 rules of `PATCH /v1/orders/{OrderId}`: ShipTo and/or Lines, nothing else. */
export function checkOrderAmend(body: unknown): void {
  const check = new Checker();
  if (!check.object(body, '')) return throwIfFailed(check);
  check.onlyKnown(body, ['ShipTo', 'Lines'], '');
  if (body.ShipTo === undefined && body.Lines === undefined) check.fail('(body)', 'must carry ShipTo or Lines');
  if (body.ShipTo === null) check.fail('ShipTo', 'must be an object');
  else checkShipToTypes(check, body.ShipTo);
  checkLines(check, body, false);
  throwIfFailed(check);
}

/** 422 INVALID_SHIP_TO: no address, or a blank Line1/Town/PostCode/CountryCode. */
export function checkShipToAddress(shipTo: unknown): void {
  const missing = isObject(shipTo)
    ? ADDRESS_PARTS.filter((k) => typeof shipTo[k] !== 'string' || (shipTo[k] as string).trim() === '')
    : ['ShipTo'];
  if (missing.length > 0) {
    throw new ScendApiError(422, 'INVALID_SHIP_TO', 'The order has no physical ship-to address', missing.map((Field) => ({ Field, Message: 'is required' })));
  }
}

const PRODUCT_FIELDS = ['Sku', 'ExternalId', 'Name', 'Barcode', 'WeightKg', 'LengthCm', 'WidthCm', 'HeightCm', 'LotTracked', 'SerialTracked', 'Discontinued', 'Physical'];

export function checkProductUpsert(pathExternalId: string, body: unknown): void {
  const check = new Checker();
  if (!check.object(body, '')) return throwIfFailed(check);
  check.onlyKnown(body, PRODUCT_FIELDS, '');
  check.string(body, 'Sku', '', { required: true, maxLength: 100 });
  check.string(body, 'ExternalId', '', { required: true, maxLength: 100 });
  check.string(body, 'Name', '', { required: true, maxLength: 300 });
  check.string(body, 'Barcode', '');
  check.number(body, 'WeightKg', '', { required: true, min: 0 });
  for (const dim of ['LengthCm', 'WidthCm', 'HeightCm']) check.number(body, dim, '', { min: 0 });
  for (const flag of ['LotTracked', 'SerialTracked', 'Discontinued', 'Physical']) check.boolean(body, flag, '');
  if (typeof body.ExternalId === 'string' && body.ExternalId !== pathExternalId) check.fail('ExternalId', 'must match the ExternalId in the path');
  throwIfFailed(check);
}

export function checkAsnCreate(body: unknown, warehouses: readonly string[]): void {
  const check = new Checker();
  if (!check.object(body, '')) return throwIfFailed(check);
  check.onlyKnown(body, ['ClientReference', 'Supplier', 'Warehouse', 'ExpectedAt', 'Lines'], '');
  check.string(body, 'ClientReference', '', { required: true, maxLength: 100 });
  check.string(body, 'Supplier', '');
  check.string(body, 'Warehouse', '', { required: true });
  if (typeof body.Warehouse === 'string' && body.Warehouse.trim() !== '' && !warehouses.includes(body.Warehouse)) {
    check.fail('Warehouse', `unknown warehouse (known: ${warehouses.join(', ')})`);
  }
  check.dateTime(body, 'ExpectedAt', '');
  const lines = check.objectArray(body, 'Lines', '', { required: true, minItems: 1, maxItems: MAX_LINES });
  lines.forEach((line, i) => {
    const p = `Lines[${i}]`;
    check.onlyKnown(line, ['LineRef', 'Sku', 'QuantityExpected'], p);
    check.string(line, 'LineRef', p, { required: true, maxLength: 50 });
    check.string(line, 'Sku', p, { required: true, maxLength: 100 });
    check.integer(line, 'QuantityExpected', p, { required: true, min: 1 });
  });
  check.uniqueBy(lines, 'LineRef', 'Lines');
  throwIfFailed(check);
}

export function checkWebhookRegistration(body: unknown): void {
  const check = new Checker();
  if (!check.object(body, '')) return throwIfFailed(check);
  check.onlyKnown(body, ['Url', 'Events', 'Secret'], '');
  check.string(body, 'Url', '', { required: true, pattern: /^https?:\/\/\S+$/ });
  check.string(body, 'Secret', '', { required: true });
  if (typeof body.Secret === 'string' && body.Secret.length > 0 && body.Secret.length < 16) check.fail('Secret', 'must be at least 16 characters');
  const events = body.Events;
  if (!Array.isArray(events) || events.length === 0) check.fail('Events', 'must be a non-empty array');
  else {
    events.forEach((e, i) => {
      if (!(WEBHOOK_EVENTS as readonly unknown[]).includes(e)) check.fail(`Events[${i}]`, `must be one of ${WEBHOOK_EVENTS.join(', ')}`);
    });
    if (new Set(events).size !== events.length) check.fail('Events', 'must not repeat an event');
  }
  throwIfFailed(check);
}

export function isMovementReason(value: unknown): value is (typeof MOVEMENT_REASONS)[number] {
  return (MOVEMENT_REASONS as readonly unknown[]).includes(value);
}
