/** The dashboard HTML: what records and Scend put on the page is text, never markup. */
import { buildDashboard } from '../../src/ts/core/dashboard/dashboard';
import { renderDashboard } from '../../src/ts/core/dashboard/dashboard-page';
import type { PageLinks } from '../../src/ts/core/pages/links';

const links: PageLinks = {
  exception: (id) => `/exc?id=${id}`,
  salesOrder: (id) => `/so?id=${id}`,
  item: (id) => `/item?id=${id}`,
  ledger: (id) => `/ledger?id=${id}`,
  feedCursor: (id) => `/feed?id=${id}`,
  location: (id) => `/loc?id=${id}`,
  recordList: (t) => `/list/${t}`,
  page: (name) => `/page/${name}`,
};
const now = new Date('2026-12-01T12:00:00Z');

describe('dashboard page', () => {
  it('escapes values from records and Scend (a feed error, an item name, an order error)', () => {
    const hostile = '<script>alert(1)</script>';
    const html = renderDashboard(
      buildDashboard({
        now,
        open: [{ id: '1', type: hostile, owner: 'Operations', firstSeen: now, itemId: '9', itemName: hostile }],
        events: [],
        stalled: [{ ledgerId: '3', transactionId: '4', orderNumber: 'SO4', state: 'Sending', createdAt: now, lastError: hostile }],
        feeds: [{ id: '5', feed: 'despatches', lastRunAt: now, lastError: hostile }],
      }),
      links,
      'customrecord_scend_exception',
    );
    expect(html).not.toContain('<script');
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(4);
  });

  it('links each stalled order, its ledger entry, each item and each feed cursor through PageLinks', () => {
    const html = renderDashboard(
      buildDashboard({
        now,
        open: [{ id: '1', type: 'SKU mismatch', owner: 'Operations', firstSeen: now, itemId: '9', itemName: 'MUG' }],
        events: [],
        stalled: [{ ledgerId: '3', transactionId: '4', orderNumber: 'SO4', state: 'Sending', createdAt: now }],
        feeds: [{ id: '5', feed: 'despatches', lastRunAt: now }],
      }),
      links,
      'customrecord_scend_exception',
    );
    for (const href of ['/so?id=4', '/ledger?id=3', '/item?id=9', '/feed?id=5', '/list/customrecord_scend_exception', '/page/audit']) expect(html).toContain(`href="${href}"`);
  });
});
