/**
 * Writes the connector's own item fields with submitFields (5 units, no record load). Saved from
 * a user event this fires no other user event; saved from the catalogue map/reduce it fires the
 * item user event as an xedit, which sees only connector fields changed and makes no call.
 */
import * as record from 'N/record';
import type { ItemSnapshot } from '../../core/items/item';
import type { ItemFlagWriter } from '../../core/items/ports';
import type { ItemFlags } from '../../core/items/upsert-outcome';
import { ITEM_FIELDS } from '../../ids';

export function flagValues(flags: ItemFlags): Record<string, string | boolean | Date> {
  const values: Record<string, string | boolean | Date> = {};
  if (flags.scendSku !== undefined) values[ITEM_FIELDS.scendSku] = flags.scendSku;
  if (flags.aligned !== undefined) values[ITEM_FIELDS.skuAligned] = flags.aligned;
  if (flags.lastSyncedAt !== undefined) values[ITEM_FIELDS.lastSyncedAt] = flags.lastSyncedAt;
  return values;
}

export const itemFlagWriter: ItemFlagWriter = {
  write(item: ItemSnapshot, flags: ItemFlags): void {
    record.submitFields({
      type: item.recordType,
      id: item.id,
      values: flagValues(flags),
      options: { enableSourcing: false, ignoreMandatoryFields: true },
    });
  },
};

/** Field ids the connector writes on items: a save touching only these is the connector's own. */
export const CONNECTOR_ITEM_FIELDS: readonly string[] = [ITEM_FIELDS.scendSku, ITEM_FIELDS.skuAligned, ITEM_FIELDS.lastSyncedAt];
