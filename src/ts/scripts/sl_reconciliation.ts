/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

/**
 * Month-end reconciliation (finance). GET or "Show month" (POST) for a month, the previous one by
 * default: a period already signed off shows its frozen run and changes nothing; otherwise the
 * figures are computed from both systems and replace the period's draft run and CSV. "Sign off"
 * (POST custpage_action=signoff) signs the draft the page showed, if its figures are still the ones
 * reviewed: the CSV is rewritten with the sign-off and the run records who and when.
 */
import * as runtime from 'N/runtime';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import type { EntryPoints } from 'N/types';
import { RECORDS } from '../ids';
import { monthOf, periodFor, pickerMonths } from '../core/recon/period';
import { ACTION_FIELD, renderReconciliation, SIGN_OFF_ACTION, type ReconLinks, type RunView } from '../core/recon/recon-page';
import { canSignOff, isSigned, type ReconRun } from '../core/recon/recon-run';
import { reconcile } from '../core/recon/reconcile';
import { escapeHtml, PAGE_STYLE } from '../core/pages/html';
import { checkConfig } from '../netsuite/config-repository';
import { readReconInput } from '../netsuite/recon/recon-input';
import { fileUrl, findRunId, loadRun, recordSignOff, saveDraft, writeCsv } from '../netsuite/recon/recon-runs';

const MONTH_FIELD = 'custpage_month';
const RUN_FIELD = 'custpage_run';
const REVIEWED_FIELD = 'custpage_reviewed';

interface Outcome {
  month: string;
  run: ReconRun | null;
  message?: string;
  status?: string;
}

const links = (): ReconLinks => ({
  record: (recordType, recordId) => url.resolveRecord({ recordType, recordId }),
  recordList: (recordType) => url.resolveRecord({ recordType }),
});

function signedByNow(): string {
  const user = runtime.getCurrentUser();
  return `${String(user.name || user.email || user.id)} (${user.id})`;
}

function signOff(params: Record<string, string>, now: Date): Outcome {
  const runId = params[RUN_FIELD] ?? '';
  const run = runId ? loadRun(runId) : null;
  const decision = canSignOff(run, params[REVIEWED_FIELD] ?? '');
  const month = run ? monthOf(new Date(`${run.period.from}T00:00:00Z`)) : String(params[MONTH_FIELD] ?? '');
  if (!decision.ok || !run) return { month, run, message: decision.ok ? 'No run to sign off.' : decision.reason };
  const signedBy = signedByNow();
  const fileId = writeCsv(run.figures, { signedBy, signedAt: now.toISOString() });
  recordSignOff(run.id, signedBy, now, fileId);
  return { month, run: loadRun(run.id), status: `Signed off. The figures for ${run.period.from} to ${run.period.to} are frozen in reconciliation run ${run.id}.` };
}

function show(monthParam: string | undefined, now: Date): Outcome | { error: string; month: string } {
  const wanted = periodFor(monthParam, now);
  if ('error' in wanted) return { error: wanted.error, month: monthOf(now) };
  const existingId = findRunId(wanted.period);
  const existing = existingId ? loadRun(existingId) : null;
  if (existing && isSigned(existing)) return { month: wanted.month, run: existing };
  const checked = checkConfig();
  if (!checked.ok) return { error: `The Scend connector is not configured: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, month: wanted.month };
  const figures = reconcile(readReconInput(wanted.period, checked.config));
  // Datetime fields keep whole seconds: the version the page carries must read back the same.
  const computedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const fileId = writeCsv(figures);
  const id = saveDraft(existing ? existing.id : null, figures, computedAt, fileId);
  return { month: wanted.month, run: { id, period: wanted.period, figures, computedAt: computedAt.toISOString(), fileId, signedBy: '', signedAt: '' } };
}

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const now = new Date();
  const params = context.request.parameters as Record<string, string>;
  const isSignOff = context.request.method === 'POST' && params[ACTION_FIELD] === SIGN_OFF_ACTION;
  let outcome: Outcome | { error: string; month: string };
  try {
    outcome = isSignOff ? signOff(params, now) : show(params[MONTH_FIELD] || params.month, now);
  } catch (e) {
    const err = e as { name?: string; message?: string };
    outcome = { error: `The reconciliation could not be computed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}. Nothing was saved; try again.`, month: String(params[MONTH_FIELD] || '') };
  }

  const form = serverWidget.createForm({ title: 'Scend connector: reconciliation' });
  const month = form.addField({ id: MONTH_FIELD, type: serverWidget.FieldType.SELECT, label: 'Month' });
  for (const m of pickerMonths(now)) month.addSelectOption({ value: m, text: m, isSelected: m === outcome.month });
  const body = form.addField({ id: 'custpage_scend_recon', type: serverWidget.FieldType.INLINEHTML, label: 'Reconciliation' });
  if ('error' in outcome) {
    body.defaultValue = `${PAGE_STYLE}<div class="scend-page" id="scend-recon"><p class="scend-bad" role="alert" id="scend-recon-message">${escapeHtml(outcome.error)}</p></div>`;
  } else if (!outcome.run) {
    body.defaultValue = `${PAGE_STYLE}<div class="scend-page" id="scend-recon"><p class="scend-bad" role="alert" id="scend-recon-message">${escapeHtml(outcome.message ?? 'No reconciliation run.')}</p></div>`;
  } else {
    const run = outcome.run;
    const view: RunView = { id: run.id, recordType: RECORDS.reconRun.id, computedAt: run.computedAt, fileId: run.fileId, fileUrl: fileUrl(run.fileId), signedBy: run.signedBy, signedAt: run.signedAt };
    body.defaultValue = renderReconciliation(run.figures, links(), { run: view, message: outcome.message, status: outcome.status });
    if (!isSigned(run)) {
      form.addField({ id: RUN_FIELD, type: serverWidget.FieldType.TEXT, label: 'Run' }).updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN }).defaultValue = run.id;
      form.addField({ id: REVIEWED_FIELD, type: serverWidget.FieldType.TEXT, label: 'Figures computed at' }).updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN }).defaultValue = run.computedAt;
    }
  }
  form.addSubmitButton({ label: 'Show month' });
  context.response.writePage(form);
}
