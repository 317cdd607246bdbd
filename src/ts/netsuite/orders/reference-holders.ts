/**
 * Which order ledger entries hold a ClientReference: one search of the ledger (10 units), used only
 * where the reference may repeat (the customer's PO number). The search's `is` is case-insensitive
 * in NetSuite; Scend compares references exactly, so rows are matched exactly here.
 */
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import type { ReferenceHolder, ReferenceLookup } from '../../core/orders/ports';
import { ORDER_LEDGER_KIND, type SyncState } from '../../core/sync/ledger';
import { listKey } from './list-values';
import { plain } from './values';

const F = RECORDS.sync.fields;

export class LedgerReferenceLookup implements ReferenceLookup {
  holders(clientReference: string): ReferenceHolder[] {
    const out: ReferenceHolder[] = [];
    search
      .create({
        type: RECORDS.sync.id,
        filters: [[F.kind, 'is', ORDER_LEDGER_KIND], 'and', [F.clientReference, 'is', clientReference]],
        columns: [F.transaction, F.state, F.scendId, F.clientReference],
      })
      .run()
      .getRange({ start: 0, end: 50 })
      .forEach((row) => {
        if (plain(row.getValue({ name: F.clientReference })) !== clientReference) return;
        const transactionId = plain(row.getValue({ name: F.transaction }));
        out.push({
          entryId: String(row.id),
          transactionId,
          orderLabel: row.getText({ name: F.transaction }) || `sales order ${transactionId}`,
          state: (listKey('syncState', row.getValue({ name: F.state })) ?? 'retrying') as SyncState,
          ...(plain(row.getValue({ name: F.scendId })) ? { scendId: plain(row.getValue({ name: F.scendId })) } : {}),
        });
      });
    return out;
  }
}
