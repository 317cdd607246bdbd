/**
 * The stock settings on the active configuration record: one search (10 units), read by the stock
 * scripts only (the order handoff's cached config does not carry them).
 */
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import { parseStockSettings, type AdjustedReason, type StockSettingsResult } from '../../core/stock/settings';

const F = RECORDS.config.fields;
const REASON_FIELDS: Record<AdjustedReason, string> = {
  DAMAGED: F.damagedAccount,
  LOST: F.lostAccount,
  FOUND: F.foundAccount,
  CYCLE_COUNT: F.cycleCountAccount,
  QUARANTINE: F.quarantineAccount,
};

export function readStockSettings(): StockSettingsResult {
  const columns = [F.stockTolerance, F.stockAccount, F.stockReportFolder, ...Object.values(REASON_FIELDS)];
  const rows = search
    .create({ type: RECORDS.config.id, filters: [[F.active, 'is', 'T'], 'and', ['isinactive', 'is', 'F']], columns })
    .run()
    .getRange({ start: 0, end: 1 });
  if (!rows.length) return parseStockSettings(null);
  const row = rows[0];
  const text = (name: string): string | null => {
    const v = row.getValue({ name });
    return v === null || v === undefined || v === '' ? null : String(v);
  };
  const num = (name: string): number | null => (text(name) === null ? null : Number(text(name)));
  const reasonAccounts: Partial<Record<AdjustedReason, string | null>> = {};
  for (const [reason, field] of Object.entries(REASON_FIELDS) as Array<[AdjustedReason, string]>) reasonAccounts[reason] = text(field);
  return parseStockSettings({ tolerance: num(F.stockTolerance), syncAccount: text(F.stockAccount), reasonAccounts, reportFolder: num(F.stockReportFolder) });
}
