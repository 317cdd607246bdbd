/**
 * What one catalogue check did, and which open item-master exceptions its findings clear.
 * Reduce writes one outcome per ExternalId; summarize folds them here.
 */
import { CATALOGUE_ACTION_KINDS, type CatalogueActionKind } from './catalogue';
import { issueSubject } from './issues';

export type EntryResult =
  /** Scend now holds the product exactly as NetSuite wants it. */
  | 'clean'
  /** The repair failed; an exception was raised. */
  | 'failed'
  /** Left for a person (unknown product); an exception was raised. */
  | 'raised'
  /** Scend did not answer (or governance ran short): nothing decided, the next run tries again. */
  | 'deferred';

export interface EntryOutcome {
  externalId: string;
  action: CatalogueActionKind;
  result: EntryResult;
}

export interface CatalogueReport {
  actions: Record<CatalogueActionKind, number>;
  clean: number;
  failed: number;
  raised: number;
  deferred: number;
  /** ExternalIds whose product is clean (NetSuite items). */
  cleanIds: string[];
  /** ExternalIds of Scend products reported unknown in this run. */
  unknownIds: string[];
}

export function foldOutcomes(outcomes: Iterable<EntryOutcome>): CatalogueReport {
  const actions = {} as Record<CatalogueActionKind, number>;
  for (const k of CATALOGUE_ACTION_KINDS) actions[k] = 0;
  const report: CatalogueReport = { actions, clean: 0, failed: 0, raised: 0, deferred: 0, cleanIds: [], unknownIds: [] };
  const seen: Record<string, true> = {};
  for (const o of outcomes) {
    // A restarted reduce may report the same key twice: count it once.
    if (seen[o.externalId]) continue;
    seen[o.externalId] = true;
    actions[o.action] += 1;
    report[o.result] += 1;
    if (o.result === 'clean') report.cleanIds.push(o.externalId);
    if (o.action === 'unknownProduct') report.unknownIds.push(o.externalId);
  }
  return report;
}

/**
 * Open item-master exceptions whose cause this run showed to be gone: the item is clean, or the
 * unknown product is no longer in Scend. The latter only when the whole Scend list was read:
 * a product missing from a partial read proves nothing.
 */
export function exceptionsCleared(openKeys: readonly string[], report: CatalogueReport, scendListComplete: boolean): string[] {
  const clean: Record<string, true> = {};
  for (const id of report.cleanIds) clean[id] = true;
  const unknown: Record<string, true> = {};
  for (const id of report.unknownIds) unknown[id] = true;
  return openKeys.filter((key) => {
    const subject = issueSubject(key);
    if (subject === null) return false;
    if (subject.kind === 'item') return clean[subject.id] === true;
    return scendListComplete && unknown[subject.id] !== true;
  });
}
