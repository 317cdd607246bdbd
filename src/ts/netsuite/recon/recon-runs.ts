/**
 * The reconciliation run records and their CSV: one run per period (external id
 * recon:<from>:<to>, so NetSuite refuses a second), found by a search on that key (10 units),
 * loaded (2), saved (4); the CSV is one File Cabinet file per period (20) in the stock report
 * folder. A signed-off run is refused any change by customscript_scend_ue_recon_run.
 */
import * as file from 'N/file';
import * as record from 'N/record';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import { runExternalId } from '../../core/recon/period';
import { reconCsv, reconFileName, type CsvSignOff } from '../../core/recon/recon-csv';
import { figuresJson, parseFigures, type ReconRun } from '../../core/recon/recon-run';
import type { Period, Reconciliation } from '../../core/recon/reconcile';
import { DEFAULT_REPORT_FOLDER } from '../../core/stock/settings';
import { readStockSettings } from '../stock/stock-settings-repository';

const F = RECORDS.reconRun.fields;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : '');

export function findRunId(p: Period): string | null {
  const rows = search
    .create({ type: RECORDS.reconRun.id, filters: [['externalid', 'anyof', runExternalId(p)]], columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1 });
  return rows.length ? String(rows[0].id) : null;
}

export function loadRun(id: string): ReconRun | null {
  let rec: record.Record;
  try {
    rec = record.load({ type: RECORDS.reconRun.id, id });
  } catch (e) {
    if ((e as { name?: string }).name === 'RCRD_DSNT_EXIST') return null;
    throw e;
  }
  const figures = parseFigures(String(rec.getValue({ fieldId: F.figures }) ?? ''));
  return {
    id: String(rec.id),
    period: figures.period,
    figures,
    computedAt: iso(rec.getValue({ fieldId: F.computedAt })),
    fileId: String(rec.getValue({ fieldId: F.fileId }) ?? ''),
    signedBy: String(rec.getValue({ fieldId: F.signedBy }) ?? ''),
    signedAt: iso(rec.getValue({ fieldId: F.signedAt })),
  };
}

/** The CSV of the figures (with the sign-off once there is one): the period's one file, overwritten while a draft. */
export function writeCsv(r: Reconciliation, signOff?: CsvSignOff): string {
  const settings = readStockSettings();
  const folder = settings.ok ? settings.settings.reportFolder : DEFAULT_REPORT_FOLDER;
  const f = file.create({ name: reconFileName(r), fileType: file.Type.CSV, contents: reconCsv(r, signOff), folder });
  f.description = signOff ? `Scend reconciliation ${r.period.from} to ${r.period.to}, signed off by ${signOff.signedBy} at ${signOff.signedAt}` : `Scend reconciliation ${r.period.from} to ${r.period.to} (draft)`;
  return String(f.save());
}

/** The file's URL for a link, or '' when it cannot be loaded (deleted, or no access). */
export function fileUrl(fileId: string): string {
  if (!fileId) return '';
  try {
    return String((file.load({ id: Number(fileId) }) as unknown as { url?: string }).url ?? '');
  } catch {
    return '';
  }
}

/** Creates the period's draft, or replaces the draft's figures (never a signed-off run's: the guard refuses it). */
export function saveDraft(existingId: string | null, r: Reconciliation, computedAt: Date, fileId: string): string {
  const rec = existingId ? record.load({ type: RECORDS.reconRun.id, id: existingId }) : record.create({ type: RECORDS.reconRun.id });
  if (!existingId) rec.setValue({ fieldId: 'externalid', value: runExternalId(r.period) });
  rec.setValue({ fieldId: 'name', value: `Scend reconciliation ${r.period.from} to ${r.period.to}` });
  rec.setValue({ fieldId: F.periodFrom, value: new Date(`${r.period.from}T00:00:00Z`) });
  rec.setValue({ fieldId: F.periodTo, value: new Date(`${r.period.to}T00:00:00Z`) });
  rec.setValue({ fieldId: F.computedAt, value: computedAt });
  rec.setValue({ fieldId: F.despatches, value: r.despatches.scendCount });
  rec.setValue({ fieldId: F.fulfilments, value: r.despatches.netsuiteCount });
  rec.setValue({ fieldId: F.varianceValue, value: r.stock.varianceValue });
  rec.setValue({ fieldId: F.timingValue, value: r.stock.timingValue });
  rec.setValue({ fieldId: F.adjustmentValue, value: r.adjustments.value });
  rec.setValue({ fieldId: F.balanced, value: r.balanced });
  rec.setValue({ fieldId: F.figures, value: figuresJson(r) });
  rec.setValue({ fieldId: F.fileId, value: Number(fileId) });
  rec.setValue({ fieldId: F.stockRun, value: r.stock.run ? Number(r.stock.run.id) : '' });
  return String(rec.save({ enableSourcing: false, ignoreMandatoryFields: true }));
}

/** Records the sign-off on the draft (the last change the run accepts). */
export function recordSignOff(id: string, signedBy: string, signedAt: Date, fileId: string): void {
  record.submitFields({ type: RECORDS.reconRun.id, id, values: { [F.signedBy]: signedBy.slice(0, 300), [F.signedAt]: signedAt, [F.fileId]: Number(fileId) } });
}
