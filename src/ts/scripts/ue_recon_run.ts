/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

/**
 * A signed-off reconciliation run is read-only: beforeSubmit refuses edit, inline edit and delete
 * of a run that has a sign-off, from any context (UI, CSV import, another script, the page itself).
 */
import * as error from 'N/error';
import type { EntryPoints } from 'N/types';
import { RECORDS } from '../ids';
import { changeRefusal } from '../core/recon/recon-run';

const F = RECORDS.reconRun.fields;

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  const old = context.oldRecord;
  if (!old) return;
  const at = old.getValue({ fieldId: F.signedAt });
  const signedAt = at instanceof Date ? at.toISOString() : at ? String(at) : '';
  const refusal = changeRefusal(String(context.type), String(old.getValue({ fieldId: F.signedBy }) ?? ''), signedAt);
  if (refusal) throw error.create({ name: 'SCEND_RECONCILIATION_SIGNED_OFF', message: refusal, notifyOff: true });
}
