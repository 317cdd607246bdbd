/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { handoffAsn } from '../core/inbound/send-asn';
import { isApprovedForAsn, type InboundType } from '../core/inbound/inbound-doc';
import { configOrRaise } from '../netsuite/configured';
import { asnPorts } from '../netsuite/inbound/asn-ports';
import { inboundDocOf, loadInboundDoc, readInboundItems } from '../netsuite/inbound/inbound-doc-reader';
import { plain } from '../netsuite/orders/values';

const INBOUND: Record<string, InboundType> = { purchaseorder: 'purchaseorder', transferorder: 'transferorder' };

/** Approval (or saving an approved document) announces it to Scend once. Never fails the save for Scend. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const kind = String(context.type);
  if (kind === 'delete' || kind === 'cancel') return;
  const rec = context.newRecord;
  const type = INBOUND[String(rec.type).toLowerCase()];
  if (!type) return;
  // An inline edit's newRecord carries only the edited fields: read the whole document then.
  const partial = kind === 'xedit' || rec.getLineCount({ sublistId: 'item' }) <= 0;
  const doc = partial ? loadInboundDoc(type, plain(rec.id)) : inboundDocOf(rec, type);
  // Not approved: nothing for Scend, and no units spent.
  if (!isApprovedForAsn(doc)) return;
  const now = new Date();
  const config = configOrRaise(now);
  if (!config) return;
  const outcome = handoffAsn({ doc, items: readInboundItems(doc), config, now, actor: 'user-event' }, asnPorts(config));
  if (outcome.kind !== 'not-ours') {
    log.audit({ title: 'Scend ASN', details: JSON.stringify({ doc: doc.id, type, outcome, unitsLeft: runtime.getCurrentScript().getRemainingUsage() }) });
  }
}
