/**
 * The operations dashboard's figures, from plain rows the adapters read (SuiteQL): open exceptions
 * by type, owner and age, opened/resolved per day, the SKUs with most open exceptions, stalled
 * orders, feed lag and stock variance by SKU. Pure: (rows, now) → model; the page renders the model.
 */
import type { StockComparison } from '../drift/stock-drift';

export interface OpenExceptionRow {
  id: string;
  type: string;
  owner: string;
  firstSeen: Date;
  itemId?: string;
  itemName?: string;
}

export interface ExceptionEventRow {
  firstSeen: Date;
  resolvedAt?: Date;
}

export interface StalledOrderRow {
  ledgerId: string;
  transactionId: string;
  orderNumber: string;
  state: string;
  createdAt: Date;
  lastError?: string;
}

export interface FeedCursorRow {
  id: string;
  feed: string;
  lastRunAt?: Date;
  lastItemAt?: Date;
  lastRunItems?: number;
  lastError?: string;
}

export interface Count {
  label: string;
  count: number;
}

export interface AgeBucket {
  label: string;
  /** Upper bound in hours (exclusive); Infinity for the last bucket. */
  belowHours: number;
}

export const AGE_BUCKETS: readonly AgeBucket[] = [
  { label: 'under 1 hour', belowHours: 1 },
  { label: '1–24 hours', belowHours: 24 },
  { label: '1–3 days', belowHours: 72 },
  { label: '3–7 days', belowHours: 168 },
  { label: 'over 7 days', belowHours: Infinity },
];

export interface FeedLag extends FeedCursorRow {
  /** Minutes since the last run (undefined: never ran). */
  runLagMinutes?: number;
  /** Minutes between now and the newest item the feed has imported. */
  itemLagMinutes?: number;
  late: boolean;
}

export interface DashboardModel {
  now: Date;
  /** Scend minus NetSuite per SKU from the newest stock comparison (true variances only), largest first; null: no stock run yet. */
  stockVariance: { runId: string; at: Date; bars: Array<{ label: string; value: number }> } | null;
  openTotal: number;
  byType: Count[];
  byOwner: Count[];
  byAge: Count[];
  trend: Array<{ day: string; opened: number; resolved: number }>;
  topSkus: Array<Count & { itemId: string }>;
  stalled: StalledOrderRow[];
  feeds: FeedLag[];
}

export interface DashboardInput {
  now: Date;
  open: readonly OpenExceptionRow[];
  /** Exceptions opened or resolved within the trend window. */
  events: readonly ExceptionEventRow[];
  stalled: readonly StalledOrderRow[];
  feeds: readonly FeedCursorRow[];
  trendDays?: number;
  /** A feed whose last run is older than this is late (its schedule stopped or it keeps failing). */
  feedLateAfterMinutes?: number;
  topSkuCount?: number;
  stock?: StockComparison | null;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function stockVariance(comparison: StockComparison | null | undefined, top = 10): DashboardModel['stockVariance'] {
  if (!comparison) return null;
  const bars = comparison.lines
    .filter((l) => !l.timing && l.scendQuantity !== l.netsuiteQuantity)
    .map((l) => ({ label: l.sku, value: l.scendQuantity - l.netsuiteQuantity }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.label.localeCompare(b.label))
    .slice(0, top);
  return { runId: comparison.runId, at: comparison.at, bars };
}

/** Counts by label, most first, ties by label: a stable order the page and tests share. */
export function countBy<T>(rows: readonly T[], label: (row: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(label(r), (counts.get(label(r)) ?? 0) + 1);
  return [...counts.entries()].map(([l, count]) => ({ label: l, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function ageBucket(firstSeen: Date, now: Date): string {
  const hours = (now.getTime() - firstSeen.getTime()) / HOUR;
  for (const b of AGE_BUCKETS) if (hours < b.belowHours) return b.label;
  return AGE_BUCKETS[AGE_BUCKETS.length - 1].label;
}

const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** One entry per UTC day ending today, oldest first; events outside the window are left out. */
export function trendByDay(events: readonly ExceptionEventRow[], now: Date, days: number): DashboardModel['trend'] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: DashboardModel['trend'] = [];
  const index = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--) {
    const day = dayOf(new Date(today - i * DAY));
    index.set(day, out.length);
    out.push({ day, opened: 0, resolved: 0 });
  }
  for (const e of events) {
    const o = index.get(dayOf(e.firstSeen));
    if (o !== undefined) out[o].opened += 1;
    if (e.resolvedAt) {
      const r = index.get(dayOf(e.resolvedAt));
      if (r !== undefined) out[r].resolved += 1;
    }
  }
  return out;
}

export function feedLag(feed: FeedCursorRow, now: Date, lateAfterMinutes: number): FeedLag {
  const minutes = (d?: Date) => (d ? Math.max(0, Math.round((now.getTime() - d.getTime()) / 60_000)) : undefined);
  const runLagMinutes = minutes(feed.lastRunAt);
  return {
    ...feed,
    runLagMinutes,
    itemLagMinutes: minutes(feed.lastItemAt),
    late: runLagMinutes === undefined || runLagMinutes > lateAfterMinutes || !!feed.lastError,
  };
}

export function buildDashboard(input: DashboardInput): DashboardModel {
  const { now, open } = input;
  const ageCounts = countBy(open, (r) => ageBucket(r.firstSeen, now));
  const skuRows = open.filter((r) => r.itemId);
  const topSkus = countBy(skuRows, (r) => `${r.itemId}\u0000${r.itemName ?? r.itemId}`)
    .slice(0, input.topSkuCount ?? 10)
    .map((c) => {
      const [itemId, name] = c.label.split('\u0000');
      return { itemId, label: name, count: c.count };
    });
  return {
    now,
    openTotal: open.length,
    byType: countBy(open, (r) => r.type),
    byOwner: countBy(open, (r) => r.owner),
    // Ageing keeps the buckets' order (youngest first) and shows empty ones: the shape is the point.
    byAge: AGE_BUCKETS.map((b) => ({ label: b.label, count: ageCounts.find((c) => c.label === b.label)?.count ?? 0 })),
    trend: trendByDay(input.events, now, input.trendDays ?? 14),
    topSkus,
    stalled: [...input.stalled].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    stockVariance: stockVariance(input.stock),
    feeds: input.feeds.map((f) => feedLag(f, now, input.feedLateAfterMinutes ?? 60)).sort((a, b) => a.feed.localeCompare(b.feed)),
  };
}
