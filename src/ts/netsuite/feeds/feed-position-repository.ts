/**
 * Feed positions (customrecord_scend_feed_cursor), one per feed, externalid `feed:<name>`.
 * read = one search (10); advance = create (6, DUP_RCRD for a second first run) or a load and a
 * versioned save (6, RCRD_HAS_BEEN_CHANGED for a run that lost the race).
 */
import * as format from 'N/format';
import * as record from 'N/record';
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import { feedExternalId, type FeedAdvance, type FeedName, type FeedPosition, type FeedPositionStore } from '../../core/feeds/feed-position';
import { plain } from '../orders/values';
import { DUPLICATE_RECORD, RECORD_CHANGED, errorName } from '../error-name';

const F = RECORDS.feedCursor.fields;
const TYPE = RECORDS.feedCursor.id;
const LOST_RACE = [DUPLICATE_RECORD, RECORD_CHANGED];


function date(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  const text = plain(value);
  if (!text) return undefined;
  const parsed = format.parse({ value: text, type: format.Type.DATETIMETZ });
  return parsed instanceof Date && !isNaN(parsed.getTime()) ? parsed : undefined;
}

export class FeedPositionRepository implements FeedPositionStore {
  read(feed: FeedName): FeedPosition {
    const rows = search.create({ type: TYPE, filters: [['externalid', 'anyof', feedExternalId(feed)]], columns: [F.cursor, F.lastItemAt, F.lastRunAt] })
      .run().getRange({ start: 0, end: 1 });
    if (!rows.length) return { feed };
    const row = rows[0];
    return {
      id: String(row.id),
      feed,
      cursor: plain(row.getValue({ name: F.cursor })) || undefined,
      lastItemAt: date(row.getValue({ name: F.lastItemAt })),
      lastRunAt: date(row.getValue({ name: F.lastRunAt })),
    };
  }

  advance(seen: FeedPosition, next: FeedAdvance, now: Date): boolean {
    const rec = seen.id === undefined ? record.create({ type: TYPE }) : record.load({ type: TYPE, id: seen.id });
    if (seen.id === undefined) {
      rec.setValue({ fieldId: 'externalid', value: feedExternalId(seen.feed) });
      rec.setValue({ fieldId: F.feed, value: seen.feed });
    } else if ((plain(rec.getValue({ fieldId: F.cursor })) || undefined) !== seen.cursor) {
      return false; // another run moved it since this one read it
    }
    if (next.cursor !== undefined) rec.setValue({ fieldId: F.cursor, value: next.cursor });
    if (next.lastItemAt) rec.setValue({ fieldId: F.lastItemAt, value: next.lastItemAt });
    rec.setValue({ fieldId: F.lastRunAt, value: now });
    rec.setValue({ fieldId: F.lastRunItems, value: next.items });
    rec.setValue({ fieldId: F.lastError, value: next.error ?? '' });
    try {
      rec.save({ enableSourcing: false, ignoreMandatoryFields: true });
      return true;
    } catch (e) {
      if (LOST_RACE.indexOf(errorName(e)) >= 0) return false;
      throw e;
    }
  }
}
