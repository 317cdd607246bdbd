/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { configReport } from '../core/config-report';
import { checkConnection } from '../core/connection-check';
import { SECRET_HOST_KEY } from '../core/secret-host';
import { checkConfig, clearConfigCache } from '../netsuite/config-repository';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { scendClientFor } from '../netsuite/orders/order-ports';

/**
 * GET shows the check; POST (the Re-check button) drops the cached config first. A usable config is
 * tried against Scend with one read (the only way to see a secret not allowed for the base URL's
 * host before an order is sent); a successful call resolves the secret-host exception.
 */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  if (context.request.method === 'POST') clearConfigCache();
  const checked = checkConfig();
  const report = configReport(checked);
  if (checked.ok) {
    const config = checked.config;
    const connection = checkConnection(() => void scendClientFor(config).listOrders({ page: 1, pageSize: 1 }), config);
    report.settings.push({ label: 'Connection to Scend', value: connection.message });
    if (connection.ok) new ExceptionRepository().resolve(SECRET_HOST_KEY);
    else if (!connection.untested) {
      report.ready = false;
      report.headline = 'Not ready: the configuration is complete but the connector cannot use Scend.';
      report.problems.push(connection.message);
    }
  }

  const form = serverWidget.createForm({ title: 'Scend connector: configuration check' });
  const headline = form.addField({ id: 'custpage_scend_headline', type: serverWidget.FieldType.INLINEHTML, label: 'Status' });
  headline.defaultValue = `<p><b>${escapeHtml(report.headline)}</b></p>`;
  report.settings.forEach((s, i) => {
    const field = form.addField({ id: `custpage_scend_setting_${i}`, type: serverWidget.FieldType.TEXT, label: s.label });
    field.defaultValue = s.value;
    field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.INLINE });
  });
  if (report.problems.length) {
    const problems = form.addField({ id: 'custpage_scend_problems', type: serverWidget.FieldType.INLINEHTML, label: 'Problems' });
    problems.defaultValue = `<ul>${report.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  }
  form.addSubmitButton({ label: 'Re-check' });
  context.response.writePage(form);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
