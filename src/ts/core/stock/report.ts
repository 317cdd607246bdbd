/** The per-SKU comparison of one stock sync run as CSV (the File Cabinet file a run record names). */
import type { ComparisonRow } from './compare';

export const REPORT_HEADER = 'sku,item,location,warehouse,scend_on_hand,netsuite_on_hand,in_flight_explained,difference,status';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  const lines = [REPORT_HEADER];
  for (const r of rows) lines.push([r.sku, r.itemId, r.locationId, r.warehouse, r.scend, r.netsuite, r.pending, r.difference, r.status].map(cell).join(','));
  return lines.join('\n') + '\n';
}

export const reportFileName = (snapshotId: string, asOf: string): string =>
  `scend-stock-${asOf.replace(/[^0-9TZ]/g, '')}-${snapshotId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
