/**
 * The connector's pages in a real headless browser (Debian's Chromium via playwright-core): each
 * renders, reads correctly (the figures on the page match the records), has no script errors,
 * works with a keyboard, and leaves a screenshot in test-artifacts/. Chromium missing is a failure
 * with install instructions, never a skip.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../harness/browser/chromium';
import { startPageServer, type PageServer } from '../../harness/browser/page-server';
import { SCRIPTS } from '../../src/ts/ids';
import { startPagesWorld, type PagesWorld } from '../pages/support/pages-world';
import { blurActive, controls, keepScreenshot, openWatched, tabOrder } from './support/browser-page';


jest.setTimeout(60_000);

let w: PagesWorld;
let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  w = await startPagesWorld();
  server = await startPageServer(w.sb);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await w?.close();
});

const dashboardUrl = () => server.suiteletUrl(SCRIPTS.dashboard.id, SCRIPTS.dashboard.deployments.main);
const auditUrl = () => server.suiteletUrl(SCRIPTS.setupAudit.id, SCRIPTS.setupAudit.deployments.main);

function countsBy(rows: Array<Record<string, string>>, key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[key]] = (out[r[key]] ?? 0) + 1;
  return out;
}

describe('operations dashboard in Chromium', () => {
  it('renders with no script errors and its figures match the exception, ledger and feed records', async () => {
    const { page, errors } = await openWatched(browser);
    const res = await page.goto(dashboardUrl());
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Scend connector: operations dashboard');

    const all = w.exceptions();
    const open = all.filter((e) => /open/i.test(e.status));
    expect(open.length).toBeGreaterThan(3);
    expect(await page.textContent('#scend-open-total')).toBe(String(open.length));

    const table = (id: string) =>
      page.$$eval(`#${id} tbody tr`, (trs) => Object.fromEntries(trs.map((tr) => [tr.children[0].textContent ?? '', Number(tr.children[1].textContent)])));
    expect(await table('scend-by-type')).toEqual(countsBy(open as unknown as Array<Record<string, string>>, 'type'));
    expect(await table('scend-by-owner')).toEqual(countsBy(open as unknown as Array<Record<string, string>>, 'owner'));

    // The ageing chart's bars add up to the open total; the trend's columns to its totals line.
    const ageBars = await page.$$eval('#scend-chart-age g.bar', (gs) => gs.map((g) => Number(g.getAttribute('data-value'))));
    expect(ageBars.reduce((a, b) => a + b, 0)).toBe(open.length);
    const trend = await page.$$eval('#scend-chart-trend rect.col', (rs) => rs.map((r) => [r.getAttribute('data-series'), Number(r.getAttribute('data-value'))] as const));
    const sum = (s: string) => trend.filter(([k]) => k === s).reduce((a, [, v]) => a + v, 0);
    const resolved = all.filter((e) => /resolved/i.test(e.status));
    expect(sum('resolved')).toBe(resolved.length);
    expect(sum('opened')).toBe(all.length); // every record was opened within the 14 days shown
    expect(await page.textContent('#scend-trend-totals')).toContain(`${all.length} opened, ${resolved.length} resolved`);

    // Stalled orders: the order queued while Scend refused it; feed lag: the despatch feed is late.
    const stalledTranId = String(w.sb.record.load({ type: 'salesorder', id: w.stalledOrderId }).getValue({ fieldId: 'tranid' }));
    expect(await page.$$eval('#scend-stalled tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent))).toEqual([stalledTranId]);
    const feeds = await page.$$eval('#scend-feeds tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[5].textContent]));
    expect(feeds).toEqual([
      ['despatches', 'late: CURSOR_EXPIRED'],
      ['order-events', 'on time'],
    ]);
    expect(await page.textContent('#scend-late-feeds')).toBe('1');
    // Top SKUs: the cap has two open exceptions, the mug one.
    expect(await table('scend-top-skus')).toEqual({ 'PAGE-CAP': 2, 'PAGE-MUG': 1 });

    await keepScreenshot(page, 'dashboard');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works with a keyboard: Tab reaches every link and button in order, and Enter follows a link', async () => {
    const { page, errors } = await openWatched(browser);
    await page.goto(dashboardUrl());
    const all = await controls(page);
    expect(all.length).toBeGreaterThan(5);
    expect(await tabOrder(page)).toEqual(all);

    await blurActive(page);
    for (let i = 0; i < all.indexOf('a Setup audit') + 1; i++) await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.title()).toBe('Scend connector: setup audit');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('setup audit in Chromium', () => {
  it('lists each gap with its fix, matching the records, with no script errors', async () => {
    const { page, errors } = await openWatched(browser);
    const res = await page.goto(auditUrl());
    expect(res?.status()).toBe(200);

    const gaps = async (check: string) => page.$$eval(`#scend-check-${check} tbody tr`, (trs) => trs.map((tr) => [tr.children[0].textContent ?? '', tr.children[2].textContent ?? '']));
    // Items with no weight, from the records: active physical items that are not matrix parents.
    const noWeight: string[] = [];
    w.sb.search
      .create({ type: 'item', filters: [['type', 'anyof', 'InvtPart'], 'and', ['weight', 'isempty', '']], columns: ['itemid', 'matrixtype'] })
      .run()
      .each((r: { getValue(o: { name: string }): unknown }) => {
        if (r.getValue({ name: 'matrixtype' }) !== 'PARENT') noWeight.push(String(r.getValue({ name: 'itemid' })));
        return true;
      });
    expect(noWeight.sort()).toEqual(['PAGE-CAP', 'PAGE-MUG']);
    expect((await gaps('item-weight')).map(([, item]) => item).sort()).toEqual(noWeight);
    expect((await gaps('duplicate-sku')).map(([, item]) => item)).toEqual(['RED-M', 'RED-M']);
    expect((await gaps('unmapped-location'))[0][0]).toContain('Manchester shop');
    const unmappedTranId = String(w.sb.record.load({ type: 'salesorder', id: w.unmappedOrderId }).getValue({ fieldId: 'tranid' }));
    expect((await gaps('never-sendable')).map(([, order]) => order)).toEqual([unmappedTranId]);
    expect(await page.getAttribute('#scend-check-connection [data-outcome]', 'data-outcome')).toBe('passed');
    expect(await page.getAttribute('#scend-check-deployments [data-outcome]', 'data-outcome')).toBe('passed');

    const total = await page.$$eval('.scend-check tbody tr', (trs) => trs.length);
    expect(await page.textContent('#scend-audit-headline')).toBe(`Not ready: ${total} gap(s) to fix.`);
    // Each gap names its fix.
    expect(await page.$$eval('.scend-check tbody tr', (trs) => trs.every((tr) => (tr.children[1].textContent ?? '').length > 10))).toBe(true);

    await keepScreenshot(page, 'setup-audit');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works with a keyboard: Tab reaches every link and the Run again button; Enter on it re-runs the audit (POST)', async () => {
    const { page, errors } = await openWatched(browser);
    await page.goto(auditUrl());
    const all = await controls(page);
    expect(all[all.length - 1]).toBe('button Run again');
    const order = await tabOrder(page);
    expect(order).toEqual(all);
    const before = server.requests.length;
    await blurActive(page);
    for (let i = 0; i < all.length; i++) await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(server.requests.slice(before).some((r) => r.startsWith('POST /app/site/hosting/scriptlet.nl'))).toBe(true);
    expect(await page.textContent('#scend-audit-headline')).toContain('Not ready');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

// The records the dashboard links to open (through N/url) in this server too.
it('links from the dashboard open the records they name', async () => {
  const { page } = await openWatched(browser);
  await page.goto(dashboardUrl());
  const href = await page.getAttribute('#scend-stalled tbody tr a', 'href');
  expect(href).toBe(`/app/common/record/salesorder.nl?id=${w.stalledOrderId}`);
  await page.click('#scend-stalled tbody tr a');
  expect(await page.textContent('#record')).toBe(`salesorder ${w.stalledOrderId}`);
  await page.context().close();
});
