/** Everything the reconciliation of one period reads, from both systems (see recon-source.ts for each read and its cost). */
import type { ConnectorConfig } from '../../core/config';
import type { Period, ReconInput } from '../../core/recon/reconcile';
import { scendClientFor } from '../orders/order-ports';
import { adjustments, fulfilments, itemCosts, latestStockRun, receiptVariances, scendDespatches } from './recon-source';

export function readReconInput(period: Period, config: ConnectorConfig): ReconInput {
  return {
    period,
    despatches: scendDespatches(scendClientFor(config), period),
    fulfilments: fulfilments(period, config),
    stock: latestStockRun(period),
    adjustments: adjustments(period),
    receiptVariances: receiptVariances(period),
    costs: itemCosts(),
  };
}
