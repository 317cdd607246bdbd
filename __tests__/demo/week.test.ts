/**
 * `npm start`'s trading week at a small scale: the figures it prints agree with the records of
 * both systems, and every injected failure mode ended where it must — as its exception type with
 * its owner, or with no exception and nothing done twice. Build first (`npm test` does).
 */
import { parseArgs } from '../../demo/main';
import { runWeek, type WeekFacts } from '../../demo/week';
import { isPhysical, type WeekWorld } from '../../demo/week-world';
import { allDespatches, formatSummary, summarize, type WeekSummary } from '../../demo/week-summary';
import { pagesFor, writePages } from '../../demo/pages';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(240_000);

let w: WeekWorld;
let facts: WeekFacts;
let summary: WeekSummary;

beforeAll(async () => {
  ({ w, facts } = await runWeek({ scale: 0.1, seed: 5 }));
  summary = await summarize(w, facts);
});
afterAll(async () => {
  await w?.close();
});

type Stored = { id: number; data: { fields: Record<string, unknown> } };
const stored = (type: string): Stored[] => Array.from(w.db.store.ofType(type)) as Stored[];
const ext = (r: Stored) => String(r.data.fields.externalid ?? '');

it('ran a whole week on the one clock, every deployment on its schedule', () => {
  expect(summary.days).toBe(7);
  expect(summary.scheduledRuns).toBeGreaterThan(7 * 96 * 5); // at least five 15-minute schedules, all week
  expect(summary.ordersEntered).toBe(facts.orders.length);
  expect(summary.units.total).toBe(w.sb.usage.entries.reduce((n, u) => n + u.units, 0));
  expect(summary.units.peak!.units).toBeLessThanOrEqual(summary.units.peak!.limit);
  expect(summary.secretsLeaked).toBe(0);
});

it('fulfilments printed = fulfilment records = Scend despatches (each once, or an open exception names it)', async () => {
  const fulfilments = stored('itemfulfillment').map(ext).filter((x) => x.startsWith('despatch:'));
  expect(summary.fulfilments).toBe(fulfilments.length);
  expect(summary.fulfilmentsTwice).toBe(0);
  expect(new Set(fulfilments).size).toBe(fulfilments.length);
  const despatches = (await allDespatches(w)).map((d) => d.DespatchId);
  expect(summary.despatches).toBe(despatches.length);
  // Every despatch has exactly one fulfilment, or an open exception naming it (the second shipment
  // among them; and a kit whose members the warehouse split over two despatches).
  const second = facts.secondShipment!.despatchId;
  const explained = new Set(w.exceptions({ open: true }).map((e) => /despatch:(DSP-[0-9]+)$/.exec(e.dedupeKey)?.[1]).filter(Boolean));
  expect(explained.has(second)).toBe(true);
  expect(fulfilments.sort()).toEqual(despatches.filter((d) => !explained.has(d)).map((d) => `despatch:${d}`).sort());
  expect(summary.partiallyDespatchedOrders).toBeGreaterThan(0);
  expect(formatSummary(summary)).toContain(`${summary.despatches} → ${summary.fulfilments} (0 twice)`);
});

it('a redelivered despatch did not create a second fulfilment', () => {
  expect(facts.redeliveredDespatches.length).toBeGreaterThan(0);
  const fulfilments = stored('itemfulfillment').map(ext);
  const explained = new Set(w.exceptions({ open: true }).map((e) => /despatch:(DSP-[0-9]+)$/.exec(e.dedupeKey)?.[1]).filter(Boolean));
  for (const d of facts.redeliveredDespatches) expect([d, fulfilments.filter((x) => x === `despatch:${d}`).length]).toEqual([d, explained.has(d) ? 0 : 1]);
});

it('orders: one Scend order per sales order sent, even through commit-then-fail; digital lines never sent', async () => {
  expect(summary.duplicateScendOrders).toBe(0);
  expect(facts.faultsFired.commitThenFail).toBeGreaterThan(0);
  expect(facts.faultsFired.outage).toBeGreaterThan(0);
  const scend = await w.scendOrders();
  expect(summary.scendOrders).toBe(scend.length);
  expect(summary.ledger.Sent).toBe(new Set(scend.map((o) => o.ClientReference)).size);
  const digital = new Set(w.catalogue.filter((c) => c.type === 'downloaditem' || c.type === 'serviceitem').map((c) => c.itemid));
  expect(scend.flatMap((o) => o.Lines.map((l) => l.Sku)).filter((sku) => digital.has(sku))).toEqual([]);
  expect(summary.ledger['Skipped (nothing to ship)']).toBeGreaterThan(0);
});

it('receipts and adjustments printed are the records: PO → ASN → receipt, returns, movements', () => {
  const receipts = stored('itemreceipt').map(ext);
  expect(summary.poReceipts).toBe(receipts.filter((x) => x.startsWith('receipt:')).length);
  expect(summary.poReceipts).toBeGreaterThanOrEqual(facts.purchaseOrders.length);
  expect(summary.asnsSent).toBe(facts.purchaseOrders.length);
  expect(summary.returnReceipts).toBe(receipts.filter((x) => x.startsWith('return:')).length);
  expect(summary.returnReceipts).toBeGreaterThan(0);
  const adjustments = stored('inventoryadjustment').map(ext);
  expect(summary.movementAdjustments).toBe(adjustments.filter((x) => x.startsWith('movement:')).length);
  expect(summary.movementAdjustments).toBeGreaterThan(0);
});

it('exceptions by type and owner add up to the exception records; drift was found and resolved', () => {
  const all = w.exceptions();
  expect(summary.exceptions.reduce((n, e) => n + e.open + e.resolved, 0)).toBe(all.length);
  for (const e of summary.exceptions) {
    expect(all.filter((x) => x.type === e.type && x.owner === e.owner && /open/i.test(x.status)).length).toBe(e.open);
  }
  expect(summary.drift.found).toBe(all.filter((e) => /drift/i.test(e.type)).length);
  expect(summary.drift.resolved).toBeGreaterThan(0);
});

it('every injected failure mode ended as its exception type with its owner', () => {
  const modes = facts.injected.map((i) => i.mode);
  expect(modes).toEqual(
    expect.arrayContaining(['Scend outage', 'Commit-then-fail writes', 'Renamed SKU', 'Cancellation after packing', 'Redelivered despatches', 'Second physical shipment', 'Missing address', 'Orders with digital lines']),
  );
  const all = w.exceptions();
  for (const i of facts.injected.filter((x) => x.expect)) {
    const e = i.expect!;
    const matching = all.filter((x) => x.type === e.type && x.owner === e.owner && x.status === e.status && (!e.dedupeKey || x.dedupeKey === e.dedupeKey));
    expect([i.mode, matching.length > 0]).toEqual([i.mode, true]);
  }
  // The renamed SKU left nothing open: its mismatch and its item drift both resolved.
  expect(all.filter((x) => /SKU mismatch|item master/.test(x.type) && /open/i.test(x.status))).toEqual([]);
  // Every order whose customer has no address is held with a customer-service exception.
  const noAddress = facts.entered.filter((e) => !w.customers[e.spec.customerKey].spec.address);
  const physical = (key: string) => isPhysical(w.catalogue.find((c) => c.key === key)!);
  expect(all.filter((x) => x.type === 'Missing ship-to address').length).toBe(noAddress.filter((e) => e.spec.lines.some((l) => physical(l.itemKey))).length);
});

it('writes the pages it can render and skips one whose script is not deployed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-pages-'));
  try {
    const month = w.sb.clock.now().toISOString().slice(0, 7);
    const { pages } = await writePages(w.sb, dir, [...pagesFor(month), { name: 'nope', title: 'Not here', scriptId: 'customscript_scend_sl_nope' }], { screenshots: false });
    const dashboard = pages.find((p) => p.spec.name === 'dashboard')!;
    expect(fs.readFileSync(dashboard.html!, 'utf8')).toContain(`id="scend-open-total">${w.exceptions({ open: true }).length}<`);
    expect(pages.find((p) => p.spec.name === 'setup-audit')!.html).toBeDefined();
    // The reconciliation of the week's month: its fulfilments are the connector's fulfilments of the week.
    expect(fs.readFileSync(pages.find((p) => p.spec.name === 'reconciliation')!.html!, 'utf8')).toContain(month);
    expect(pages.find((p) => p.spec.name === 'nope')!.skipped).toMatch(/not in this project/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('takes --scale and --seed, or DEMO_SCALE and DEMO_SEED', () => {
  expect(parseArgs(['--scale', '0.2', '--seed=9'], {})).toMatchObject({ scale: 0.2, seed: 9 });
  expect(parseArgs([], { DEMO_SCALE: '1', DEMO_SEED: '3' })).toMatchObject({ scale: 1, seed: 3 });
  expect(() => parseArgs(['--scale', 'x'], {})).toThrow(RangeError);
});
