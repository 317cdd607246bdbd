/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { SCRIPTS } from '../ids';
import { runAlerts, type AlertMode } from '../netsuite/exceptions/alert-sender';
import { ensureSavedSearches } from '../netsuite/searches/search-setup';

/**
 * The alerts deployment (every 15 minutes): new high-severity exceptions; the digest deployment
 * (daily): the rest, and the saved searches checked and repaired (about 100 units), since SDF runs
 * installation scripts only for SuiteApp projects and this is an account customization project.
 */
export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const mode: AlertMode = runtime.getCurrentScript().deploymentId === SCRIPTS.alerts.deployments.digest ? 'digest' : 'alerts';
  const report = runAlerts(mode, new Date());
  log.audit({ title: `Scend ${mode}`, details: JSON.stringify(report) });
  if (mode === 'digest') {
    const searches = ensureSavedSearches();
    const failed = searches.results.filter((r) => r.outcome === 'failed');
    log.audit({ title: 'Scend saved searches', details: JSON.stringify({ changes: searches.changes, failed: failed.length }) });
    if (failed.length) log.error({ title: 'Scend saved searches not created', details: JSON.stringify(failed) });
  }
  if (report.failed.length || report.unroutable.length) {
    log.error({ title: `Scend ${mode} not sent`, details: JSON.stringify({ failed: report.failed, noRecipientFor: report.unroutable, fix: 'set the team alert fields on the Scend connector configuration' }) });
  }
}
