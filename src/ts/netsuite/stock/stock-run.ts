/**
 * What the stock sync keeps for reconciliation: the per-SKU comparison as a CSV file in the File
 * Cabinet (one file per run, 20 units, however many SKUs) and one run record (externalid
 * `stocksync:<SnapshotId>`, 6 units) naming the snapshot, the counts, the file and the adjustments.
 */
import * as file from 'N/file';
import * as record from 'N/record';
import { RECORDS } from '../../ids';
import type { ComparisonRow, RowStatus } from '../../core/stock/compare';
import { comparisonCsv, reportFileName } from '../../core/stock/report';

const F = RECORDS.stockRun.fields;

export const runExternalId = (snapshotId: string): string => `stocksync:${snapshotId}`;

export function writeComparisonFile(rows: readonly ComparisonRow[], snapshotId: string, asOf: string, folder: number): string {
  const f = file.create({ name: reportFileName(snapshotId, asOf), fileType: file.Type.CSV, contents: comparisonCsv(rows), folder });
  return String(f.save());
}

export function createRun(run: { snapshotId: string; asOf: string; status: string; rows: number; counts: Record<RowStatus, number>; fileId?: string }): string {
  const rec = record.create({ type: RECORDS.stockRun.id });
  rec.setValue({ fieldId: 'externalid', value: runExternalId(run.snapshotId) });
  rec.setValue({ fieldId: F.snapshotId, value: run.snapshotId });
  rec.setValue({ fieldId: F.asOf, value: new Date(run.asOf) });
  rec.setValue({ fieldId: F.status, value: run.status });
  rec.setValue({ fieldId: F.rows, value: run.rows });
  rec.setValue({ fieldId: F.counts, value: JSON.stringify(run.counts) });
  if (run.fileId) rec.setValue({ fieldId: F.fileId, value: Number(run.fileId) });
  return String(rec.save({ enableSourcing: false, ignoreMandatoryFields: true }));
}

export function finishRun(runId: string, status: string, adjustmentIds: readonly string[]): void {
  record.submitFields({ type: RECORDS.stockRun.id, id: runId, values: { [F.status]: status.slice(0, 300), [F.adjustments]: adjustmentIds.join(',').slice(0, 3900) } });
}
