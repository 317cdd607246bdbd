/**
 * Stock drift: the newest stock comparison (the stock sync's run record, issue 10) read through a
 * typed port. Each SKU whose quantities differ beyond timing is one drift exception.
 */
import type { DriftFinding } from './drift-kinds';

export interface StockVarianceLine {
  itemId: string;
  sku: string;
  netsuiteQuantity: number;
  scendQuantity: number;
  /** A difference explained by work in flight (despatches/receipts not yet imported). */
  timing: boolean;
}

export interface StockComparison {
  runId: string;
  at: Date;
  lines: StockVarianceLine[];
}

/** Port: the newest stock comparison, or null while no stock run has been recorded. */
export interface LatestStockComparison {
  read(): StockComparison | null;
}

/** Until the stock sync records its runs there is nothing to compare. */
export const NO_STOCK_RUNS: LatestStockComparison = { read: () => null };

export function decideStockDrift(comparison: StockComparison | null): DriftFinding[] {
  if (!comparison) return [];
  return comparison.lines
    .filter((l) => !l.timing && l.netsuiteQuantity !== l.scendQuantity)
    .map((l) => ({
      kind: 'stock' as const,
      subjectId: l.itemId,
      itemId: l.itemId,
      message: `Stock of ${l.sku} differs: NetSuite ${l.netsuiteQuantity}, Scend ${l.scendQuantity} (stock run ${comparison.runId}). Count it in the warehouse and adjust the side that is wrong.`,
      details: `variance=${l.scendQuantity - l.netsuiteQuantity}`,
    }));
}
