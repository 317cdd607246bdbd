/**
 * What happened in the week, counted from the records of both systems (never from the demo's own
 * tallies): orders sent, fulfilments, receipts, adjustments, exceptions by type and owner, drift
 * found and resolved, governance units. `formatSummary` prints it.
 */
import { RECORDS } from '../src/ts/ids';
import type { Despatch, FeedPage } from '../src/ts/scend/contract';
import type { WeekFacts } from './week';
import { isPhysical, type WeekWorld } from './week-world';

export interface WeekSummary {
  days: number;
  ordersEntered: number;
  ledger: Record<string, number>;
  scendOrders: number;
  duplicateScendOrders: number;
  committedThenFailed: number;
  linesFiltered: number;
  despatches: number;
  fulfilments: number;
  fulfilmentsTwice: number;
  partiallyDespatchedOrders: number;
  packagesWithTracking: number;
  purchaseOrders: number;
  asnsSent: number;
  poReceipts: number;
  returnReceipts: number;
  movementAdjustments: number;
  stockSyncAdjustments: number;
  stockRuns: number;
  exceptions: Array<{ type: string; owner: string; open: number; resolved: number }>;
  drift: { found: number; resolved: number; open: number };
  units: { total: number; byScript: Array<{ script: string; units: number; invocations: number }>; peak: { script: string; units: number; limit: number } | null };
  scheduledRuns: number;
  secretsLeaked: number;
  injected: WeekFacts['injected'];
}

type Stored = { id: number; data: { fields: Record<string, unknown>; sublists: Record<string, Array<Record<string, unknown>>> } };
const ofType = (w: WeekWorld, type: string): Stored[] => Array.from(w.db.store.ofType(type)) as Stored[];
const ext = (r: Stored): string => String(r.data.fields.externalid ?? '');

export async function allDespatches(w: WeekWorld): Promise<Despatch[]> {
  const seen = new Map<string, Despatch>();
  let cursor: string | undefined;
  for (;;) {
    const page = await w.scend<FeedPage<Despatch>>(`/despatches?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const d of page.Items) seen.set(d.DespatchId, d);
    cursor = page.NextCursor ?? cursor;
    if (!page.HasMore) return [...seen.values()];
  }
}

export async function summarize(w: WeekWorld, facts: WeekFacts): Promise<WeekSummary> {
  const S = RECORDS.sync.fields;
  const ledger: Record<string, number> = {};
  let asnsSent = 0;
  // The ledger as its list shows it (state by name): one search, outside any script.
  w.sb.search
    .create({ type: RECORDS.sync.id, filters: [], columns: [S.kind, S.state, S.scendId] })
    .run()
    .each((r: { getValue(o: { name: string }): unknown; getText(o: { name: string }): string }) => {
      const kind = String(r.getValue({ name: S.kind }) ?? '');
      if (kind === 'asn' && r.getValue({ name: S.scendId })) asnsSent++;
      if (kind === 'order') ledger[r.getText({ name: S.state })] = (ledger[r.getText({ name: S.state })] ?? 0) + 1;
      return true;
    });

  const scend = await w.scendOrders();
  const perRef = new Map<string, number>();
  for (const o of scend) perRef.set(o.ClientReference, (perRef.get(o.ClientReference) ?? 0) + 1);

  const nonPhysical = new Set(w.catalogue.filter((c) => !isPhysical(c)).map((c) => c.key));
  const linesFiltered = facts.entered.reduce((n, e) => n + e.spec.lines.filter((l) => nonPhysical.has(l.itemKey)).length, 0);

  const despatches = await allDespatches(w);
  const fulfilments = ofType(w, 'itemfulfillment').filter((r) => ext(r).startsWith('despatch:'));
  const fulfilmentIds = fulfilments.map(ext);
  const perOrder = new Map<string, number>();
  for (const d of despatches) perOrder.set(d.OrderId, (perOrder.get(d.OrderId) ?? 0) + 1);
  const packages = fulfilments.reduce((n, r) => n + (r.data.sublists.package ?? []).filter((p) => String(p.packagetrackingnumber ?? '') !== '').length, 0);

  const receipts = ofType(w, 'itemreceipt').map(ext);
  const adjustments = ofType(w, 'inventoryadjustment').map(ext);

  const byTypeOwner = new Map<string, { type: string; owner: string; open: number; resolved: number }>();
  const drift = { found: 0, resolved: 0, open: 0 };
  for (const e of w.exceptions()) {
    const key = `${e.type}\u0000${e.owner}`;
    const row = byTypeOwner.get(key) ?? { type: e.type, owner: e.owner, open: 0, resolved: 0 };
    const open = /open/i.test(e.status);
    if (open) row.open++;
    else row.resolved++;
    byTypeOwner.set(key, row);
    if (/drift/i.test(e.type)) {
      drift.found++;
      if (open) drift.open++;
      else drift.resolved++;
    }
  }

  const byScript = new Map<string, { units: number; invocations: number }>();
  let total = 0;
  for (const u of w.sb.usage.entries) {
    total += u.units;
    const row = byScript.get(u.scriptId) ?? { units: 0, invocations: 0 };
    row.units += u.units;
    row.invocations++;
    byScript.set(u.scriptId, row);
  }
  const peak = w.sb.usage.peak();

  return {
    days: Math.round((facts.endedAt.getTime() - facts.startedAt.getTime()) / 86_400_000),
    ordersEntered: facts.orders.length,
    ledger,
    scendOrders: scend.length,
    duplicateScendOrders: [...perRef.values()].filter((n) => n > 1).length,
    committedThenFailed: facts.faultsFired.commitThenFail,
    linesFiltered,
    despatches: despatches.length,
    fulfilments: fulfilments.length,
    fulfilmentsTwice: fulfilmentIds.length - new Set(fulfilmentIds).size,
    partiallyDespatchedOrders: [...perOrder.values()].filter((n) => n > 1).length,
    packagesWithTracking: packages,
    purchaseOrders: facts.purchaseOrders.length,
    asnsSent,
    poReceipts: receipts.filter((x) => x.startsWith('receipt:')).length,
    returnReceipts: receipts.filter((x) => x.startsWith('return:')).length,
    movementAdjustments: adjustments.filter((x) => x.startsWith('movement:')).length,
    stockSyncAdjustments: adjustments.filter((x) => x.startsWith('stocksync:')).length,
    stockRuns: ofType(w, RECORDS.stockRun.id).length,
    exceptions: [...byTypeOwner.values()].sort((a, b) => a.owner.localeCompare(b.owner) || b.open + b.resolved - (a.open + a.resolved) || a.type.localeCompare(b.type)),
    drift,
    units: {
      total,
      byScript: [...byScript.entries()].map(([script, v]) => ({ script, ...v })).sort((a, b) => b.units - a.units),
      peak: peak ? { script: peak.scriptId, units: peak.units, limit: peak.limit } : null,
    },
    scheduledRuns: facts.scheduledRuns,
    secretsLeaked: w.sb.secrets.leaks().length,
    injected: facts.injected,
  };
}

const n = (x: number) => x.toLocaleString('en-GB');

export function formatSummary(s: WeekSummary): string {
  const out: string[] = [];
  const line = (label: string, value: string) => out.push(`${label.padEnd(34)}${value}`);
  out.push(`=== The week in figures (${s.days} days on the clock) ===`);
  line('Sales orders approved', `${n(s.ordersEntered)}`);
  line('Order ledger', Object.entries(s.ledger).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
  line('Orders in Scend', `${n(s.scendOrders)}, duplicates ${s.duplicateScendOrders} (${s.committedThenFailed} POSTs committed while NetSuite saw a failure)`);
  line('Lines kept out of Scend', `${n(s.linesFiltered)} (services, digital, shipping charge, discount)`);
  line('Despatches → item fulfilments', `${n(s.despatches)} → ${n(s.fulfilments)} (${s.fulfilmentsTwice} twice); ${s.partiallyDespatchedOrders} orders shipped in parts; ${n(s.packagesWithTracking)} packages with tracking`);
  line('Purchase orders → ASNs → receipts', `${s.purchaseOrders} → ${s.asnsSent} → ${s.poReceipts} item receipts`);
  line('Returns received', `${s.returnReceipts} item receipts on return authorizations`);
  line('Stock adjustments', `${s.movementAdjustments} from Scend movements, ${s.stockSyncAdjustments} by the stock sync (${s.stockRuns} sync runs)`);
  line('Drift', `${s.drift.found} found, ${s.drift.resolved} resolved, ${s.drift.open} open`);
  out.push('Exceptions by owner and type (open / resolved):');
  for (const e of s.exceptions) out.push(`  ${e.owner.padEnd(24)}${e.type.padEnd(34)}${String(e.open).padStart(4)} / ${e.resolved}`);
  out.push('Failure modes injected → outcome:');
  for (const i of s.injected) out.push(`  ${i.mode.padEnd(30)}${i.expect ? `${i.expect.type} → ${i.expect.owner}` : 'no exception'} — ${i.note}`);
  line('Governance units', `${n(s.units.total)} in all; most: ${s.units.byScript.slice(0, 3).map((b) => `${b.script.replace('customscript_scend_', '')} ${n(b.units)}`).join(', ')}`);
  if (s.units.peak) line('Largest single invocation', `${n(s.units.peak.units)} of ${n(s.units.peak.limit)} units (${s.units.peak.script.replace('customscript_scend_', '')})`);
  line('Scheduled script runs', `${n(s.scheduledRuns)} (every deployment on its SDF schedule)`);
  line('Secrets in logs or email', `${s.secretsLeaked}`);
  return out.join('\n');
}
