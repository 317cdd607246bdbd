/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

/**
 * The operations dashboard: open exceptions by type, owner and age, the opened/resolved trend, top
 * SKUs, stalled orders, feed lag and stock variance by SKU, with links into the records. Read-only; about 50 units
 * (four paged SuiteQL reads, the cached configuration and list values).
 */
import * as serverWidget from 'N/ui/serverWidget';
import type { EntryPoints } from 'N/types';
import { RECORDS } from '../ids';
import { CONFIG_DEFAULTS } from '../core/config';
import { buildDashboard } from '../core/dashboard/dashboard';
import { renderDashboard } from '../core/dashboard/dashboard-page';
import { checkConfig } from '../netsuite/config-repository';
import { exceptionEventsSince, feedCursorRows, openExceptionRows, stalledOrderRows } from '../netsuite/dashboard/dashboard-source';
import { latestStockComparison } from '../netsuite/drift/stock-runs';
import { pageLinks } from '../netsuite/pages/page-links';

const TREND_DAYS = 14;

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const now = new Date();
  const checked = checkConfig();
  const stalledAfterHours = checked.ok ? checked.config.stalledAfterHours : CONFIG_DEFAULTS.stalledAfterHours;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (TREND_DAYS - 1) * 86_400_000);
  const model = buildDashboard({
    now,
    open: openExceptionRows(),
    events: exceptionEventsSince(since),
    stalled: stalledOrderRows(now, stalledAfterHours),
    feeds: feedCursorRows(),
    stock: latestStockComparison().read(),
    trendDays: TREND_DAYS,
  });
  const form = serverWidget.createForm({ title: 'Scend connector: operations dashboard' });
  const body = form.addField({ id: 'custpage_scend_dashboard', type: serverWidget.FieldType.INLINEHTML, label: 'Dashboard' });
  body.defaultValue = renderDashboard(model, pageLinks(), RECORDS.exception.id);
  form.addSubmitButton({ label: 'Refresh' });
  context.response.writePage(form);
}
