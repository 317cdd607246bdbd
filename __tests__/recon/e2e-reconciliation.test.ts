/**
 * The month-end reconciliation end to end: the built Suitelet in the sandbox against the simulator,
 * after a month of real work (recon-world.ts). Its figures must balance against the records:
 * despatched units = fulfilled units + the named gaps; stock variance value = Σ over SKUs of the
 * difference × the item's cost; adjustments total = the connector's adjustments in the ledger.
 * NetSuite Help: "SuiteQL" (N/query runSuiteQLPaged); "N/file Module" (File.save in a folder, same
 * name overwrites); "User Event Script Type" (beforeSubmit throwing stops the save); "External ID"
 * (unique per record type: one run per period).
 */
import { RECORDS, SCRIPTS } from '../../src/ts/ids';
import type { Reconciliation } from '../../src/ts/core/recon/reconcile';
import type { Despatch, FeedPage } from '../../src/ts/scend/contract';
import { COSTS, startReconWorld, type ReconWorld } from './support/recon-world';

jest.setTimeout(120_000);

const R = RECORDS.reconRun.fields;
let w: ReconWorld;
beforeAll(async () => {
  w = await startReconWorld();
});
afterAll(async () => {
  await w?.close();
});

const page = (params: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET') =>
  w.sb.callSuitelet(SCRIPTS.reconciliation.deployments.main, method === 'GET' ? { method, params } : { method, body: params });
const hidden = (body: string, name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';

function runs(): Array<{ id: number; externalid: string; figures: Reconciliation; signedBy: string; signedAt: unknown; fileId: number; balanced: unknown; varianceValue: number; adjustmentValue: number }> {
  return Array.from(w.db.store.ofType(RECORDS.reconRun.id)).map((r) => ({
    id: r.id,
    externalid: String(r.data.fields.externalid ?? ''),
    figures: JSON.parse(String(r.data.fields[R.figures])) as Reconciliation,
    signedBy: String(r.data.fields[R.signedBy] ?? ''),
    signedAt: r.data.fields[R.signedAt],
    fileId: Number(r.data.fields[R.fileId]),
    balanced: r.data.fields[R.balanced],
    varianceValue: Number(r.data.fields[R.varianceValue]),
    adjustmentValue: Number(r.data.fields[R.adjustmentValue]),
  }));
}

async function scendDespatchesThisMonth(): Promise<Despatch[]> {
  const body = await w.scend<FeedPage<Despatch>>(`/despatches?since=${w.month}-01T00:00:00Z&limit=500`);
  return [...new Map(body.Items.map((d) => [d.DespatchId, d])).values()];
}

function fulfilments(): Array<{ id: string; externalid: string; units: number }> {
  return Array.from(w.db.store.ofType('itemfulfillment')).map((r) => ({
    id: String(r.id),
    externalid: String(r.data.fields.externalid ?? ''),
    units: (r.data.sublists.item ?? []).filter((l) => l.itemreceive !== false && String(l.item) !== String(w.items.get('RC-SET'))).reduce((n, l) => n + Math.abs(Number(l.quantity)), 0),
  }));
}

const skuOf = (itemId: number | string): string => [...w.items].find(([, id]) => String(id) === String(itemId))![0];
const money = (n: number) => Math.round(n * 100) / 100;

describe('month-end reconciliation', () => {
  let first: { body: string; run: string; reviewed: string };

  it('computes a draft run whose figures balance against the records', async () => {
    const res = await page({ custpage_month: w.month });
    expect(res.code).toBe(200);
    const units = res.usage.reduce((n, u) => n + u.units, 0);
    expect(units).toBeLessThan(250); // a Suitelet has 1,000; about 150 here plus 10 per 500 despatches
    const [run] = runs();
    expect(runs()).toHaveLength(1);
    expect(run.externalid).toBe(`recon:${w.month}-01:${run.figures.period.to}`);
    const r = run.figures;
    expect(r.balanced).toBe(true);
    expect(r.checks.every((c) => c.ok)).toBe(true);

    // Despatches: Scend's units = NetSuite's fulfilled units − by hand + despatched without fulfilment.
    const despatched = await scendDespatchesThisMonth();
    // Units leave kits out on both sides (Scend despatches members `<line>.<item>`, NetSuite fulfils whole kits).
    const despatchedUnits = despatched.reduce((n, d) => n + d.Parcels.reduce((m, p) => m + p.Lines.reduce((k, l) => k + (l.LineRef.includes('.') ? 0 : l.Quantity), 0), 0), 0);
    expect(despatched.some((d) => d.Parcels.some((p) => p.Lines.some((l) => l.LineRef.includes('.'))))).toBe(true); // the kit
    const fulfilled = fulfilments();
    const fulfilledUnits = fulfilled.reduce((n, f) => n + f.units, 0);
    expect(r.despatches.scendCount).toBe(despatched.length);
    expect(r.despatches.scendUnits).toBe(despatchedUnits);
    expect(r.despatches.netsuiteCount).toBe(fulfilled.length);
    expect(r.despatches.netsuiteUnits).toBe(fulfilledUnits);
    expect(r.despatches.withoutFulfilment.map((d) => d.despatchId)).toEqual([w.unimportedDespatchId]);
    expect(r.despatches.withoutDespatch.map((f) => f.id)).toEqual([w.handFulfilmentId]);
    const handOrder = w.sb.record.load({ type: 'itemfulfillment', id: w.handFulfilmentId }).getValue({ fieldId: 'createdfrom' });
    expect(r.despatches.withoutDespatch[0].salesOrderTranId).toBe(String(w.sb.record.load({ type: 'salesorder', id: handOrder }).getValue({ fieldId: 'tranid' })));
    const gaps = r.despatches.withoutFulfilment.reduce((n, d) => n + d.units, 0) - r.despatches.withoutDespatch.reduce((n, f) => n + f.units, 0);
    expect(despatchedUnits).toBe(fulfilledUnits + gaps);
    expect(r.despatches.unitMismatches).toEqual([]);

    // Stock: Σ over the stock run's rows of difference × cost, true variances apart from timing.
    const stockRun = w.runs().at(-1)!;
    expect(r.stock.run?.id).toBe(String(stockRun.id));
    const rows = w.file(stockRun.fileId).trim().split('\n').slice(1).map((l) => l.split(','));
    const valueOf = (statuses: string[]) => money(rows.filter((c) => statuses.includes(c[8])).reduce((n, c) => n + Number(c[7]) * COSTS[c[0]], 0));
    expect(r.stock.varianceValue).toBe(valueOf(['adjust', 'drift', 'numbered']));
    expect(r.stock.timingValue).toBe(valueOf(['timing', 'inFlight']));
    expect(r.stock.varianceValue).not.toBe(0);
    expect(r.stock.timingValue).not.toBe(0);
    expect(r.stock.lines.find((l) => l.sku === 'RC-PLATE')).toMatchObject({ difference: -12, status: 'drift', differenceValue: money(-12 * COSTS['RC-PLATE']) });
    expect(r.stock.lines.find((l) => l.sku === 'RC-JUG')?.status).toBe('timing'); // the despatch and the cycle count not yet imported
    expect(money(r.stock.scendValue - r.stock.netsuiteValue)).toBe(money(r.stock.timingValue + r.stock.varianceValue + r.stock.otherValue));

    // Adjustments: the connector's adjustments in the ledger, at cost, by reason and account.
    const ledger = w.adjustments().filter((a) => /^(movement|stocksync):/.test(a.externalid));
    const ledgerValue = money(ledger.reduce((n, a) => n + a.lines.reduce((m, l) => m + l.qty * COSTS[skuOf(l.item)], 0), 0));
    expect(r.adjustments.count).toBe(ledger.length);
    expect(r.adjustments.value).toBe(ledgerValue);
    expect(r.adjustments.groups.map((g) => [g.reason, g.accountName])).toEqual([
      ['DAMAGED', 'Damaged stock'],
      ['STOCK_SYNC', 'Stock reconciliation'],
    ]);
    // What the stock sync adjusted is the adjusted part of the true variance.
    expect(r.stock.adjustedVarianceValue).toBe(r.adjustments.groups.find((g) => g.reason === 'STOCK_SYNC')!.value);

    // Receipt variances: the over-delivery, open, for finance.
    expect(r.receiptVariances.open).toBe(1);
    expect(r.receiptVariances.rows[0].message).toContain('over by 1');

    // The record's totals and the CSV carry the same figures.
    expect(run.varianceValue).toBe(r.stock.varianceValue);
    expect(run.adjustmentValue).toBe(r.adjustments.value);
    const csv = w.file(run.fileId);
    expect(csv).toContain(`stock,True variances,,${r.stock.varianceUnits},${r.stock.varianceValue},`);
    expect(csv).toContain(`adjustments,Total,${r.adjustments.count},${r.adjustments.units},${r.adjustments.value},`);
    expect(csv).toContain(`despatch-without-fulfilment,${w.unimportedDespatchId},,6,`);
    expect(csv.trim().split('\n').at(-1)).toBe('sign-off,draft,,,,not signed off');

    // The page shows the same figures.
    expect(res.body).toContain(`id="scend-recon-variance-value" data-value="${r.stock.varianceValue.toFixed(2)}"`);
    expect(res.body).toContain(`id="scend-recon-adjustment-value" data-value="${r.adjustments.value.toFixed(2)}"`);
    expect(res.body).toContain('id="scend-recon-chart-variance"');
    expect(res.body).toMatch(new RegExp(`<a href="/core/media/media\\.nl\\?id=${run.fileId}&amp;h=[0-9a-f]+">file ${run.fileId}</a>`)); // the CSV, linked
    expect(res.body).not.toMatch(/<script/i);
    first = { body: res.body, run: hidden(res.body, 'custpage_run'), reviewed: hidden(res.body, 'custpage_reviewed') };
    expect(first.run).toBe(String(run.id));
  });

  it('re-running before sign-off replaces the draft (same record, same file name), and a stale page cannot sign', async () => {
    w.sb.clock.advance(5_000);
    const again = await page({ custpage_month: w.month });
    expect(runs()).toHaveLength(1);
    const reviewed = hidden(again.body, 'custpage_reviewed');
    expect(reviewed).not.toBe(first.reviewed);
    expect(hidden(again.body, 'custpage_run')).toBe(first.run);
    expect(w.sb.host.files.find(runs()[0].fileId)!.name).toBe(`scend-reconciliation-${w.month}-01-${runs()[0].figures.period.to}.csv`);
    // Signing the figures of the first page: refused, the newer figures are shown to review.
    const stale = await page({ custpage_month: w.month, custpage_run: first.run, custpage_reviewed: first.reviewed, custpage_action: 'signoff' }, 'POST');
    expect(stale.body).toContain('The figures were re-computed');
    expect(runs()[0].signedAt ?? '').toBe('');
    first = { ...first, reviewed };
  });

  it('sign off records who and when, rewrites the CSV with it, and freezes the run', async () => {
    const res = await w.sb.asUser({ id: 41, role: 'customrole_scend_finance' }, () =>
      page({ custpage_month: w.month, custpage_run: first.run, custpage_reviewed: first.reviewed, custpage_action: 'signoff' }, 'POST'),
    );
    expect(res.code).toBe(200);
    expect(res.body).toContain('Signed off.');
    const [run] = runs();
    expect(run.signedBy).toMatch(/\(41\)$/);
    expect(run.signedAt).toBeTruthy();
    expect(res.body).not.toContain('id="scend-recon-signoff"');
    const csv = w.file(run.fileId).trim().split('\n');
    expect(csv.at(-1)).toMatch(/^sign-off,.*\(41\),,,,\d{4}-\d{2}-\d{2}T/);

    // A re-run shows the frozen run and creates or changes nothing.
    const frozenJson = JSON.stringify(run.figures);
    w.sb.clock.advance(60_000);
    await w.sim.control.despatch((await w.scendOrders('RC-5'))[0].OrderId); // new work after sign-off
    const view = await page({ custpage_month: w.month });
    expect(view.body).toContain('id="scend-recon-signed"');
    expect(runs()).toHaveLength(1);
    expect(JSON.stringify(runs()[0].figures)).toBe(frozenJson);
    // Signing again is refused.
    const twice = await page({ custpage_month: w.month, custpage_run: first.run, custpage_reviewed: first.reviewed, custpage_action: 'signoff' }, 'POST');
    expect(twice.body).toContain('already signed off');
  });

  it('a signed-off run is read-only: edits and deletes are refused by the user event, from any context', () => {
    const id = runs()[0].id;
    const edit = () => w.sb.record.submitFields({ type: RECORDS.reconRun.id, id, values: { [R.varianceValue]: 0 } });
    expect(edit).toThrow(expect.objectContaining({ name: 'SCEND_RECONCILIATION_SIGNED_OFF' }));
    expect(() => w.sb.record.delete({ type: RECORDS.reconRun.id, id })).toThrow(expect.objectContaining({ name: 'SCEND_RECONCILIATION_SIGNED_OFF' }));
    expect(runs()[0].varianceValue).not.toBe(0);
  });

  // The sandbox does not refuse a Suitelet by audience; the deployment's audience says who opens it.
  it('is deployed for finance and administrators only, running as Administrator', () => {
    const script = w.sb.meta.scripts.get(SCRIPTS.reconciliation.id)!;
    const deployment = script.deployments.find((d) => d.scriptid === SCRIPTS.reconciliation.deployments.main)!;
    expect(deployment.audience).toMatchObject({ allRoles: false, allEmployees: false });
    expect([...deployment.audience!.roles].sort()).toEqual(['administrator', 'customrole_scend_finance']);
    expect(deployment.runAsRole).toBe('administrator');
  });
});
