/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { configReport } from '../core/config-report';
import { checkConfig, clearConfigCache } from '../netsuite/config-repository';

/** GET shows the check; POST (the Re-check button) drops the cached config first. */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  if (context.request.method === 'POST') clearConfigCache();
  const report = configReport(checkConfig());

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
