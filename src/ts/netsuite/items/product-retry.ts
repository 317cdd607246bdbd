/**
 * The backlog's product retry wired to NetSuite and Scend: item snapshots by lookupFields, the
 * item master's ports (Scend client, item flags, exceptions) built only when an order needs them,
 * governance from N/runtime.
 */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { ConnectorConfig } from '../../core/config';
import { productsToRetry, retryProducts } from '../../core/items/held-products';
import type { ItemCatalogue } from '../../core/orders/items';
import type { SalesOrderSnapshot } from '../../core/orders/sales-order';
import type { LedgerEntry } from '../../core/sync/ledger';
import { lookupItemSnapshot } from './item-reader';
import { liveItemMaster } from './item-master-ports';

export function productRetry(config: ConnectorConfig, now: Date): (entry: LedgerEntry, order: SalesOrderSnapshot, items: ItemCatalogue) => boolean {
  return (entry, order, items) => {
    const ids = productsToRetry(entry, order, items, config);
    if (ids.length === 0) return false;
    const report = retryProducts(
      ids,
      {
        itemMaster: liveItemMaster(now, config).ports,
        readItem: lookupItemSnapshot,
        remainingUsage: () => runtime.getCurrentScript().getRemainingUsage(),
      },
      now,
    );
    log.audit({ title: 'Scend backlog: products retried', details: JSON.stringify({ order: order.tranId, ...report }) });
    return report.accepted.length > 0;
  };
}
