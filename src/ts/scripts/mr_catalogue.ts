/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

/**
 * Catalogue check (scheduled daily; run once on demand as the first bulk load): every physical
 * NetSuite item against Scend's full product list, matched by ExternalId. Differences NetSuite is
 * master of are repaired by upsert; Scend products NetSuite does not know become exceptions.
 *
 * getInputData: the physical items, plus markers that each read a range of Scend's product pages.
 * map: keys everything by ExternalId. reduce: plans and executes one ExternalId (idempotent: a
 * restarted key re-plans from the same data and the upsert is keyed by ExternalId).
 * summarize: counts, errors, and clears exceptions whose cause this run saw gone.
 */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { planCatalogueEntry } from '../core/items/catalogue';
import { exceptionsCleared, foldOutcomes, type EntryOutcome } from '../core/items/catalogue-report';
import { ITEM_ISSUE_TYPES } from '../core/items/issues';
import type { ItemSnapshot } from '../core/items/item';
import { checkCatalogueEntry } from '../core/items/sync-item';
import { dedupeKey } from '../core/exceptions/exception';
import type { Product } from '../scend/contract';
import { loadConfig } from '../netsuite/config-repository';
import { ExceptionRepository } from '../netsuite/exceptions/exception-repository';
import { forEachPhysicalItem } from '../netsuite/items/item-search';
import { liveItemMaster, scendClientFor } from '../netsuite/items/item-master-ports';
import { planScendRanges, type CatalogueInput, type CatalogueValue } from '../core/items/catalogue-input';

export const config = { retryCount: 2, exitOnError: false };

const PAGE_SIZE = 500;
const CONNECTION_KEY = dedupeKey('connection', 'connector', 'catalogue');

export function getInputData(): CatalogueInput[] {
  const scend = scendClientFor(loadConfig(), 0);
  const total = scend.listProducts({ page: 1, pageSize: 1 }).TotalItems;
  const input: CatalogueInput[] = planScendRanges(total, PAGE_SIZE);
  forEachPhysicalItem((item) => input.push({ k: 'item', item }));
  return input;
}

export function map(ctx: EntryPoints.MapReduce.mapContext): void {
  const entry = JSON.parse(ctx.value) as CatalogueInput;
  if (entry.k === 'item') {
    ctx.write({ key: entry.item.id, value: JSON.stringify({ k: 'item', item: entry.item } satisfies CatalogueValue) });
    return;
  }
  const scend = scendClientFor(loadConfig(), 0);
  const walk = scend.walkProducts({
    page: entry.firstPage,
    pageSize: entry.pageSize,
    maxPages: entry.pages ?? undefined,
    onPage: (products) => {
      for (const product of products) ctx.write({ key: product.ExternalId, value: JSON.stringify({ k: 'product', product } satisfies CatalogueValue) });
    },
  });
  // A range not read to its end must fail the key: summarize then knows Scend's list is incomplete.
  if (walk.stoppedBy === 'error' || walk.stoppedBy === 'budget') {
    throw walk.error ?? new Error(`Scend product pages ${entry.firstPage}.. not read: governance ran out`);
  }
}

export function reduce(ctx: EntryPoints.MapReduce.reduceContext): void {
  let item: ItemSnapshot | null = null;
  const products: Product[] = [];
  for (const raw of ctx.values) {
    const v = JSON.parse(raw) as CatalogueValue;
    if (v.k === 'item') item = v.item;
    else products.push(v.product);
  }
  const action = planCatalogueEntry(item, products);
  if (action === null) return;
  const now = new Date();
  const outcome = checkCatalogueEntry(liveItemMaster(now).ports, action, now);
  ctx.write({ key: ctx.key, value: JSON.stringify(outcome) });
}

function errors(it: { iterator(): { each(cb: (key: string, value: string) => boolean): void } }): string[] {
  const out: string[] = [];
  it.iterator().each((key, value) => {
    out.push(`${key}: ${value}`);
    return true;
  });
  return out;
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const now = new Date();
  if (summary.inputSummary.error) {
    log.error({ title: 'Scend catalogue check: input failed', details: summary.inputSummary.error });
    new ExceptionRepository().raise(
      {
        type: 'connection',
        owner: 'admin',
        dedupeKey: CONNECTION_KEY,
        message: 'The Scend catalogue check could not start (the Scend product list or the NetSuite item search failed). It runs again on schedule; check the connection settings if this repeats.',
        details: String(summary.inputSummary.error).slice(0, 3000),
      },
      now,
    );
    return;
  }
  const outcomes: EntryOutcome[] = [];
  summary.output.iterator().each((_key, value) => {
    outcomes.push(JSON.parse(value) as EntryOutcome);
    return true;
  });
  const report = foldOutcomes(outcomes);
  const mapErrors = errors(summary.mapSummary.errors);
  const reduceErrors = errors(summary.reduceSummary.errors);

  const repository = new ExceptionRepository();
  const cleared = exceptionsCleared(repository.openDedupeKeys(ITEM_ISSUE_TYPES), report, mapErrors.length === 0);
  for (const key of cleared) repository.resolve(key, now);

  if (report.deferred > 0 || mapErrors.length > 0) {
    repository.raise(
      {
        type: 'connection',
        owner: 'admin',
        dedupeKey: CONNECTION_KEY,
        message:
          `The Scend catalogue check could not finish: ${report.deferred} products were not checked because Scend did not answer` +
          `${mapErrors.length ? ` and ${mapErrors.length} parts of Scend's product list could not be read` : ''}. The next run retries them.`,
        details: [...mapErrors, ...reduceErrors].join('\n').slice(0, 3000),
      },
      now,
    );
  } else {
    repository.resolve(CONNECTION_KEY, now);
  }

  log.audit({
    title: 'Scend catalogue check',
    details: {
      actions: report.actions,
      clean: report.clean,
      failed: report.failed,
      raised: report.raised,
      deferred: report.deferred,
      exceptionsCleared: cleared.length,
      mapErrors: mapErrors.length,
      reduceErrors: reduceErrors.length,
      summarizeRemainingUsage: runtime.getCurrentScript().getRemainingUsage(),
    },
  });
  for (const e of [...mapErrors, ...reduceErrors]) log.error({ title: 'Scend catalogue check error', details: e });
}
