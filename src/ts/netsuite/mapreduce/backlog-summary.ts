/**
 * What a backlog map/reduce logs at the end (the order and ASN backlogs): a failed input, each
 * failed key, and one audit line with the outcome counts (map writes `outcome → count`), errors and usage.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';

/** `name`: e.g. "backlog" → "Scend backlog summary"; `keyNoun` names what a key is ("order"). */
export function logBacklogSummary(summary: EntryPoints.MapReduce.summarizeContext, name: string, keyNoun: string): void {
  if (summary.inputSummary.error) log.error({ title: `Scend ${name}: input failed`, details: summary.inputSummary.error });
  const counts: Record<string, number> = {};
  summary.output.iterator().each((key, value) => {
    counts[key] = Number(value);
    return true;
  });
  let errors = 0;
  summary.mapSummary.errors.iterator().each((key, err) => {
    errors++;
    log.error({ title: `Scend ${name}: ${keyNoun} ${key} failed`, details: err });
    return true;
  });
  log.audit({ title: `Scend ${name} summary`, details: JSON.stringify({ counts, errors, usage: summary.usage }) });
}
