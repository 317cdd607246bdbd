/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

import * as runtime from 'N/runtime';
import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { LISTS } from '../ids';
import { TEAM_LABELS } from '../core/exceptions/alerts';
import { isOverdue } from '../core/exceptions/routing';
import { MAX_BULK, parseWorkRequest, PICK_PREFIX, type WorkAction } from '../core/exceptions/work-request';
import { ignoreException, openExceptions, transactionOf, type OpenExceptionRow } from '../netsuite/exceptions/exception-work';
import { retryOrder, submitBacklog } from '../netsuite/orders/retry-order';

/**
 * The page operations, finance and customer service work exceptions from. GET lists the open
 * exceptions (filters: owner team, type, overdue), most urgent first, with a checkbox each; POST
 * applies Retry now or Ignore (with a note) to the ticked rows. The Retry now / Ignore buttons on
 * an exception or a sales order open it with `action` and `exception` or `order`.
 * Runs as Administrator (the deployment's Execute As Role): people cannot edit the ledger, the
 * page changes it only through the claim in retryOrder.
 */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const { action, filters } = parseWorkRequest(context.request.parameters as Record<string, string | undefined>);
  const notices = perform(action);
  const rows = openExceptions({ team: filters.team, type: filters.type, overdueAt: filters.overdueOnly ? new Date() : undefined }, 200);
  context.response.writePage(page(rows, filters, notices));
}

function who(): { id: number; name: string } {
  const user = runtime.getCurrentUser();
  return { id: Number(user.id), name: String(user.name || user.email || user.id) };
}

function perform(action: WorkAction): string[] {
  const now = new Date();
  const user = who();
  if (action.kind === 'none') return [];
  if (action.kind === 'retry') {
    const orders: string[] = action.orderId ? [action.orderId] : [];
    for (const id of action.exceptionIds.slice(0, MAX_BULK)) {
      const order = transactionOf(id);
      if (!order) continue;
      if (orders.indexOf(order) < 0) orders.push(order);
    }
    if (orders.length === 0) return ['Nothing to retry: Retry now works on exceptions about an order. For an item, save the item again.'];
    const outcomes = orders.map((o) => ({ order: o, outcome: retryOrder(o, now, user.name, { submit: false }) }));
    // One backlog run for all of them, and none when nothing was queued.
    if (outcomes.some((x) => x.outcome.queued)) submitBacklog();
    const notices = outcomes.map((x) => `Order ${x.order}: ${x.outcome.message}`);
    if (action.exceptionIds.length > MAX_BULK) notices.push(`Only the first ${MAX_BULK} were retried: select fewer at a time.`);
    return notices;
  }
  if (action.exceptionIds.length === 0) return ['Tick the exceptions to ignore.'];
  const notices = action.exceptionIds.slice(0, MAX_BULK).map((id) => {
    const outcome = ignoreException(id, action.note, user, now);
    return `Exception ${id}: ${outcome.ok ? 'ignored' : outcome.message}`;
  });
  if (action.exceptionIds.length > MAX_BULK) notices.push(`Only the first ${MAX_BULK} were ignored: select fewer at a time.`);
  return notices;
}

function page(rows: OpenExceptionRow[], filters: ReturnType<typeof parseWorkRequest>['filters'], notices: string[]): serverWidget.Form {
  const form = serverWidget.createForm({ title: 'Scend exceptions' });
  if (notices.length) {
    const n = form.addField({ id: 'custpage_notices', type: serverWidget.FieldType.INLINEHTML, label: 'Done' });
    n.defaultValue = `<ul class="notices">${notices.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
  }
  const team = form.addField({ id: 'custpage_team', type: serverWidget.FieldType.SELECT, label: 'Owner team' });
  team.addSelectOption({ value: '', text: 'All teams', isSelected: !filters.team });
  (Object.keys(TEAM_LABELS) as Array<keyof typeof TEAM_LABELS>).forEach((t) => team.addSelectOption({ value: t, text: TEAM_LABELS[t], isSelected: filters.team === t }));
  const type = form.addField({ id: 'custpage_type', type: serverWidget.FieldType.SELECT, label: 'Type' });
  type.addSelectOption({ value: '', text: 'All types', isSelected: !filters.type });
  Object.keys(LISTS.exceptionType.values).forEach((t) => type.addSelectOption({ value: t, text: t, isSelected: filters.type === t }));
  const overdue = form.addField({ id: 'custpage_overdue', type: serverWidget.FieldType.CHECKBOX, label: 'Overdue only' });
  overdue.defaultValue = filters.overdueOnly ? 'T' : 'F';
  const act = form.addField({ id: 'custpage_action', type: serverWidget.FieldType.SELECT, label: 'With the ticked exceptions' });
  act.addSelectOption({ value: '', text: 'Filter only', isSelected: true });
  act.addSelectOption({ value: 'retry', text: 'Retry now' });
  act.addSelectOption({ value: 'ignore', text: 'Ignore (note required)' });
  form.addField({ id: 'custpage_note', type: serverWidget.FieldType.TEXTAREA, label: 'Note (why ignored)' });
  const list = form.addField({ id: 'custpage_list', type: serverWidget.FieldType.INLINEHTML, label: 'Open exceptions' });
  list.defaultValue = table(rows);
  form.addSubmitButton({ label: 'Apply' });
  return form;
}

function table(rows: OpenExceptionRow[]): string {
  const now = new Date();
  if (rows.length === 0) return '<p class="empty">No open exceptions match.</p>';
  const body = rows
    .map((r) => {
      const late = isOverdue(r.respondBy, now);
      return `<tr class="${late ? 'overdue' : ''}" data-id="${r.id}"><td><input type="checkbox" name="${PICK_PREFIX}${r.id}" value="T" aria-label="Select exception ${r.id}"></td><td>${esc(r.severity ?? '')}</td><td>${esc(r.typeLabel)}</td><td>${esc(r.owner ? TEAM_LABELS[r.owner] : '')}</td><td>${esc(r.subject)}</td><td>${r.respondBy ? esc(r.respondBy.toISOString()) : ''}${late ? ' <b>OVERDUE</b>' : ''}</td><td>${esc(r.message)}</td></tr>`;
    })
    .join('');
  return `<table class="exceptions"><tr><th></th><th>Severity</th><th>Type</th><th>Owner</th><th>Order / item</th><th>Respond by</th><th>What happened and what to do</th></tr>${body}</table>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
