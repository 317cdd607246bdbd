/**
 * The getInputData and map halves of the feed-import shape (core/feeds/feed-job.ts) every feed
 * import shares: read one batch from the feed's stored position with the connector's Scend client,
 * add the position entry to the keyed input, and pass that entry through map.
 */
import type { EntryPoints } from 'N/types';
import type { ConnectorConfig } from '../../core/config';
import { POSITION_KEY, positionEntry } from '../../core/feeds/feed-job';
import type { FeedName, FeedPosition } from '../../core/feeds/feed-position';
import { readBatch, type FeedBatch, type ReadBatchOptions } from '../../core/feeds/read-batch';
import type { ScendClient } from '../../scend/client';
import type { FeedPage, FeedQuery } from '../../scend/contract';
import { scendClientFor } from '../orders/order-ports';
import { FeedPositionRepository } from './feed-position-repository';

export interface FeedRead<T> {
  client: ScendClient;
  position: FeedPosition;
  batch: FeedBatch<T>;
}

/** One run's batch of `feed`, from where the last run left it. */
export function readFeedBatch<T>(
  feed: FeedName,
  settings: ConnectorConfig,
  read: (client: ScendClient, query: FeedQuery) => FeedPage<T>,
  options: ReadBatchOptions<T>,
): FeedRead<T> {
  const client = scendClientFor(settings);
  const position = new FeedPositionRepository().read(feed);
  const batch = readBatch<T>({ read: (q) => read(client, q), canAfford: () => client.canAfford() }, position, options);
  return { client, position, batch };
}

/** The keyed items plus the position entry summarize moves the feed with. */
export function withPosition(input: Record<string, string>, read: FeedRead<unknown>): Record<string, string> {
  input[POSITION_KEY] = JSON.stringify(positionEntry(read.position, read.batch));
  return input;
}

/** In map: the position entry goes on to summarize untouched; true when this key was it. */
export function passPosition(context: EntryPoints.MapReduce.mapContext): boolean {
  if (context.key !== POSITION_KEY) return false;
  context.write({ key: POSITION_KEY, value: context.value });
  return true;
}
