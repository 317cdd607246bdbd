/**
 * The reconciliation as HTML: summary tiles, the four sections with their tables, the variance by
 * SKU as a server-side SVG bar chart, the sum checks, and the sign-off (a submit button inside the
 * page's form, so it posts with the period fields and works from the keyboard).
 */
import { barChartSvg } from '../charts/bar-chart';
import { escapeHtml, link, PAGE_STYLE, section, table } from '../pages/html';
import { money, type FulfilmentRow, type Reconciliation, type StockLine } from './reconcile';

export interface ReconLinks {
  record(recordType: string, id: string): string;
  recordList(recordType: string): string;
}

/** The run the figures belong to: a draft (sign-off offered) or signed off (frozen, read-only). */
export interface RunView {
  id: string;
  recordType: string;
  computedAt: string;
  fileId: string;
  fileUrl: string;
  signedBy: string;
  signedAt: string;
}

export interface ReconPageOptions {
  run: RunView | null;
  /** A problem to show above the figures (a refused sign-off). */
  message?: string;
  /** Good news (signed off just now). */
  status?: string;
  chartTop?: number;
}

/** The value the sign-off button posts in `custpage_action`. */
export const SIGN_OFF_ACTION = 'signoff';
export const ACTION_FIELD = 'custpage_action';

/** What each comparison outcome means to finance. */
const KIND_TEXT: Record<StockLine['status'], string> = {
  match: 'same',
  timing: 'timing: explained by work in flight',
  inFlight: 'timing: work in flight, not yet explained',
  adjust: 'variance: adjusted by the stock sync',
  drift: 'variance: for finance to resolve',
  numbered: 'variance: lot/serial item, for finance',
  unknownItem: 'SKU unknown to NetSuite',
};

const amount = (n: number): string => n.toFixed(2);
const fig = (id: string, value: string): string => `<b id="${escapeHtml(id)}" data-value="${escapeHtml(value)}">${escapeHtml(value)}</b>`;
const unitsIn = (xs: ReadonlyArray<{ units: number }>): number => xs.reduce((n, x) => n + x.units, 0);

function runLine(run: RunView | null, links: ReconLinks): string {
  if (!run) return '';
  const rec = link(links.record(run.recordType, run.id), `reconciliation run ${run.id}`);
  const csv = run.fileId ? `; CSV ${run.fileUrl ? link(run.fileUrl, `file ${run.fileId}`) : `file ${escapeHtml(run.fileId)}`} in the File Cabinet` : '';
  return run.signedAt
    ? `<p class="scend-ok" role="status" id="scend-recon-signed">Signed off by <span id="scend-recon-signed-by">${escapeHtml(run.signedBy)}</span> at <span id="scend-recon-signed-at">${escapeHtml(run.signedAt)}</span>. ` +
        `These are the frozen figures of ${rec}${csv}; they no longer change.</p>`
    : `<p id="scend-recon-draft">Draft ${rec}, figures computed at ${escapeHtml(run.computedAt)}${csv}. Not signed off.</p>`;
}

export function renderReconciliation(r: Reconciliation, links: ReconLinks, options: ReconPageOptions): string {
  const d = r.despatches;
  const s = r.stock;
  const run = options.run;
  const notice =
    (options.message ? `<p class="scend-bad" role="alert" id="scend-recon-message">${escapeHtml(options.message)}</p>` : '') +
    (options.status ? `<p class="scend-ok" role="status" id="scend-recon-status">${escapeHtml(options.status)}</p>` : '');
  const tiles =
    `<div class="scend-summary" id="scend-recon-summary">` +
    `<div class="scend-tile">Period<b style="font-size:14px" id="scend-recon-period">${escapeHtml(r.period.from)} to ${escapeHtml(r.period.to)}</b></div>` +
    `<div class="scend-tile">Scend despatches${fig('scend-recon-despatches', String(d.scendCount))}</div>` +
    `<div class="scend-tile">NetSuite fulfilments${fig('scend-recon-fulfilments', String(d.netsuiteCount))}</div>` +
    `<div class="scend-tile">True stock variance (value)${fig('scend-recon-variance-value', amount(s.varianceValue))}</div>` +
    `<div class="scend-tile">Timing differences (value)${fig('scend-recon-timing-value', amount(s.timingValue))}</div>` +
    `<div class="scend-tile">Adjustments posted (value)${fig('scend-recon-adjustment-value', amount(r.adjustments.value))}</div>` +
    `<div class="scend-tile">Figures balance<b id="scend-recon-balanced" class="${r.balanced ? 'scend-ok' : 'scend-bad'}">${r.balanced ? 'Yes' : 'No'}</b></div>` +
    `</div>`;

  const despatchSummary = table(
    'scend-recon-despatch-summary',
    'Despatches in Scend against fulfilments in NetSuite (units leave kits out: Scend counts their members, NetSuite whole kits)',
    [
      { label: 'Figure', cell: (x: { label: string; count: number; units: number }) => escapeHtml(x.label) },
      { label: 'Count', cell: (x) => String(x.count), numeric: true },
      { label: 'Units', cell: (x) => String(x.units), numeric: true },
    ],
    [
      { label: 'Scend despatches', count: d.scendCount, units: d.scendUnits },
      { label: 'NetSuite fulfilments', count: d.netsuiteCount, units: d.netsuiteUnits },
      { label: 'Matched (same DespatchId), Scend units', count: d.matchedCount, units: d.scendUnits - unitsIn(d.withoutFulfilment) },
      { label: 'Despatched in Scend, no fulfilment in NetSuite', count: d.withoutFulfilment.length, units: unitsIn(d.withoutFulfilment) },
      { label: 'Fulfilled in NetSuite by hand, no Scend despatch', count: d.withoutDespatch.length, units: unitsIn(d.withoutDespatch) },
      { label: 'Fulfilments of despatches in an earlier period (timing)', count: d.earlierDespatch.length, units: unitsIn(d.earlierDespatch) },
      { label: 'Matched, units differ (Scend − NetSuite)', count: d.unitMismatches.length, units: d.unitMismatches.reduce((n, m) => n + m.scendUnits - m.netsuiteUnits, 0) },
    ],
    '',
  );
  const noFulfilment = table(
    'scend-recon-no-fulfilment',
    'Despatched in Scend, no fulfilment in NetSuite',
    [
      { label: 'DespatchId', cell: (x: Reconciliation['despatches']['withoutFulfilment'][number]) => escapeHtml(x.despatchId) },
      { label: 'Order reference', cell: (x) => escapeHtml(x.clientReference) },
      { label: 'Despatched at', cell: (x) => escapeHtml(x.despatchedAt) },
      { label: 'Units', cell: (x) => String(x.units), numeric: true },
    ],
    d.withoutFulfilment,
    'Every Scend despatch of the period has its fulfilment.',
  );
  const noDespatch = table(
    'scend-recon-no-despatch',
    'Fulfilled in NetSuite by hand, no Scend despatch',
    [
      { label: 'Fulfilment', cell: (x: Reconciliation['despatches']['withoutDespatch'][number]) => link(links.record('itemfulfillment', x.id), x.tranId || x.id) },
      { label: 'Date', cell: (x) => escapeHtml(x.date) },
      { label: 'Sales order', cell: (x) => (x.salesOrderId ? link(links.record('salesorder', x.salesOrderId), x.salesOrderTranId || x.salesOrderId) : '') },
      { label: 'Units', cell: (x) => String(x.units), numeric: true },
    ],
    d.withoutDespatch,
    'Every fulfilment at a Scend location has its Scend despatch.',
  );
  const earlier = d.earlierDespatch.length
    ? table(
        'scend-recon-earlier-despatch',
        'Fulfilled in the period for despatches of an earlier period (timing)',
        [
          { label: 'Fulfilment', cell: (x: FulfilmentRow) => link(links.record('itemfulfillment', x.id), x.tranId || x.id) },
          { label: 'Despatch', cell: (x) => escapeHtml(x.externalId.replace(/^despatch:/, '')) },
          { label: 'Date', cell: (x) => escapeHtml(x.date) },
          { label: 'Units', cell: (x) => String(x.units), numeric: true },
        ],
        d.earlierDespatch,
        '',
      )
    : '';
  const mismatches = d.unitMismatches.length
    ? table(
        'scend-recon-unit-mismatch',
        'Matched, but the units differ',
        [
          { label: 'DespatchId', cell: (x: Reconciliation['despatches']['unitMismatches'][number]) => escapeHtml(x.despatchId) },
          { label: 'Scend units', cell: (x) => String(x.scendUnits), numeric: true },
          { label: 'Fulfilment', cell: (x) => link(links.record('itemfulfillment', x.fulfilmentId), x.tranId || x.fulfilmentId) },
          { label: 'NetSuite units', cell: (x) => String(x.netsuiteUnits), numeric: true },
        ],
        d.unitMismatches,
        '',
      )
    : '';

  const stockRun = s.run
    ? `<p id="scend-recon-stock-run">From stock sync run ${link(links.record('customrecord_scend_stock_run', s.run.id), s.run.snapshotId)} (Scend snapshot as of ${escapeHtml(s.run.asOf)} UTC, ${s.rowsCompared} SKU-locations compared; every row is in its comparison file ${escapeHtml(s.run.fileId)}).</p>`
    : `<p class="scend-bad" id="scend-recon-stock-run">No stock sync run compared stock by the end of the period: there are no stock figures to sign.</p>`;
  const stockSummary = table(
    'scend-recon-stock-summary',
    'Stock valued at NetSuite cost',
    [
      { label: 'Figure', cell: (x: { label: string; units: string; value: number }) => escapeHtml(x.label) },
      { label: 'Units', cell: (x) => x.units, numeric: true },
      { label: 'Value', cell: (x) => amount(x.value), numeric: true },
    ],
    [
      { label: 'Scend (snapshot)', units: String(s.scendUnits), value: s.scendValue },
      { label: 'NetSuite (on hand)', units: String(s.netsuiteUnits), value: s.netsuiteValue },
      { label: 'Timing differences (work in flight, not a variance)', units: String(s.timingUnits), value: s.timingValue },
      { label: 'True variances (Scend − NetSuite)', units: String(s.varianceUnits), value: s.varianceValue },
      { label: '… of which the stock sync adjusted', units: '', value: s.adjustedVarianceValue },
      { label: '… of which are open for finance', units: '', value: money(s.varianceValue - s.adjustedVarianceValue) },
      { label: 'SKUs NetSuite does not know (no cost)', units: String(s.otherUnits), value: s.otherValue },
    ],
    '',
  );
  const differing = s.lines.filter((l) => l.difference !== 0);
  const stockLines = table(
    'scend-recon-stock-lines',
    'SKUs that differ',
    [
      { label: 'SKU', cell: (l: StockLine) => (l.itemId ? link(links.record('inventoryitem', l.itemId), l.sku) : escapeHtml(l.sku)) },
      { label: 'Location', cell: (l) => escapeHtml(l.locationId) },
      { label: 'Scend', cell: (l) => String(l.scend), numeric: true },
      { label: 'NetSuite', cell: (l) => String(l.netsuite), numeric: true },
      { label: 'Difference', cell: (l) => String(l.difference), numeric: true },
      { label: 'Cost', cell: (l) => amount(l.cost), numeric: true },
      { label: 'Value', cell: (l) => amount(l.differenceValue), numeric: true },
      { label: 'Kind', cell: (l) => escapeHtml(KIND_TEXT[l.status]) },
    ],
    differing,
    'Both systems hold the same stock of every SKU.',
  );
  const top = [...differing.filter((l) => l.kind === 'variance')].sort((a, b) => Math.abs(b.differenceValue) - Math.abs(a.differenceValue)).slice(0, options.chartTop ?? 12);
  const chart = top.length ? `<div>${barChartSvg('scend-recon-chart-variance', 'True stock variance by SKU, at cost', top.map((l) => ({ label: l.sku, value: l.differenceValue })))}</div>` : '';
  const noCost = s.itemsWithoutCost.length ? `<p class="scend-bad" id="scend-recon-no-cost">No cost on ${escapeHtml(s.itemsWithoutCost.join(', '))}: valued at 0. Set the item's cost before signing.</p>` : '';

  const adjustments = table(
    'scend-recon-adjustments',
    'Adjustments the connector posted, by reason and account',
    [
      { label: 'Reason', cell: (g: Reconciliation['adjustments']['groups'][number]) => escapeHtml(g.reason) },
      { label: 'Account', cell: (g) => escapeHtml(g.accountName || g.accountId) },
      { label: 'Adjustments', cell: (g) => String(g.adjustments), numeric: true },
      { label: 'Units', cell: (g) => String(g.units), numeric: true },
      { label: 'Value', cell: (g) => amount(g.value), numeric: true },
    ],
    r.adjustments.groups,
    'No adjustments were posted in the period.',
  );
  const adjTotal = `<p id="scend-recon-adjustment-total">Total: ${fig('scend-recon-adjustment-count', String(r.adjustments.count))} adjustments, ${fig('scend-recon-adjustment-units', String(r.adjustments.units))} units, value ${fig('scend-recon-adjustment-total-value', amount(r.adjustments.value))}.</p>`;

  const receipts = table(
    'scend-recon-receipt-variances',
    `Receipt variances first seen in the period: ${r.receiptVariances.open} open, ${r.receiptVariances.resolved} resolved`,
    [
      { label: 'Exception', cell: (v: Reconciliation['receiptVariances']['rows'][number]) => link(links.record('customrecord_scend_exception', v.id), v.id) },
      { label: 'Document', cell: (v) => (v.transactionId ? link(links.record('purchaseorder', v.transactionId), v.transactionName || v.transactionId) : '') },
      { label: 'Status', cell: (v) => escapeHtml(v.status) },
      { label: 'First seen', cell: (v) => escapeHtml(v.firstSeen) },
      { label: 'Resolved', cell: (v) => escapeHtml(v.resolvedAt) },
      { label: 'What differs', cell: (v) => escapeHtml(v.message) },
    ],
    r.receiptVariances.rows,
    'No receipt variances in the period.',
  );

  const checks = table(
    'scend-recon-checks',
    'Sum checks',
    [
      { label: 'Check', cell: (c: Reconciliation['checks'][number]) => escapeHtml(c.name) },
      { label: 'Left', cell: (c) => String(c.left), numeric: true },
      { label: 'Right', cell: (c) => String(c.right), numeric: true },
      { label: 'Result', cell: (c) => `<span class="${c.ok ? 'scend-ok' : 'scend-bad'}" data-check="${c.ok ? 'ok' : 'failed'}">${c.ok ? 'balances' : 'does not balance'}</span>` },
    ],
    r.checks,
    '',
  );
  const signOff =
    run && !run.signedAt
      ? `<p><button type="submit" id="scend-recon-signoff" name="${ACTION_FIELD}" value="${SIGN_OFF_ACTION}">Sign off</button> ` +
        `freezes these figures in the reconciliation run with your name and the time, and writes them to the CSV file. A signed-off period cannot be changed.</p>`
      : '';

  return (
    `${PAGE_STYLE}<div class="scend-page" id="scend-recon">${notice}${runLine(run, links)}${tiles}` +
    (run ? `<p>${link(links.recordList(run.recordType), 'All reconciliation runs')}</p>` : '') +
    section('scend-recon-despatches-section', 'Despatches and fulfilments', despatchSummary + `<div class="scend-grid">${noFulfilment}${noDespatch}</div>${earlier}${mismatches}`) +
    section('scend-recon-stock-section', 'Stock per SKU, valued at NetSuite cost', stockRun + noCost + `<div class="scend-grid">${stockSummary}${chart}</div>` + stockLines) +
    section('scend-recon-adjustments-section', 'Adjustments posted', adjustments + adjTotal) +
    section('scend-recon-receipts-section', 'Receipt variances', receipts) +
    section('scend-recon-checks-section', 'Do the figures balance?', checks + signOff) +
    `</div>`
  );
}
