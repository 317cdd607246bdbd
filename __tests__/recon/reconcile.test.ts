/** The reconciliation's figures, pure: matching, the named gaps, valuation at cost, grouping, the sum checks. */
import { despatchUnits } from '../../src/ts/core/recon/despatch-units';
import { adjustmentReason, reconcile, type ReconInput } from '../../src/ts/core/recon/reconcile';
import { reconCsv, RECON_CSV_HEADER } from '../../src/ts/core/recon/recon-csv';
import { canSignOff, changeRefusal, figuresJson, MAX_FIGURES_CHARS, parseFigures, type ReconRun } from '../../src/ts/core/recon/recon-run';
import { monthPeriod, periodFor, pickerMonths } from '../../src/ts/core/recon/period';
import { renderReconciliation } from '../../src/ts/core/recon/recon-page';

const period = { from: '2026-11-01', to: '2026-11-30' };

function input(over: Partial<ReconInput> = {}): ReconInput {
  return {
    period,
    despatches: [
      { despatchId: 'D1', clientReference: 'SO1', despatchedAt: '2026-11-03T10:00:00Z', units: 5 },
      { despatchId: 'D2', clientReference: 'SO2', despatchedAt: '2026-11-30T23:59:00Z', units: 3 }, // imported on 1 Dec
      { despatchId: 'D3', clientReference: 'SO3', despatchedAt: '2026-11-20T09:00:00Z', units: 4 }, // never imported
      { despatchId: 'D4', clientReference: 'SO4', despatchedAt: '2026-11-21T09:00:00Z', units: 6 }, // fulfilment edited to 5
    ],
    fulfilments: [
      { id: '11', tranId: 'IF1', externalId: 'despatch:D1', date: '2026-11-03', units: 5, salesOrderId: '1' },
      { id: '12', tranId: 'IF2', externalId: 'despatch:D2', date: '2026-12-01', units: 3, salesOrderId: '2' },
      { id: '14', tranId: 'IF4', externalId: 'despatch:D4', date: '2026-11-21', units: 5, salesOrderId: '4' },
      { id: '15', tranId: 'IF5', externalId: '', date: '2026-11-15', units: 2, salesOrderId: '5' }, // by hand
      { id: '16', tranId: 'IF6', externalId: 'despatch:D0', date: '2026-11-01', units: 7, salesOrderId: '6' }, // October's despatch
      { id: '17', tranId: 'IF7', externalId: '', date: '2026-12-02', units: 9, salesOrderId: '7' }, // next month, unmatched: not counted
    ],
    stock: {
      id: '3',
      snapshotId: 'S1',
      asOf: '2026-11-30 23:00:00',
      fileId: '9',
      rows: [
        { sku: 'A', itemId: '1', locationId: '1', scend: 10, netsuite: 10, difference: 0, status: 'match' },
        { sku: 'B', itemId: '2', locationId: '1', scend: 7, netsuite: 10, difference: -3, status: 'timing' },
        { sku: 'C', itemId: '3', locationId: '1', scend: 20, netsuite: 8, difference: 12, status: 'drift' },
        { sku: 'D', itemId: '4', locationId: '1', scend: 5, netsuite: 6, difference: -1, status: 'adjust' },
        { sku: 'X', itemId: null, locationId: '1', scend: 4, netsuite: 0, difference: 4, status: 'unknownItem' },
        { sku: 'E', itemId: '5', locationId: '1', scend: 2, netsuite: 1, difference: 1, status: 'inFlight' },
      ],
    },
    adjustments: [
      { adjustmentId: '21', tranId: 'ADJ1', externalId: 'movement:M1', date: '2026-11-04', memo: 'Scend DAMAGED M1', accountId: '7', accountName: 'Damaged stock', itemId: '1', quantity: -2 },
      { adjustmentId: '22', tranId: 'ADJ2', externalId: 'stocksync:S1:1:0', date: '2026-11-30', memo: 'Scend stock sync S1', accountId: '8', accountName: 'Stock reconciliation', itemId: '4', quantity: -1 },
      { adjustmentId: '22', tranId: 'ADJ2', externalId: 'stocksync:S1:1:0', date: '2026-11-30', memo: 'Scend stock sync S1', accountId: '8', accountName: 'Stock reconciliation', itemId: '3', quantity: 2 },
    ],
    receiptVariances: [{ id: '5', status: 'open', transactionId: '30', transactionName: 'PO1', firstSeen: '2026-11-10 10:00:00', resolvedAt: '', message: 'over by 1' }],
    costs: { '1': 2.5, '2': 4.1, '3': 3.2, '4': 1.75 },
    ...over,
  };
}

describe('reconcile', () => {
  const r = reconcile(input());

  it('matches despatches to fulfilments by DespatchId and names every gap', () => {
    expect(r.despatches.matchedCount).toBe(3);
    expect(r.despatches.withoutFulfilment.map((d) => d.despatchId)).toEqual(['D3']);
    expect(r.despatches.withoutDespatch.map((f) => f.tranId)).toEqual(['IF5']);
    expect(r.despatches.earlierDespatch.map((f) => f.tranId)).toEqual(['IF6']);
    expect(r.despatches.unitMismatches).toEqual([{ despatchId: 'D4', scendUnits: 6, netsuiteUnits: 5, fulfilmentId: '14', tranId: 'IF4' }]);
    // IF2 is dated next month but matches this month's despatch; IF7 is next month's and unmatched.
    expect(r.despatches.netsuiteCount).toBe(5);
    // despatched = fulfilled − by hand − earlier + without fulfilment + unit differences
    expect(r.despatches.scendUnits).toBe(18);
    expect(r.despatches.netsuiteUnits).toBe(22);
    expect(22 - 2 - 7 + 4 + 1).toBe(18);
  });

  it('values stock at cost with timing apart from true variances; unknown SKUs are neither and flagged', () => {
    expect(r.stock.lines.map((l) => l.sku)).toEqual(['B', 'C', 'D', 'X', 'E']); // the match is only in the run's file
    expect(r.stock.timingValue).toBe(-12.3); // B -3 × 4.10; E has no cost
    expect(r.stock.varianceValue).toBe(36.65); // C 12 × 3.20 + D -1 × 1.75
    expect(r.stock.adjustedVarianceValue).toBe(-1.75);
    expect(r.stock.otherUnits).toBe(4);
    expect(r.stock.itemsWithoutCost).toEqual(['E']);
    expect(r.stock.scendValue - r.stock.netsuiteValue).toBeCloseTo(r.stock.timingValue + r.stock.varianceValue + r.stock.otherValue, 6);
  });

  it('groups adjustments by reason and account, valued at cost', () => {
    expect(r.adjustments.groups).toEqual([
      { reason: 'DAMAGED', accountId: '7', accountName: 'Damaged stock', adjustments: 1, units: -2, value: -5 },
      { reason: 'STOCK_SYNC', accountId: '8', accountName: 'Stock reconciliation', adjustments: 1, units: 1, value: 4.65 },
    ]);
    expect(r.adjustments).toMatchObject({ count: 2, units: -1, value: -0.35 });
    expect(adjustmentReason('movement:M9', 'Scend CYCLE_COUNT M9 (ref)')).toBe('CYCLE_COUNT');
  });

  it('balances, and says so when it does not (a stock file whose difference is not Scend − NetSuite)', () => {
    expect(r.balanced).toBe(true);
    expect(r.receiptVariances).toMatchObject({ open: 1, resolved: 0 });
    const broken = input();
    broken.stock!.rows[2] = { ...broken.stock!.rows[2], difference: 10 };
    const b = reconcile(broken);
    expect(b.balanced).toBe(false);
    expect(b.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['Stock value: NetSuite + timing + variance + other = Scend']);
  });
});

describe('period', () => {
  it('defaults to the previous month and refuses future or malformed months', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(periodFor(undefined, now)).toEqual({ month: '2026-11', period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(periodFor('2026-02', now)).toMatchObject({ period: { from: '2026-02-01', to: '2026-02-28' } });
    expect(periodFor('2027-01', now)).toEqual({ error: '2027-01 has not started yet.' });
    expect(periodFor('2026-13', now)).toHaveProperty('error');
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(pickerMonths(new Date('2026-01-15T00:00:00Z'), 3)).toEqual(['2026-01', '2025-12', '2025-11']);
  });
});

describe('run and sign-off rules', () => {
  const r = reconcile(input());
  const draft: ReconRun = { id: '1', period, figures: r, computedAt: '2026-12-01T08:00:00.000Z', fileId: '4', signedBy: '', signedAt: '' };

  it('signs a draft whose figures are the ones reviewed; refuses stale figures and a second sign-off', () => {
    expect(canSignOff(draft, draft.computedAt)).toEqual({ ok: true });
    expect(canSignOff(draft, '2026-12-01T07:00:00.000Z')).toMatchObject({ ok: false, reason: expect.stringContaining('re-computed') });
    expect(canSignOff({ ...draft, signedBy: 'Ann (3)', signedAt: '2026-12-01T09:00:00.000Z' }, draft.computedAt)).toMatchObject({ ok: false, reason: expect.stringContaining('already signed off by Ann (3)') });
    expect(canSignOff(null, '')).toMatchObject({ ok: false });
  });

  it('refuses edit and delete of a signed-off run, nothing else', () => {
    expect(changeRefusal('edit', 'Ann (3)', '2026-12-01T09:00:00Z')).toContain('cannot be changed');
    expect(changeRefusal('delete', 'Ann (3)', '2026-12-01T09:00:00Z')).toContain('cannot be deleted');
    expect(changeRefusal('xedit', '', '')).toBeNull();
    expect(changeRefusal('create', 'Ann (3)', '2026-12-01T09:00:00Z')).toBeNull();
  });

  it('stores the figures as JSON within a Long Text field, keeping the largest lines when there are too many', () => {
    expect(parseFigures(figuresJson(r))).toEqual(r);
    const many = { ...r, stock: { ...r.stock, lines: Array.from({ length: 20_000 }, (_, i) => ({ ...r.stock.lines[1], sku: `SKU-${i}`, differenceValue: i })) } };
    const json = figuresJson(many);
    expect(json.length).toBeLessThanOrEqual(MAX_FIGURES_CHARS);
    const back = parseFigures(json) as typeof many & { stock: { linesTruncated: number } };
    expect(back.stock.lines[0].sku).toBe('SKU-19999');
    expect(back.stock.linesTruncated).toBeGreaterThan(0);
  });
});

describe('CSV and page', () => {
  const r = reconcile(input());
  it('writes the same figures as CSV, with the sign-off last', () => {
    const csv = reconCsv(r, { signedBy: 'Ann (3)', signedAt: '2026-12-01T09:00:00.000Z' }).trim().split('\n');
    expect(csv[0]).toBe(RECON_CSV_HEADER);
    expect(csv).toContain('stock,True variances,,11,36.65,');
    expect(csv).toContain('despatch-unit-mismatch,D4,,1,,"Scend 6, NetSuite 5"');
    expect(csv.at(-1)).toBe('sign-off,Ann (3),,,,2026-12-01T09:00:00.000Z');
  });

  it('renders the figures, the variance chart and a sign-off button on a draft only', () => {
    const links = { record: (t: string, id: string) => `/r/${t}/${id}`, recordList: (t: string) => `/r/${t}` };
    const run = { id: '1', recordType: 'customrecord_scend_recon_run', computedAt: 'x', fileId: '4', fileUrl: '/f/4', signedBy: '', signedAt: '' };
    const html = renderReconciliation(r, links, { run });
    expect(html).toContain('id="scend-recon-variance-value" data-value="36.65"');
    expect(html).toMatch(/<g class="bar" data-label="C" data-value="38.4">/);
    expect(html).toContain('id="scend-recon-signoff"');
    const signed = renderReconciliation(r, links, { run: { ...run, signedBy: 'Ann (3)', signedAt: '2026-12-01T09:00:00.000Z' } });
    expect(signed).not.toContain('id="scend-recon-signoff"');
    expect(signed).toContain('Signed off by <span id="scend-recon-signed-by">Ann (3)</span>');
  });
});

describe('despatch units', () => {
  it('leave kit members out (NetSuite fulfils whole kits, so their units do not compare)', () => {
    expect(despatchUnits({ Parcels: [{ Lines: [{ LineRef: '1', Quantity: 2 }, { LineRef: '2.55', Quantity: 3 }] }, { Lines: [{ LineRef: '3', Quantity: 1 }] }] })).toBe(3);
  });
});
