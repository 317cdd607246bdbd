/**
 * Differences beyond tolerance are not adjusted: one open stock-drift exception per location for
 * finance (deduplicated, updated by every run while the drift lasts, resolved when a run finds none),
 * naming the snapshot, the run's comparison file and the largest differences.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { ComparisonRow } from './compare';

export const driftKey = (locationId: string): string => dedupeKey('stockDrift', 'connector', `location:${locationId}`);

export function driftException(locationId: string, rows: readonly ComparisonRow[], snapshotId: string, fileId: string | undefined, tolerance: number): ExceptionDraft {
  const sorted = [...rows].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  const net = rows.reduce((s, r) => s + r.difference, 0);
  const top = sorted.slice(0, 10).map((r) => `${r.sku} ${r.difference > 0 ? '+' : ''}${r.difference}${r.status === 'numbered' ? ' (lot/serial)' : ''}`).join(', ');
  return {
    type: 'stockDrift',
    owner: 'finance',
    dedupeKey: driftKey(locationId),
    scendReference: snapshotId,
    message:
      `Scend snapshot ${snapshotId}: ${rows.length} SKU(s) at location ${locationId} differ from NetSuite beyond the tolerance of ${tolerance} unit(s) ` +
      `or are lot/serial-numbered (net ${net > 0 ? '+' : ''}${net}; Scend minus NetSuite). Largest: ${top}. ` +
      `NetSuite was not adjusted. Check the comparison file${fileId ? ` (File Cabinet id ${fileId})` : ''}; to accept Scend's figures post an inventory adjustment, ` +
      'or have operations recount. The exception resolves itself when a sync finds no drift here.',
    details: JSON.stringify(sorted.slice(0, 60).map((r) => ({ sku: r.sku, item: r.itemId, scend: r.scend, netsuite: r.netsuite, difference: r.difference, status: r.status }))).slice(0, 3900),
  };
}
