/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

/**
 * Drift detection (hourly): compares the state of open work in both systems, not the messages
 * that passed between them. getInputData reads only open work (drift-source.ts); map checks one
 * subject against Scend and raises or updates its exception. Open sent orders are compared with
 * Scend's live-order lists read once in getInputData (~20 calls for 10,000 orders, live-orders.ts);
 * only an order not on them (despatched, cancelled, unknown) or a misaligned item costs a GET
 * (10 units and one of Scend's 120 requests a minute); summarize resolves the open drift
 * exceptions whose subject was found aligned or left open work, and compares the latest stock run.
 * A subject whose check failed keeps its exception (not knowing is not aligned). A 429 pauses the
 * run's remaining Scend reads until Retry-After; those subjects are deferred to the next run.
 */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { SCRIPTS } from '../ids';
import { DRIFT_EXCEPTION_TYPES, DRIFT_KINDS, driftKey, type DriftFinding } from '../core/drift/drift-kinds';
import { decideItemDrift } from '../core/drift/item-drift';
import { readLiveOrders, type LiveOrders } from '../core/drift/live-orders';
import { decideNeverSent, decideOrderDrift, DEFAULT_ORDER_DRIFT, type ScendView } from '../core/drift/order-drift';
import { driftKeysToResolve, subjectOfKey } from '../core/drift/resolve';
import { decideStockDrift } from '../core/drift/stock-drift';
import type { Product } from '../scend/contract';
import { NotFoundError, RateLimitedError } from '../scend/errors';
import { loadConfig } from '../netsuite/config-repository';
import { misalignedItems, openSentOrders, unsentApprovedOrders } from '../netsuite/drift/drift-source';
import { latestStockComparison } from '../netsuite/drift/stock-runs';
import { workSubject, type DriftOutcome, type DriftWork } from '../netsuite/drift/drift-work';
import { pauseScend, scendPaused } from '../netsuite/drift/scend-pause';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { LedgerRepository } from '../netsuite/orders/ledger-repository';
import { scendClientFor } from '../netsuite/orders/order-ports';

export const config = { retryCount: 1, exitOnError: false };

/** An approved order with no ledger entry this long after its last change was missed by the backlog (every 15 min). */
const NEVER_SENT_GRACE_MINUTES = 60;


function despatchGraceMinutes(): number {
  const value = Number(runtime.getCurrentScript().getParameter({ name: SCRIPTS.drift.params.despatchGraceMinutes }));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_ORDER_DRIFT.despatchGraceMinutes;
}

function raise(finding: DriftFinding, now: Date): string {
  const kind = DRIFT_KINDS[finding.kind];
  const key = driftKey(finding.kind, finding.subjectId);
  new ExceptionRepository().raise(
    {
      type: kind.type,
      owner: kind.owner,
      dedupeKey: key,
      message: finding.message,
      details: finding.details,
      transactionId: finding.transactionId,
      itemId: finding.itemId,
      scendReference: finding.scendReference,
    },
    now,
  );
  return key;
}

/** Keyed by subject (`order:<id>`, `item:<id>`), so a failed key names the subject whose exception must stay. */
export function getInputData(): Record<string, DriftWork> {
  const settings = loadConfig();
  const now = new Date();
  const work: Record<string, DriftWork> = {};
  const add = (w: DriftWork) => {
    work[workSubject(w)] = w;
  };
  const sent = openSentOrders();
  // Nothing open, or Scend asked the previous run to slow down: no lists (each order's read then waits in map).
  const live: LiveOrders = sent.length > 0 && !scendPaused(now) ? readLiveOrders(scendClientFor(settings)) : { byId: new Map(), incomplete: [] };
  if (live.incomplete.length > 0) log.audit({ title: 'Scend drift detection: live-order lists not read to the end (those orders are read one by one)', details: live.incomplete });
  if (live.rateLimited) pauseScend(now, live.rateLimited.retryAfterSeconds); // their reads wait for the next run
  sent.forEach((order) => add({ k: 'order', order, scend: live.byId.get(order.scendId) }));
  unsentApprovedOrders(new Date(now.getTime() - NEVER_SENT_GRACE_MINUTES * 60_000), settings.goLiveDate).forEach((order) => add({ k: 'unsent', order }));
  misalignedItems().forEach((item) => add({ k: 'item', item }));
  return work;
}

/**
 * One read from Scend, or null when Scend asked to slow down: a 429 pauses the run's remaining reads
 * until its Retry-After (scend-pause.ts), so the rest wait for the next run instead of each meeting
 * another 429. Other failures throw (the key fails; summarize keeps its subject's exceptions).
 */
function readScend<T>(now: Date, read: () => T): { value: T } | null {
  if (scendPaused(now)) return null;
  try {
    return { value: read() };
  } catch (e) {
    if (!(e instanceof RateLimitedError)) throw e;
    pauseScend(now, e.retryAfterSeconds);
    return null;
  }
}

export function map(ctx: EntryPoints.MapReduce.mapContext): void {
  const work = JSON.parse(ctx.value) as DriftWork;
  const now = new Date();
  const subject = workSubject(work);
  const outcome: DriftOutcome = { subject, raised: null };
  const deferred = () => {
    outcome.deferred = true;
    ctx.write({ key: subject, value: JSON.stringify(outcome) });
  };
  if (work.k === 'unsent') {
    const finding = decideNeverSent({ ...work.order, lastModified: new Date(work.order.lastModified) }, now, NEVER_SENT_GRACE_MINUTES);
    if (finding) outcome.raised = raise(finding, now);
  } else if (work.k === 'order') {
    let view: ScendView;
    if (work.scend) view = { found: true, order: work.scend };
    else {
      const scend = scendClientFor(loadConfig());
      const read = readScend<ScendView>(now, () => {
        try {
          return { found: true, order: scend.getOrder(work.order.scendId) };
        } catch (e) {
          if (!(e instanceof NotFoundError)) throw e;
          return { found: false };
        }
      });
      if (!read) return deferred();
      view = read.value;
    }
    const decision = decideOrderDrift(work.order, view, now, { ...DEFAULT_ORDER_DRIFT, despatchGraceMinutes: despatchGraceMinutes() });
    if (decision.kind === 'drift') outcome.raised = raise(decision.finding, now);
    if (decision.kind === 'bothCancelled') {
      new LedgerRepository().update(work.order.ledgerId, { state: 'cancelled', scendStatus: 'CANCELLED' });
      outcome.repaired = true;
    }
  } else {
    const scend = scendClientFor(loadConfig());
    const read = readScend<Product | null>(now, () => {
      try {
        return scend.getProduct(work.item.id);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        return null;
      }
    });
    if (!read) return deferred();
    const product = read.value;
    const finding = decideItemDrift(work.item, product);
    if (finding) outcome.raised = raise(finding, now);
  }
  ctx.write({ key: subject, value: JSON.stringify(outcome) });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const now = new Date();
  if (summary.inputSummary.error) {
    log.error({ title: 'Scend drift detection: input failed', details: summary.inputSummary.error });
    return; // nothing was compared: resolving anything now would hide drift
  }
  const raised = new Set<string>();
  const unchecked = new Set<string>();
  let checked = 0;
  let repaired = 0;
  let deferred = 0;
  summary.output.iterator().each((_key, value) => {
    const o = JSON.parse(value) as DriftOutcome;
    if (o.deferred) {
      unchecked.add(o.subject); // not checked is not aligned: its exceptions stay
      deferred += 1;
      return true;
    }
    checked += 1;
    if (o.raised) raised.add(o.raised);
    if (o.repaired) repaired += 1;
    return true;
  });
  summary.mapSummary.errors.iterator().each((key, error) => {
    unchecked.add(key);
    log.error({ title: `Scend drift detection: ${key} not checked`, details: error });
    return true;
  });

  const repository = new ExceptionRepository();
  for (const finding of decideStockDrift(latestStockComparison().read())) raised.add(raise(finding, now));

  const open = repository.openDedupeKeys(DRIFT_EXCEPTION_TYPES);
  const toResolve = driftKeysToResolve(open, raised, unchecked, subjectOfKey);
  for (const key of toResolve) repository.resolve(key, now);

  log.audit({
    title: 'Scend drift detection',
    details: { checked, raised: raised.size, resolved: toResolve.length, repaired, unchecked: unchecked.size, deferredByRateLimit: deferred, summarizeRemainingUsage: runtime.getCurrentScript().getRemainingUsage() },
  });
}
