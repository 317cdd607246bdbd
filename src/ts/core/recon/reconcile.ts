/**
 * The month-end reconciliation, pure: for a period, Scend's despatches against NetSuite's item
 * fulfilments, stock per SKU in both systems valued at NetSuite cost (timing differences apart from
 * true variances), the adjustments the connector posted by reason and account, and receipt
 * variances. Every section carries its own sum checks, so the page (and the frozen run) says
 * whether its figures balance.
 */
import type { RowStatus } from '../stock/compare';

export interface Period {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

export interface ScendDespatchRow {
  despatchId: string;
  clientReference: string;
  despatchedAt: string;
  units: number;
}

export interface FulfilmentRow {
  id: string;
  tranId: string;
  /** `despatch:<DespatchId>` for the connector's fulfilments; empty for fulfilments entered by hand. */
  externalId: string;
  date: string;
  units: number;
  salesOrderId: string;
  /** The sales order's document number (empty when unknown). */
  salesOrderTranId?: string;
}

export interface StockRunRow {
  sku: string;
  itemId: string | null;
  locationId: string;
  scend: number;
  netsuite: number;
  difference: number;
  status: RowStatus;
}

export interface StockRunInput {
  id: string;
  snapshotId: string;
  asOf: string;
  fileId: string;
  rows: StockRunRow[];
}

export interface AdjustmentLineRow {
  adjustmentId: string;
  tranId: string;
  externalId: string;
  date: string;
  memo: string;
  accountId: string;
  accountName: string;
  itemId: string;
  quantity: number;
}

export interface ReceiptVarianceRow {
  id: string;
  status: string;
  transactionId: string;
  transactionName: string;
  firstSeen: string;
  resolvedAt: string;
  message: string;
}

export interface ReconInput {
  period: Period;
  despatches: ScendDespatchRow[];
  fulfilments: FulfilmentRow[];
  stock: StockRunInput | null;
  adjustments: AdjustmentLineRow[];
  receiptVariances: ReceiptVarianceRow[];
  /** Item id -> NetSuite cost per unit (missing: no cost, valued at 0 and listed). */
  costs: Readonly<Record<string, number>>;
}

export interface SumCheck {
  name: string;
  left: number;
  right: number;
  ok: boolean;
}

export interface StockLine extends StockRunRow {
  cost: number;
  scendValue: number;
  netsuiteValue: number;
  differenceValue: number;
  kind: 'match' | 'timing' | 'variance' | 'other';
}

export interface AdjustmentGroup {
  reason: string;
  accountId: string;
  accountName: string;
  adjustments: number;
  units: number;
  value: number;
}

export interface UnitMismatch {
  despatchId: string;
  scendUnits: number;
  netsuiteUnits: number;
  fulfilmentId: string;
  tranId: string;
}

export interface Reconciliation {
  period: Period;
  despatches: {
    scendCount: number;
    scendUnits: number;
    /** Fulfilments counted for the period: matched ones (whatever their date) and unmatched ones dated in it. */
    netsuiteCount: number;
    netsuiteUnits: number;
    matchedCount: number;
    /** Matched despatches whose units differ from their fulfilment's. */
    unitMismatches: UnitMismatch[];
    withoutFulfilment: ScendDespatchRow[];
    /** Fulfilments by hand (no `despatch:` external id): no Scend despatch stands behind them. */
    withoutDespatch: FulfilmentRow[];
    /** The connector's fulfilments dated in the period for despatches of an earlier period (a timing difference). */
    earlierDespatch: FulfilmentRow[];
  };
  stock: {
    run: { id: string; snapshotId: string; asOf: string; fileId: string } | null;
    /** SKU-locations that differ (the stock run's file holds every row). */
    lines: StockLine[];
    rowsCompared: number;
    scendUnits: number;
    netsuiteUnits: number;
    scendValue: number;
    netsuiteValue: number;
    timingValue: number;
    varianceValue: number;
    /** Of the true variances, what the stock sync adjusted (within tolerance; in the adjustments too). */
    adjustedVarianceValue: number;
    otherValue: number;
    timingUnits: number;
    varianceUnits: number;
    otherUnits: number;
    itemsWithoutCost: string[];
  };
  adjustments: { groups: AdjustmentGroup[]; count: number; units: number; value: number };
  receiptVariances: { open: number; resolved: number; rows: ReceiptVarianceRow[] };
  checks: SumCheck[];
  balanced: boolean;
}

/** Money to pence; units stay as counted. */
export const money = (n: number): number => Math.round(n * 100) / 100;

const TIMING: readonly RowStatus[] = ['timing', 'inFlight'];
const VARIANCE: readonly RowStatus[] = ['adjust', 'drift', 'numbered'];

export function stockKind(status: RowStatus): StockLine['kind'] {
  if (status === 'match') return 'match';
  if (TIMING.includes(status)) return 'timing';
  if (VARIANCE.includes(status)) return 'variance';
  return 'other';
}

/** The reason of a connector adjustment: Scend's movement reason from the memo, or the stock sync. */
export function adjustmentReason(externalId: string, memo: string): string {
  if (externalId.startsWith('stocksync:')) return 'STOCK_SYNC';
  const m = /^Scend ([A-Z_]+) /.exec(memo);
  return m ? m[1] : 'UNKNOWN';
}

const DESPATCH_PREFIX = 'despatch:';
const sum = (xs: readonly number[]): number => xs.reduce((n, x) => n + x, 0);
const check = (name: string, left: number, right: number): SumCheck => ({ name, left: money(left), right: money(right), ok: Math.abs(left - right) < 0.005 });

export function reconcile(input: ReconInput): Reconciliation {
  const costOf = (itemId: string | null): number => (itemId && input.costs[itemId] !== undefined ? input.costs[itemId] : 0);
  const unitsIn = (xs: ReadonlyArray<{ units: number }>): number => sum(xs.map((x) => x.units));

  // Despatches: matched by DespatchId (the connector's fulfilment has external id despatch:<DespatchId>).
  const inPeriod = (date: string) => date >= input.period.from && date <= input.period.to;
  const byDespatch = new Map<string, FulfilmentRow>();
  for (const f of input.fulfilments) if (f.externalId.startsWith(DESPATCH_PREFIX)) byDespatch.set(f.externalId.slice(DESPATCH_PREFIX.length), f);
  const matchedIds = new Set<string>();
  const unitMismatches: UnitMismatch[] = [];
  const withoutFulfilment: ScendDespatchRow[] = [];
  for (const d of input.despatches) {
    const f = byDespatch.get(d.despatchId);
    if (!f) {
      withoutFulfilment.push(d);
      continue;
    }
    matchedIds.add(f.id);
    if (f.units !== d.units) unitMismatches.push({ despatchId: d.despatchId, scendUnits: d.units, netsuiteUnits: f.units, fulfilmentId: f.id, tranId: f.tranId });
  }
  // NetSuite's side: fulfilments matched to the period's despatches (an import can date one a day
  // late) and the unmatched ones dated in the period.
  const netsuite = input.fulfilments.filter((f) => matchedIds.has(f.id) || inPeriod(f.date));
  const unmatched = netsuite.filter((f) => !matchedIds.has(f.id));
  const earlierDespatch = unmatched.filter((f) => f.externalId.startsWith(DESPATCH_PREFIX));
  const withoutDespatch = unmatched.filter((f) => !f.externalId.startsWith(DESPATCH_PREFIX));
  const scendUnits = unitsIn(input.despatches);
  const netsuiteUnits = unitsIn(netsuite);
  const mismatchUnits = sum(unitMismatches.map((m) => m.scendUnits - m.netsuiteUnits));

  // Stock: every row of the stock run valued at cost; the lines kept are those that differ.
  const all: StockLine[] = (input.stock?.rows ?? []).map((r) => {
    const cost = costOf(r.itemId);
    return { ...r, cost, scendValue: money(r.scend * cost), netsuiteValue: money(r.netsuite * cost), differenceValue: money(r.difference * cost), kind: stockKind(r.status) };
  });
  const lines = all.filter((l) => l.difference !== 0);
  const valueOf = (kind: StockLine['kind']) => money(sum(lines.filter((l) => l.kind === kind).map((l) => l.differenceValue)));
  const unitsOf = (kind: StockLine['kind']) => sum(lines.filter((l) => l.kind === kind).map((l) => l.difference));
  const itemsWithoutCost = [...new Set(all.filter((l) => l.itemId && input.costs[l.itemId] === undefined && (l.scend !== 0 || l.netsuite !== 0)).map((l) => l.sku))].sort();
  const scendValue = money(sum(all.map((l) => l.scendValue)));
  const netsuiteValue = money(sum(all.map((l) => l.netsuiteValue)));
  const timingValue = valueOf('timing');
  const varianceValue = valueOf('variance');
  const otherValue = valueOf('other');

  // Adjustments by reason and account, each line at its item's cost.
  const groups = new Map<string, AdjustmentGroup & { ids: Set<string> }>();
  for (const a of input.adjustments) {
    const reason = adjustmentReason(a.externalId, a.memo);
    const key = `${reason}|${a.accountId}`;
    const g = groups.get(key) ?? { reason, accountId: a.accountId, accountName: a.accountName, adjustments: 0, units: 0, value: 0, ids: new Set<string>() };
    g.ids.add(a.adjustmentId);
    g.adjustments = g.ids.size;
    g.units += a.quantity;
    g.value = money(g.value + a.quantity * costOf(a.itemId));
    groups.set(key, g);
  }
  const groupList = [...groups.values()]
    .map(({ ids: _ids, ...g }) => g)
    .sort((a, b) => a.reason.localeCompare(b.reason) || a.accountName.localeCompare(b.accountName));
  const adjustmentValue = money(sum(input.adjustments.map((a) => money(a.quantity * costOf(a.itemId)))));

  const checks: SumCheck[] = [
    check(
      'Despatches: matched + despatched without fulfilment = Scend despatches',
      matchedIds.size + withoutFulfilment.length,
      input.despatches.length,
    ),
    check(
      'Fulfilments: matched + by hand + for earlier despatches = NetSuite fulfilments',
      matchedIds.size + withoutDespatch.length + earlierDespatch.length,
      netsuite.length,
    ),
    check(
      'Units: NetSuite fulfilled − by hand − earlier despatches + despatched without fulfilment + unit differences = Scend despatched',
      netsuiteUnits - unitsIn(withoutDespatch) - unitsIn(earlierDespatch) + unitsIn(withoutFulfilment) + mismatchUnits,
      scendUnits,
    ),
    check('Stock value: NetSuite + timing + variance + other = Scend', netsuiteValue + timingValue + varianceValue + otherValue, scendValue),
    check('Adjustments: sum of the reason/account groups = total value', sum(groupList.map((g) => g.value)), adjustmentValue),
  ];
  const rv = input.receiptVariances;
  return {
    period: input.period,
    despatches: {
      scendCount: input.despatches.length,
      scendUnits,
      netsuiteCount: netsuite.length,
      netsuiteUnits,
      matchedCount: matchedIds.size,
      unitMismatches,
      withoutFulfilment,
      withoutDespatch,
      earlierDespatch,
    },
    stock: {
      run: input.stock ? { id: input.stock.id, snapshotId: input.stock.snapshotId, asOf: input.stock.asOf, fileId: input.stock.fileId } : null,
      lines,
      rowsCompared: all.length,
      scendUnits: sum(all.map((l) => l.scend)),
      netsuiteUnits: sum(all.map((l) => l.netsuite)),
      scendValue,
      netsuiteValue,
      timingValue,
      varianceValue,
      adjustedVarianceValue: money(sum(lines.filter((l) => l.status === 'adjust').map((l) => l.differenceValue))),
      otherValue,
      timingUnits: unitsOf('timing'),
      varianceUnits: unitsOf('variance'),
      otherUnits: unitsOf('other'),
      itemsWithoutCost,
    },
    adjustments: { groups: groupList, count: new Set(input.adjustments.map((a) => a.adjustmentId)).size, units: sum(input.adjustments.map((a) => a.quantity)), value: adjustmentValue },
    receiptVariances: { open: rv.filter((r) => r.status === 'open').length, resolved: rv.filter((r) => r.status !== 'open').length, rows: rv },
    checks,
    balanced: checks.every((c) => c.ok),
  };
}
