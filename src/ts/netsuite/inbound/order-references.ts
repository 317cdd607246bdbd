/**
 * ClientReference -> the sales order the connector sent under it (the order ledger, kind order):
 * one search per 100 references, for a whole feed batch in getInputData.
 */
import * as search from 'N/search';
import { RECORDS } from '../../ids';
import { ORDER_LEDGER_KIND } from '../../core/sync/ledger';
import { plain } from '../orders/values';

const F = RECORDS.sync.fields;
const CHUNK = 100;

export function ordersByClientReference(references: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const unique = Array.from(new Set(references));
  for (let i = 0; i < unique.length; i += CHUNK) {
    const refs: unknown[] = [];
    unique.slice(i, i + CHUNK).forEach((r, j) => {
      if (j > 0) refs.push('or');
      refs.push([F.clientReference, 'is', r]);
    });
    const s = search.create({ type: RECORDS.sync.id, filters: [[F.kind, 'is', ORDER_LEDGER_KIND], 'and', refs], columns: [F.clientReference, F.transaction] });
    const paged = s.runPaged({ pageSize: 1000 });
    paged.pageRanges.forEach((range) =>
      paged.fetch({ index: range.index }).data.forEach((row) => {
        const id = plain(row.getValue({ name: F.transaction }));
        if (id) out.set(plain(row.getValue({ name: F.clientReference })), id);
      }),
    );
  }
  return out;
}
