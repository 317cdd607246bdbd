/**
 * The month-end reconciliation page in a real headless browser (Debian's Chromium via
 * playwright-core): it renders after a month of real work, its figures match the records, it has
 * no script errors, Tab reaches Sign off and Enter signs off (the form posts), and a screenshot is
 * kept in test-artifacts/ (docs/screenshots/reconciliation.png with UPDATE_DOC_SCREENSHOTS=1).
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../harness/browser/chromium';
import { startPageServer, type PageServer } from '../../harness/browser/page-server';
import { RECORDS, SCRIPTS } from '../../src/ts/ids';
import type { Reconciliation } from '../../src/ts/core/recon/reconcile';
import { COSTS, startReconWorld, type ReconWorld } from '../recon/support/recon-world';
import { blurActive, controls, keepScreenshot, openWatched, tabOrder } from './support/browser-page';

jest.setTimeout(90_000);

let w: ReconWorld;
let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  w = await startReconWorld();
  server = await startPageServer(w.sb);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await w?.close();
});

const reconUrl = () => `${server.suiteletUrl(SCRIPTS.reconciliation.id, SCRIPTS.reconciliation.deployments.main)}&custpage_month=${w.month}`;
const run = () => {
  const [rec] = Array.from(w.db.store.ofType(RECORDS.reconRun.id));
  const F = RECORDS.reconRun.fields;
  return { id: rec.id, figures: JSON.parse(String(rec.data.fields[F.figures])) as Reconciliation, signedBy: String(rec.data.fields[F.signedBy] ?? ''), signedAt: rec.data.fields[F.signedAt] };
};
const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

describe('reconciliation in Chromium', () => {
  it('renders with no script errors, and its figures match the records', async () => {
    const { page, errors } = await openWatched(browser);
    const res = await page.goto(reconUrl());
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Scend connector: reconciliation');
    expect(await page.inputValue('select[name="custpage_month"]')).toBe(w.month);

    // Fulfilments and adjustments from the records themselves.
    const fulfilments = Array.from(w.db.store.ofType('itemfulfillment'));
    expect(await page.textContent('#scend-recon-fulfilments')).toBe(String(fulfilments.length));
    const adjustments = w.adjustments().filter((a) => /^(movement|stocksync):/.test(a.externalid));
    const skuOf = (item: number) => [...w.items].find(([, id]) => id === item)![0];
    const adjValue = adjustments.reduce((n, a) => n + a.lines.reduce((m, l) => m + l.qty * COSTS[skuOf(l.item)], 0), 0);
    expect(await page.textContent('#scend-recon-adjustment-value')).toBe(money(adjValue));
    // Stock: the true variance is Σ difference × cost over the stock run's variance rows.
    const stockRun = w.runs().at(-1)!;
    const rows = w.file(stockRun.fileId).trim().split('\n').slice(1).map((l) => l.split(','));
    const variance = rows.filter((c) => ['adjust', 'drift', 'numbered'].includes(c[8])).reduce((n, c) => n + Number(c[7]) * COSTS[c[0]], 0);
    expect(await page.textContent('#scend-recon-variance-value')).toBe(money(variance));
    // The chart draws each SKU's true variance at cost, largest first.
    const bars = await page.$$eval('#scend-recon-chart-variance g.bar', (gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]));
    const expected = rows
      .filter((c) => ['adjust', 'drift', 'numbered'].includes(c[8]))
      .map((c) => [c[0], Number(money(Number(c[7]) * COSTS[c[0]]))] as [string, number])
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    expect(bars).toEqual(expected);
    expect(bars).toContainEqual(['RC-PLATE', -38.4]);
    // The named gaps: the despatch not yet imported, the fulfilment by hand.
    expect(await page.$$eval('#scend-recon-no-fulfilment tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent))).toEqual([w.unimportedDespatchId]);
    const handTranId = String(w.sb.record.load({ type: 'itemfulfillment', id: w.handFulfilmentId }).getValue({ fieldId: 'tranid' }));
    expect(await page.$$eval('#scend-recon-no-despatch tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent))).toEqual([handTranId]);
    expect(await page.textContent('#scend-recon-balanced')).toBe('Yes');
    expect(await page.$$eval('[data-check]', (els) => els.every((e) => e.getAttribute('data-check') === 'ok'))).toBe(true);
    // What the page shows is what the draft run froze.
    expect(await page.textContent('#scend-recon-despatches')).toBe(String(run().figures.despatches.scendCount));

    await keepScreenshot(page, 'reconciliation');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works with a keyboard: Tab reaches every control in order, and Enter on Sign off signs off (POST)', async () => {
    const { page, errors } = await openWatched(browser);
    await page.goto(reconUrl());
    const all = await controls(page);
    expect(all).toContain('button Sign off');
    expect(all[all.length - 1]).toBe('button Show month');
    const order = await tabOrder(page);
    // The month picker is a tab stop too (first); then every link and button in document order.
    expect(order.filter((c) => !c.startsWith('select'))).toEqual(all);

    const before = server.requests.length;
    await blurActive(page);
    for (let i = 0; i < order.indexOf('button Sign off') + 1; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('scend-recon-signoff');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(server.requests.slice(before).some((r) => r.startsWith('POST /app/site/hosting/scriptlet.nl'))).toBe(true);
    expect(await page.textContent('#scend-recon-status')).toContain('Signed off.');
    const signed = run();
    expect(signed.signedAt).toBeTruthy();
    expect(await page.textContent('#scend-recon-signed-by')).toBe(signed.signedBy);
    expect(await page.$('#scend-recon-signoff')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
