/**
 * The stock settings on the configuration record (tolerance, accounts, report folder) and their
 * rules. Read apart from the connector config so the order handoff never pays for them.
 */
import type { MovementReason } from '../../scend/contract';

/** Reasons the movement import adjusts (RETURN_RESTOCK is the returns import's: see movement.ts). */
export type AdjustedReason = Exclude<MovementReason, 'RETURN_RESTOCK'>;
export const ADJUSTED_REASONS: readonly AdjustedReason[] = ['DAMAGED', 'LOST', 'FOUND', 'CYCLE_COUNT', 'QUARANTINE'];

/** SuiteScripts: where the comparison files go when no folder is configured. */
export const DEFAULT_REPORT_FOLDER = -15;

export interface StockSettings {
  /** Units per SKU and location the sync may adjust by itself; larger differences go to finance. */
  tolerance: number;
  /** Account of the stock sync's adjustments. */
  syncAccount: string;
  /** Account per movement reason (falls back to the sync account). */
  reasonAccounts: Readonly<Record<AdjustedReason, string>>;
  reportFolder: number;
}

export interface RawStockSettings {
  tolerance: number | null;
  syncAccount: string | null;
  reasonAccounts: Partial<Record<AdjustedReason, string | null>>;
  reportFolder: number | null;
}

export interface StockSettingsProblem {
  field: string;
  message: string;
}

export type StockSettingsResult = { ok: true; settings: StockSettings } | { ok: false; problems: StockSettingsProblem[] };

export function parseStockSettings(raw: RawStockSettings | null): StockSettingsResult {
  if (!raw) return { ok: false, problems: [{ field: 'customrecord_scend_config', message: 'no active Scend configuration record' }] };
  const problems: StockSettingsProblem[] = [];
  const tolerance = raw.tolerance ?? 0;
  if (!Number.isInteger(tolerance) || tolerance < 0) problems.push({ field: 'stockTolerance', message: `must be a whole number of units >= 0 (is ${tolerance})` });
  const syncAccount = (raw.syncAccount ?? '').trim();
  const reasonAccounts = {} as Record<AdjustedReason, string>;
  for (const reason of ADJUSTED_REASONS) {
    const account = (raw.reasonAccounts[reason] ?? '').trim() || syncAccount;
    if (!account) problems.push({ field: `account:${reason}`, message: `set an account for ${reason} movements or the stock sync adjustment account` });
    reasonAccounts[reason] = account;
  }
  if (!syncAccount) problems.push({ field: 'stockAccount', message: 'the stock sync adjustment account is required' });
  const folder = raw.reportFolder ?? DEFAULT_REPORT_FOLDER;
  if (!Number.isInteger(folder) || folder === 0) problems.push({ field: 'stockReportFolder', message: `must be a folder internal id (is ${folder})` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, settings: { tolerance, syncAccount, reasonAccounts, reportFolder: folder } };
}

/** The admin's exception while the stock settings are unusable (stock scripts then do nothing). */
export const STOCK_SETTINGS_KEY = 'configuration:connector:stock';

export function stockSettingsException(problems: readonly StockSettingsProblem[]): {
  type: 'configuration';
  owner: 'admin';
  dedupeKey: string;
  message: string;
} {
  return {
    type: 'configuration',
    owner: 'admin',
    dedupeKey: STOCK_SETTINGS_KEY,
    message:
      `The Scend stock settings are unusable, so no stock movement is imported and no stock sync runs (${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}). ` +
      'Fix them on the Scend connector configuration record; the feed waits at its position and nothing is lost.',
  };
}
