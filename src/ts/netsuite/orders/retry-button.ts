/**
 * "Retry now" on a sales order page: shown when the order is approved, not yet fulfilled, and its
 * ledger entry says it is not in Scend yet (or it has none). One ledger lookup (10 units), only
 * when a person views the order (scripted reads have no form and pay nothing).
 */
import type { EntryPoints } from 'N/types';
import { orderLedgerKey, PENDING_STATES } from '../../core/sync/ledger';
import { openUrlScript, workPageUrl } from '../exceptions/work-links';
import { LedgerRepository } from './ledger-repository';
import { plain } from './values';

const WAITING_ORDER_STATUSES = ['B', 'D', 'E'];

export function addRetryButton(context: EntryPoints.UserEvent.beforeLoadContext): void {
  if (!context.form || String(context.type) !== 'view') return;
  const rec = context.newRecord;
  if (WAITING_ORDER_STATUSES.indexOf(plain(rec.getValue({ fieldId: 'orderstatus' }))) < 0) return;
  const entry = new LedgerRepository().find(orderLedgerKey(String(rec.id)));
  if (entry && PENDING_STATES.indexOf(entry.state) < 0 && entry.state !== 'failed') return;
  context.form.addButton({ id: 'custpage_scend_retry', label: 'Retry now (Scend)', functionName: openUrlScript(workPageUrl({ action: 'retry', order: String(rec.id) })) });
}
