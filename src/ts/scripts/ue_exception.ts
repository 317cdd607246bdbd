/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import { RECORDS } from '../ids';
import { listKey } from '../netsuite/orders/list-values';
import { openUrlScript, promptNoteScript, workPageUrl } from '../netsuite/exceptions/work-links';

/** An open exception viewed in the UI gets Retry now (when it is about an order) and Ignore. */
export function beforeLoad(context: EntryPoints.UserEvent.beforeLoadContext): void {
  if (!context.form || String(context.type) !== 'view') return;
  const rec = context.newRecord;
  if (listKey('exceptionStatus', rec.getValue({ fieldId: RECORDS.exception.fields.status })) !== 'open') return;
  const id = String(rec.id);
  if (rec.getValue({ fieldId: RECORDS.exception.fields.transaction })) {
    context.form.addButton({ id: 'custpage_scend_retry', label: 'Retry now', functionName: openUrlScript(workPageUrl({ action: 'retry', exception: id })) });
  }
  context.form.addButton({
    id: 'custpage_scend_ignore',
    label: 'Ignore',
    functionName: promptNoteScript(workPageUrl({ action: 'ignore', exception: id }), 'Why is this exception ignored?'),
  });
}

