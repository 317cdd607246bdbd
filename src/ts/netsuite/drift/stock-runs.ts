/**
 * Where drift detection (and the dashboard) read the newest stock comparison: the latest stock-sync
 * run record and its comparison file (one search, one file load: 20 units). Rows the sync called
 * `drift` are variances; `timing` rows are work in flight, reported as such.
 */
import * as file from 'N/file';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { LatestStockComparison, StockComparison } from '../../core/drift/stock-drift';
import { parseComparisonCsv } from '../../core/stock/report-read';

const F = RECORDS.stockRun.fields;

export function latestStockComparison(): LatestStockComparison {
  return {
    read(): StockComparison | null {
      const rows = search
        .create({ type: RECORDS.stockRun.id, filters: [[F.fileId, 'isnotempty', '']], columns: [search.createColumn({ name: F.asOf, sort: search.Sort.DESC }), F.fileId] })
        .run()
        .getRange({ start: 0, end: 1 });
      if (!rows.length) return null;
      const run = rows[0];
      const fileId = String(run.getValue({ name: F.fileId }) ?? '');
      if (!fileId) return null;
      const at = run.getValue({ name: F.asOf });
      const lines = parseComparisonCsv(file.load({ id: fileId }).getContents())
        .filter((r) => r.status === 'drift' || r.status === 'timing')
        .map((r) => ({ itemId: r.itemId, sku: r.sku, netsuiteQuantity: r.netsuite, scendQuantity: r.scend, timing: r.status === 'timing' }));
      return { runId: String(run.id), at: at instanceof Date ? at : new Date(String(at)), lines };
    },
  };
}
