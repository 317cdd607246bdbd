/**
 * Courier service and RequiredDespatchDate, so the warehouse works a prioritised queue:
 * the shipping method's mapping, else the default service; the order's ship date, else the order
 * date plus the method's priority days, else plus the configured lead days (never in the past).
 */
import type { SalesOrderSnapshot } from './sales-order';
import type { OrderSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of an ISO date or date-time. */
export function utcDay(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}

export function courierServiceOf(order: Pick<SalesOrderSnapshot, 'shipMethodId'>, settings: OrderSettings): string | undefined {
  const mapped = order.shipMethodId ? settings.shipMethods[order.shipMethodId] : undefined;
  return mapped?.courierService ?? settings.defaultCourierService ?? undefined;
}

export function requiredDespatchDateOf(
  order: Pick<SalesOrderSnapshot, 'shipDate' | 'tranDate' | 'shipMethodId'>,
  settings: OrderSettings,
  now: Date,
): string {
  const today = utcDay(now.toISOString());
  let date: Date;
  if (order.shipDate) date = utcDay(order.shipDate);
  else {
    const mapped = order.shipMethodId ? settings.shipMethods[order.shipMethodId] : undefined;
    const days = mapped && mapped.priorityDays !== null ? mapped.priorityDays : settings.despatchLeadDays;
    date = new Date(utcDay(order.tranDate).getTime() + days * DAY_MS);
  }
  return (date.getTime() < today.getTime() ? today : date).toISOString();
}
