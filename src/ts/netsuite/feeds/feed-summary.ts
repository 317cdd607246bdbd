/**
 * The summarize stage of a feed import (see core/feeds/feed-job.ts): every key that finally failed
 * becomes one `failedWork` exception, and the feed position moves on (compare-and-set).
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { failedWorkException, parsePosition, POSITION_KEY } from '../../core/feeds/feed-job';
import type { FeedName, FeedPositionStore } from '../../core/feeds/feed-position';
import type { ExceptionSink } from '../../core/orders/ports';
import { failedKeys } from '../mapreduce/failed-keys';

type Summary = EntryPoints.MapReduce.summarizeContext;

export { failedKeys } from '../mapreduce/failed-keys';

export interface FeedRunReport {
  feed: FeedName;
  items: number;
  failed: number;
  advanced: boolean;
  inputError?: string;
}

export function summarizeFeed(summary: Summary, feed: FeedName, store: FeedPositionStore, exceptions: Pick<ExceptionSink, 'raise'>, now: Date): FeedRunReport {
  const report: FeedRunReport = { feed, items: 0, failed: 0, advanced: false };
  if (summary.inputSummary.error) {
    report.inputError = summary.inputSummary.error;
    log.error({ title: `Scend ${feed}: input failed`, details: summary.inputSummary.error });
    return report;
  }
  for (const stage of [summary.mapSummary, summary.reduceSummary]) {
    for (const f of failedKeys(stage)) {
      if (f.key === POSITION_KEY) continue;
      report.failed += 1;
      exceptions.raise(failedWorkException(feed, f.key, f.error), now);
    }
  }
  let position: string | undefined;
  summary.output.iterator().each((key, value) => {
    if (key === POSITION_KEY) position = value;
    return true;
  });
  if (position !== undefined) {
    const { seen, next } = parsePosition(position);
    report.items = next.items;
    report.advanced = store.advance(seen, next, now);
  }
  log.audit({ title: `Scend ${feed} summary`, details: JSON.stringify({ ...report, usage: summary.usage }) });
  return report;
}
