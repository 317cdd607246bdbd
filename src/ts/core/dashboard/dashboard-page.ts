/** The operations dashboard as HTML: summary tiles, charts, and tables that link into the records. */
import { barChartSvg } from '../charts/bar-chart';
import { trendChartSvg } from '../charts/trend-chart';
import { escapeHtml, link, PAGE_STYLE, section, table } from '../pages/html';
import type { PageLinks } from '../pages/links';
import type { Count, DashboardModel, FeedLag } from './dashboard';

const when = (d?: Date): string => (d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'never');
const minutes = (m?: number): string => (m === undefined ? '—' : m < 120 ? `${m} min` : m < 2880 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} d`);

const countTable = (id: string, caption: string, heading: string, rows: Count[]) =>
  table(id, caption, [{ label: heading, cell: (r: Count) => escapeHtml(r.label) }, { label: 'Open', cell: (r: Count) => String(r.count), numeric: true }], rows, 'None open.');

export function renderDashboard(model: DashboardModel, links: PageLinks, exceptionRecordType: string): string {
  const tiles =
    `<div class="scend-summary" id="scend-summary">` +
    `<div class="scend-tile">Open exceptions<b id="scend-open-total">${model.openTotal}</b></div>` +
    `<div class="scend-tile">Stalled orders<b id="scend-stalled-total">${model.stalled.length}</b></div>` +
    `<div class="scend-tile">Late feeds<b id="scend-late-feeds">${model.feeds.filter((f) => f.late).length}</b></div>` +
    `<div class="scend-tile">As of<b style="font-size:14px">${escapeHtml(when(model.now))}</b></div>` +
    `</div><p>${link(links.recordList(exceptionRecordType), 'All exceptions')} · ${link(links.page('audit'), 'Setup audit')} · ${link(links.page('configCheck'), 'Configuration check')}</p>`;

  const byWho =
    `<div class="scend-grid">${countTable('scend-by-type', 'Open exceptions by type', 'Type', model.byType)}` +
    `${countTable('scend-by-owner', 'Open exceptions by owner', 'Owner team', model.byOwner)}` +
    `<div>${barChartSvg('scend-chart-age', 'Open exceptions by age', model.byAge.map((c) => ({ label: c.label, value: c.count })))}</div></div>`;

  const trendTotals = model.trend.reduce((t, d) => ({ opened: t.opened + d.opened, resolved: t.resolved + d.resolved }), { opened: 0, resolved: 0 });
  const trend =
    `<p id="scend-trend-totals">Last ${model.trend.length} days: <b>${trendTotals.opened}</b> opened, <b>${trendTotals.resolved}</b> resolved.</p>` +
    trendChartSvg('scend-chart-trend', `Exceptions opened and resolved per day, last ${model.trend.length} days`, model.trend);

  const skus = table(
    'scend-top-skus',
    'Items with the most open exceptions',
    [
      { label: 'Item', cell: (r: DashboardModel['topSkus'][number]) => link(links.item(r.itemId), r.label) },
      { label: 'Open', cell: (r) => String(r.count), numeric: true },
    ],
    model.topSkus,
    'No open exception names an item.',
  );

  const stalled = table(
    'scend-stalled',
    'Orders approved but still not in Scend, oldest first',
    [
      { label: 'Order', cell: (r: DashboardModel['stalled'][number]) => link(links.salesOrder(r.transactionId), r.orderNumber || r.transactionId) },
      { label: 'State', cell: (r) => escapeHtml(r.state) },
      { label: 'Waiting since', cell: (r) => escapeHtml(when(r.createdAt)) },
      { label: 'Last error', cell: (r) => escapeHtml(r.lastError ?? '') },
      { label: 'Ledger', cell: (r) => link(links.ledger(r.ledgerId), 'open') },
    ],
    model.stalled,
    'No order is stalled.',
  );

  const feeds = table(
    'scend-feeds',
    'Feed lag: how far behind each Scend feed is',
    [
      { label: 'Feed', cell: (r: FeedLag) => link(links.feedCursor(r.id), r.feed) },
      { label: 'Last run', cell: (r) => escapeHtml(when(r.lastRunAt)) },
      { label: 'Since last run', cell: (r) => escapeHtml(minutes(r.runLagMinutes)), numeric: true },
      { label: 'Newest item', cell: (r) => escapeHtml(when(r.lastItemAt)) },
      { label: 'Items last run', cell: (r) => String(r.lastRunItems ?? 0), numeric: true },
      { label: 'Status', cell: (r) => (r.late ? `<span class="scend-bad">late${r.lastError ? `: ${escapeHtml(r.lastError)}` : ''}</span>` : '<span class="scend-ok">on time</span>') },
    ],
    model.feeds,
    'No feed has run yet.',
  );

  const variance = model.stockVariance
    ? model.stockVariance.bars.length
      ? `<p>Stock run ${escapeHtml(model.stockVariance.runId)} at ${escapeHtml(when(model.stockVariance.at))}: Scend minus NetSuite, largest first.</p>` +
        barChartSvg('scend-chart-variance', 'Stock variance by SKU (Scend minus NetSuite)', model.stockVariance.bars)
      : `<p class="scend-empty" id="scend-chart-variance">Stock run ${escapeHtml(model.stockVariance.runId)}: no variance beyond timing.</p>`
    : '<p class="scend-empty" id="scend-chart-variance">No stock comparison recorded yet.</p>';

  return (
    `${PAGE_STYLE}<div class="scend-page" id="scend-dashboard">${tiles}` +
    section('scend-open', 'Open exceptions', byWho) +
    section('scend-trend', 'Trend', trend) +
    section('scend-skus', 'Top SKUs', skus) +
    section('scend-stalled-orders', 'Stalled orders', stalled) +
    section('scend-feed-lag', 'Feed lag', feeds) +
    section('scend-stock', 'Stock variance by SKU', variance) +
    `</div>`
  );
}
