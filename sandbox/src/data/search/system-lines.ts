/**
 * A transaction search returns, besides the main line and the item lines, the transaction's system
 * lines: its tax line, its shipping line and its COGS (cost of goods sold) lines. Production searches
 * select or exclude them with the `taxline`, `shipping` and `cogs` filters (T: only those lines,
 * F: without them), as `mainline` selects the header row. (NetSuite Help: "Main Line in Transaction
 * Search Criteria"; "Understanding Transaction Searches", stoic.software: one sales order line
 * gives several result rows — main line, item line, shipping and tax lines.)
 *
 * Which system lines the sandbox's records have:
 * - shipping: a transaction with a ship method or a non-zero shipping cost (not item fulfillments);
 * - tax: a transaction with a non-zero tax total;
 * - cogs: one per line of a shipped item fulfillment (shipstatus C), where inventory cost is posted.
 */
import type { RecordTypeDef } from '../schema';
import type { Line, StoredRecord } from '../store';

export type SystemLine = 'tax' | 'shipping' | 'cogs';
export const SYSTEM_LINE_FILTERS: Record<string, SystemLine> = { taxline: 'tax', shipping: 'shipping', cogs: 'cogs' };

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
const nonZero = (v: unknown): boolean => present(v) && Number(v) !== 0 && Number.isFinite(Number(v));

export function* systemLines(def: RecordTypeDef, rec: StoredRecord): Generator<{ system: SystemLine; line: Line | null }> {
  const f = rec.data.fields;
  if (def.id !== 'itemfulfillment' && (present(f.shipmethod) || nonZero(f.shippingcost))) yield { system: 'shipping', line: null };
  if (nonZero(f.taxtotal)) yield { system: 'tax', line: null };
  if (def.id === 'itemfulfillment' && f.shipstatus === 'C') {
    for (const line of rec.data.sublists[def.lineSublist ?? 'item'] ?? []) if (line.itemreceive !== false) yield { system: 'cogs', line };
  }
}

/** The amount a system line carries (its share of the transaction), for the `amount` column. */
export function systemLineAmount(system: SystemLine, rec: StoredRecord): unknown {
  if (system === 'shipping') return rec.data.fields.shippingcost ?? '';
  if (system === 'tax') return rec.data.fields.taxtotal ?? '';
  return '';
}
