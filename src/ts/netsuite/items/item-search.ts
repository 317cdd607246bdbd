/**
 * Every physical item (inventory and assembly, inactive ones included: Scend marks them
 * discontinued) in pages of 1,000: runPaged 5 units + 5 per page, so 10,000 items cost 55 units.
 */
import * as search from 'N/search';
import { PHYSICAL_ITEM_TYPES, type ItemSnapshot } from '../../core/items/item';
import { ITEM_FIELD as F, ITEM_SEARCH_TYPE } from './item-fields';
import { SNAPSHOT_COLUMNS, snapshotOfSearchRow } from './item-reader';

const PAGE_SIZE = 1000;

export function physicalItemSearch(): search.Search {
  return search.create({
    type: ITEM_SEARCH_TYPE,
    filters: [[F.type, 'anyof', PHYSICAL_ITEM_TYPES as string[]]],
    columns: [search.createColumn({ name: F.internalId, sort: search.Sort.ASC }), ...SNAPSHOT_COLUMNS],
  });
}

export function forEachPhysicalItem(visit: (item: ItemSnapshot) => void): number {
  const paged = physicalItemSearch().runPaged({ pageSize: PAGE_SIZE });
  let count = 0;
  paged.pageRanges.forEach((range) => {
    for (const row of paged.fetch({ index: range.index }).data) {
      visit(snapshotOfSearchRow(row));
      count += 1;
    }
  });
  return count;
}
