/**
 * The getInputData both inbound imports share (receipts, returns): a batch from the stored feed
 * position, the NetSuite documents its ClientReferences name and the items its SKUs name — one
 * search each for the whole batch — and one key per document, each carrying only its own items.
 */
import type { FeedItems } from '../../scend/client';
import { configForRun } from '../configured';
import { readFeedBatch, withPosition } from '../feeds/feed-input';
import { itemsBySku, itemsOfLines, type ItemFact } from './receipt-source';

/** Pages of 500 per run: 10,000 documents at most, the rest next run. */
const MAX_PAGES = 20;

export function inboundFeedInput<F extends 'receipts' | 'returns', R>(
  feed: F,
  idOf: (item: FeedItems[F]) => string,
  referencesOf: (clientReferences: string[]) => Map<string, R>,
  workOf: (item: FeedItems[F], reference: R | undefined, items: Record<string, ItemFact>) => unknown,
): Record<string, string> {
  const cfg = configForRun(new Date());
  if (!cfg) return {};
  const read = readFeedBatch<FeedItems[F]>(feed, cfg, (client, q) => client.readFeed(feed, q), { limit: 500, maxPages: MAX_PAGES, itemAt: (r) => r.ReceivedAt });
  const documents = read.batch.items;
  const references = referencesOf(documents.map((d) => d.ClientReference));
  const items = itemsBySku(documents.flatMap((d) => d.Lines.map((l) => l.Sku)));
  const input: Record<string, string> = {};
  for (const d of documents) input[idOf(d)] = JSON.stringify(workOf(d, references.get(d.ClientReference), itemsOfLines(items, d.Lines)));
  return withPosition(input, read);
}
