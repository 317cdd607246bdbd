/**
 * The hook for the stock sync (issue 10): where drift detection and the dashboard read the newest
 * stock comparison. Until the stock sync records its runs there is none; replace NO_STOCK_RUNS with
 * a reader of the newest stock-run record (one SuiteQL read of its variance lines) that returns a
 * StockComparison, and both consumers pick it up.
 */
import { NO_STOCK_RUNS, type LatestStockComparison } from '../../core/drift/stock-drift';

export function latestStockComparison(): LatestStockComparison {
  return NO_STOCK_RUNS;
}
