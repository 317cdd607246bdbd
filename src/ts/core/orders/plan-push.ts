/**
 * What to do with an approved order: send it (with the exact Scend body), skip it (nothing a
 * warehouse can ship, or dated before the go-live cutoff — not an error), or hold it with
 * exceptions for the owning teams (including values Scend's contract would refuse).
 */
import type { OrderCreate } from '../../scend/contract';
import type { ExceptionDraft } from '../exceptions/exception';
import { clientReferenceOf } from './client-reference';
import { courierServiceOf, requiredDespatchDateOf, utcDay } from './despatch';
import type { ItemCatalogue } from './items';
import { heldItemExceptions, missingAddressException } from './order-exceptions';
import type { SalesOrderSnapshot } from './sales-order';
import type { OrderSettings } from './settings';
import { orderLimitExceptions } from './data-exceptions';
import { beforeGoLive } from './go-live';
import { orderLimitProblems } from './order-limits';
import { shipToOf } from './ship-to';
import { warehouseLinesOf, type FilteredLine } from './warehouse-lines';

export type PushPlan =
  | { kind: 'send'; clientReference: string; body: OrderCreate; filtered: FilteredLine[] }
  | { kind: 'nothing-physical'; clientReference: string; filtered: FilteredLine[] }
  | { kind: 'blocked'; clientReference: string; exceptions: ExceptionDraft[]; filtered: FilteredLine[] };

export function planPush(order: SalesOrderSnapshot, items: ItemCatalogue, settings: OrderSettings, now: Date): PushPlan {
  const clientReference = clientReferenceOf(order, settings.referenceSource);
  const ref = { id: order.id, tranId: order.tranId, clientReference };
  if (beforeGoLive(order, settings)) {
    const filtered = order.lines.map((l) => ({ line: l.line, itemId: l.itemId, itemType: l.itemType, reason: 'before-go-live' as const }));
    return { kind: 'nothing-physical', clientReference, filtered };
  }
  const { lines, filtered, held, fractional } = warehouseLinesOf(order, items, settings);
  if (lines.length === 0 && held.length === 0 && fractional.length === 0) return { kind: 'nothing-physical', clientReference, filtered };

  const exceptions: ExceptionDraft[] = [];
  const shipTo = shipToOf(order);
  if (!shipTo.ok) exceptions.push(missingAddressException(ref, shipTo.missing));
  exceptions.push(...heldItemExceptions(ref, held));
  if (exceptions.length || !shipTo.ok) return { kind: 'blocked', clientReference, exceptions, filtered };

  const courier = courierServiceOf(order, settings);
  const body: OrderCreate = {
    ClientReference: clientReference,
    OrderNumber: order.tranId,
    OrderDate: utcDay(order.tranDate).toISOString(),
    ...(courier ? { CourierService: courier } : {}),
    RequiredDespatchDate: requiredDespatchDateOf(order, settings, now),
    ...(order.memo ? { Notes: order.memo } : {}),
    ShipTo: shipTo.shipTo,
    Lines: lines,
  };
  const limits = orderLimitProblems(body, fractional);
  if (limits) return { kind: 'blocked', clientReference, exceptions: orderLimitExceptions(ref, limits), filtered };
  return { kind: 'send', clientReference, body, filtered };
}
