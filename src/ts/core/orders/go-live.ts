/**
 * The go-live cutoff: orders dated (NetSuite `trandate`) before the configured day never go to
 * Scend, so the first backlog run does not send every historic open order to a warehouse that
 * never had them. The order date, not the creation time, because a migration imports historic
 * orders on go-live day with their original dates.
 */
import type { SalesOrderSnapshot } from './sales-order';
import type { OrderSettings } from './settings';

export function beforeGoLive(order: Pick<SalesOrderSnapshot, 'tranDate'>, settings: Pick<OrderSettings, 'goLiveDate'>): boolean {
  if (!settings.goLiveDate) return false;
  return order.tranDate.slice(0, 10) < settings.goLiveDate;
}
