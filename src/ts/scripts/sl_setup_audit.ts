/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

/**
 * The setup audit: checks the account's readiness for the connector and lists each gap with its
 * fix (configuration and API secret, deployments, items, mappings, open orders, roles). GET and
 * POST (Run again) both re-read everything; POST also drops the cached configuration.
 */
import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { renderAudit } from '../core/audit/audit-page';
import { checkConfig, clearConfigCache } from '../netsuite/config-repository';
import { runAudit } from '../netsuite/audit/run-audit';
import { pageLinks } from '../netsuite/pages/page-links';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  if (context.request.method === 'POST') clearConfigCache();
  const report = runAudit(checkConfig());
  const form = serverWidget.createForm({ title: 'Scend connector: setup audit' });
  const body = form.addField({ id: 'custpage_scend_audit', type: serverWidget.FieldType.INLINEHTML, label: 'Audit' });
  body.defaultValue = renderAudit(report, pageLinks());
  form.addSubmitButton({ label: 'Run again' });
  context.response.writePage(form);
}
