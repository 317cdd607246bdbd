/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

/**
 * Item master, NetSuite -> Scend: after an inventory or assembly item is saved, its product is
 * upserted by ExternalId at once (a renamed SKU renames it in Scend). A failure flags the item and
 * raises an exception for operations; the next successful sync clears both. A kit is not a
 * product: saving one makes sure each physical member is in Scend.
 */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { isKit, type ItemSnapshot } from '../core/items/item';
import { kitMembersToSync } from '../core/items/item-sync';
import { syncItem } from '../core/items/sync-item';
import { CONNECTOR_ITEM_FIELDS } from '../netsuite/items/item-flags';
import { configOrRaise } from '../netsuite/configured';
import { liveItemMaster } from '../netsuite/items/item-master-ports';
import { kitMemberIds, lookupItemSnapshot, snapshotOfRecord } from '../netsuite/items/item-reader';

type Context = EntryPoints.UserEvent.afterSubmitContext;

/** An inline edit that only wrote the connector's own fields (e.g. the catalogue check's flags). */
function onlyConnectorFields(ctx: Context): boolean {
  const edited = ctx.newRecord.getFields().filter((f) => f !== 'id' && f !== 'type' && !/^(sys_|_|nsapi|wfi|entryformquerystring)/.test(f));
  return edited.length > 0 && edited.every((f) => CONNECTOR_ITEM_FIELDS.indexOf(f) >= 0);
}

export function afterSubmit(ctx: Context): void {
  const T = ctx.UserEventType;
  if (ctx.type !== T.CREATE && ctx.type !== T.EDIT && ctx.type !== T.XEDIT) return;
  const xedit = ctx.type === T.XEDIT;
  if (xedit && onlyConnectorFields(ctx)) return;

  const now = new Date();
  // Unconfigured: the admin hears about it, the save stands, and the catalogue check catches up later.
  const config = configOrRaise(now);
  if (!config) return;
  // XEDIT's newRecord holds only the edited fields: read the whole item (1 unit).
  const after = xedit ? lookupItemSnapshot(String(ctx.newRecord.id)) : snapshotOfRecord(ctx.newRecord);
  const before: ItemSnapshot | null = ctx.type === T.CREATE || !ctx.oldRecord ? null : snapshotOfRecord(ctx.oldRecord);
  const { ports, scend } = liveItemMaster(now, config);

  if (isKit(after.type)) {
    if (xedit) return; // members are a sublist: an inline edit cannot change them
    const members = kitMembersToSync(kitMemberIds(ctx.newRecord).map(lookupItemSnapshot));
    for (const member of members) syncItem(ports, member, member, now);
    log.audit({ title: 'Scend kit members', details: { kit: after.itemId, synced: members.map((m) => m.itemId), calls: scend.callsMade } });
    return;
  }

  const report = syncItem(ports, before, after, now);
  const outcome = report.result === null ? report.decision.reason : report.result.ok ? 'accepted' : `failed: ${report.result.failure.code}`;
  log.audit({
    title: 'Scend item sync',
    details: {
      item: after.itemId,
      decision: report.decision.kind === 'upsert' ? report.decision.reason : 'skip',
      outcome,
      remainingUsage: runtime.getCurrentScript().getRemainingUsage(),
    },
  });
}
