/**
 * @NApiVersion 2.1
 * @NScriptType SDFInstallationScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import { ensureSavedSearches } from '../netsuite/searches/search-setup';

/** Every deploy creates or repairs the connector's saved searches (SDF cannot carry their definitions). */
export function run(_context: { fromVersion: string | null; toVersion: string }): void {
  const report = ensureSavedSearches();
  log.audit({ title: 'Scend saved searches', details: JSON.stringify({ changes: report.changes, results: report.results.map((r) => `${r.id}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`) }) });
  const failed = report.results.filter((r) => r.outcome === 'failed');
  if (failed.length) log.error({ title: 'Scend saved searches not created', details: JSON.stringify(failed) });
}
