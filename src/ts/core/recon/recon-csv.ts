/**
 * The reconciliation's figures as CSV, the same figures the page shows (one row per figure, then
 * the lines behind them): what goes to the File Cabinet when finance signs off.
 */
import type { Reconciliation } from './reconcile';

export const RECON_CSV_HEADER = 'section,label,count,units,value,detail';

const cell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface CsvRow {
  section: string;
  label: string;
  count?: number;
  units?: number;
  value?: number;
  detail?: string;
}

/** The rows, in page order. */
export function reconRows(r: Reconciliation): CsvRow[] {
  const d = r.despatches;
  const s = r.stock;
  const rows: CsvRow[] = [
    { section: 'period', label: 'from', detail: r.period.from },
    { section: 'period', label: 'to', detail: r.period.to },
    { section: 'despatches', label: 'Scend despatches', count: d.scendCount, units: d.scendUnits },
    { section: 'despatches', label: 'NetSuite fulfilments', count: d.netsuiteCount, units: d.netsuiteUnits },
    { section: 'despatches', label: 'Matched', count: d.matchedCount },
    { section: 'despatches', label: 'Despatches without fulfilment', count: d.withoutFulfilment.length, units: d.withoutFulfilment.reduce((n, x) => n + x.units, 0) },
    { section: 'despatches', label: 'Fulfilments by hand (no Scend despatch)', count: d.withoutDespatch.length, units: d.withoutDespatch.reduce((n, x) => n + x.units, 0) },
    { section: 'despatches', label: 'Fulfilments of earlier despatches', count: d.earlierDespatch.length, units: d.earlierDespatch.reduce((n, x) => n + x.units, 0) },
    { section: 'despatches', label: 'Unit differences (Scend - NetSuite)', count: d.unitMismatches.length, units: d.unitMismatches.reduce((n, x) => n + x.scendUnits - x.netsuiteUnits, 0) },
  ];
  for (const x of d.withoutFulfilment) rows.push({ section: 'despatch-without-fulfilment', label: x.despatchId, units: x.units, detail: `${x.clientReference} ${x.despatchedAt}` });
  for (const x of d.withoutDespatch) rows.push({ section: 'fulfilment-without-despatch', label: x.tranId, units: x.units, detail: x.date });
  for (const x of d.earlierDespatch) rows.push({ section: 'fulfilment-earlier-despatch', label: x.tranId, units: x.units, detail: `${x.externalId} ${x.date}` });
  for (const x of d.unitMismatches) rows.push({ section: 'despatch-unit-mismatch', label: x.despatchId, units: x.scendUnits - x.netsuiteUnits, detail: `Scend ${x.scendUnits}, NetSuite ${x.netsuiteUnits}` });
  rows.push(
    { section: 'stock', label: 'Stock run', detail: s.run ? `${s.run.snapshotId} as of ${s.run.asOf}` : 'none' },
    { section: 'stock', label: 'Scend stock', count: s.rowsCompared, units: s.scendUnits, value: s.scendValue },
    { section: 'stock', label: 'NetSuite stock', count: s.rowsCompared, units: s.netsuiteUnits, value: s.netsuiteValue },
    { section: 'stock', label: 'Timing differences', units: s.timingUnits, value: s.timingValue },
    { section: 'stock', label: 'True variances', units: s.varianceUnits, value: s.varianceValue },
    { section: 'stock', label: 'True variances adjusted by the stock sync', value: s.adjustedVarianceValue },
    { section: 'stock', label: 'Unknown to NetSuite (not valued)', units: s.otherUnits, value: s.otherValue },
  );
  for (const l of s.lines) rows.push({ section: 'stock-sku', label: `${l.sku} @ ${l.locationId}`, units: l.difference, value: l.differenceValue, detail: `${l.status}; Scend ${l.scend}, NetSuite ${l.netsuite}, cost ${l.cost}` });
  rows.push({ section: 'adjustments', label: 'Total', count: r.adjustments.count, units: r.adjustments.units, value: r.adjustments.value });
  for (const g of r.adjustments.groups) rows.push({ section: 'adjustments-by-reason', label: `${g.reason} / ${g.accountName}`, count: g.adjustments, units: g.units, value: g.value });
  rows.push(
    { section: 'receipt-variances', label: 'Open', count: r.receiptVariances.open },
    { section: 'receipt-variances', label: 'Resolved', count: r.receiptVariances.resolved },
  );
  for (const v of r.receiptVariances.rows) rows.push({ section: 'receipt-variance', label: v.transactionName || v.id, detail: `${v.status}; ${v.message}` });
  for (const c of r.checks) rows.push({ section: 'check', label: c.name, value: c.left, detail: c.ok ? 'balances' : `does not balance (${c.right})` });
  return rows;
}

export interface CsvSignOff {
  signedBy: string;
  signedAt: string;
}

export function reconCsv(r: Reconciliation, signOff?: CsvSignOff): string {
  const rows = reconRows(r);
  rows.push(signOff ? { section: 'sign-off', label: signOff.signedBy, detail: signOff.signedAt } : { section: 'sign-off', label: 'draft', detail: 'not signed off' });
  const lines = [RECON_CSV_HEADER, ...rows.map((x) => [x.section, x.label, x.count, x.units, x.value, x.detail].map(cell).join(','))];
  return lines.join('\n') + '\n';
}

/** One file per period: a re-run of a draft overwrites it (same name, same folder). */
export const reconFileName = (r: Reconciliation): string => `scend-reconciliation-${r.period.from}-${r.period.to}.csv`;
