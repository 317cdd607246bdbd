/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { catalogueForAccount, ensureSavedSearches, type SearchSetupResult } from '../netsuite/searches/search-setup';

/**
 * POST (Create or repair) runs the setup and reports, per search, created / repaired / unchanged;
 * GET shows the catalogue. Re-running changes nothing that is already right.
 */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const form = serverWidget.createForm({ title: 'Scend connector: saved searches' });
  const summary = form.addField({ id: 'custpage_scend_summary', type: serverWidget.FieldType.INLINEHTML, label: 'Summary' });
  if (context.request.method === 'POST') {
    const report = ensureSavedSearches();
    summary.defaultValue = `<p><b>${report.changes} change${report.changes === 1 ? '' : 's'}</b></p>${table(report.results)}`;
  } else {
    summary.defaultValue = `<p>Create or repair the connector's saved searches:</p><ul>${catalogueForAccount().map((d) => `<li>${esc(d.title)} (${esc(d.id)})</li>`).join('')}</ul>`;
  }
  form.addSubmitButton({ label: 'Create or repair' });
  context.response.writePage(form);
}

function table(results: SearchSetupResult[]): string {
  const rows = results.map((r) => `<tr><td>${esc(r.title)}</td><td>${esc(r.id)}</td><td class="outcome">${r.outcome}</td><td>${esc(r.detail)}</td></tr>`).join('');
  return `<table><tr><th>Search</th><th>Id</th><th>Outcome</th><th>Detail</th></tr>${rows}</table>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
