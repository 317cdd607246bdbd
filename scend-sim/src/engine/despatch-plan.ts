import { SimControlError } from './errors';
import type { DespatchLineSpec, DespatchSpec, OrderRecord, ParcelSpec } from './types';

/** Outstanding (allocated, not yet despatched) units per LineRef. */
export function outstanding(order: OrderRecord): DespatchLineSpec[] {
  return [...order.allocations.entries()].filter(([, a]) => a.quantity > 0).map(([LineRef, a]) => ({ LineRef, Quantity: a.quantity }));
}

/** Split lines into `count` pieces (halving the largest piece while needed), then deal them round-robin. */
function splitOver(lines: DespatchLineSpec[], count: number): ParcelSpec[] {
  const pieces = lines.map((l) => ({ ...l }));
  const total = pieces.reduce((n, l) => n + l.Quantity, 0);
  const parcels = Math.max(1, Math.min(count, total));
  while (pieces.length < parcels) {
    const largest = pieces.reduce((a, b) => (b.Quantity > a.Quantity ? b : a));
    const half = Math.floor(largest.Quantity / 2);
    largest.Quantity -= half;
    pieces.push({ ...largest, Quantity: half, Serials: undefined });
  }
  const out: ParcelSpec[] = Array.from({ length: parcels }, () => ({ Lines: [] }));
  pieces.forEach((piece, i) => out[i % parcels].Lines.push(piece));
  return out;
}

/** Turn a DespatchSpec into parcels, checking every quantity against what is outstanding. */
export function planParcels(order: OrderRecord, spec: DespatchSpec): ParcelSpec[] {
  const parcels = Array.isArray(spec.Parcels) ? spec.Parcels : splitOver(spec.Lines ?? outstanding(order), spec.Parcels ?? 1);
  const totals = new Map<string, number>();
  for (const parcel of parcels) {
    if (parcel.Lines.length === 0) throw new SimControlError('INVALID', 'a parcel needs at least one line');
    for (const line of parcel.Lines) {
      if (!Number.isInteger(line.Quantity) || line.Quantity <= 0) throw new SimControlError('INVALID', `Quantity of ${line.LineRef} must be a positive integer`);
      if (line.Serials && line.Serials.length !== line.Quantity) throw new SimControlError('INVALID', `${line.LineRef}: one serial per unit`);
      totals.set(line.LineRef, (totals.get(line.LineRef) ?? 0) + line.Quantity);
    }
  }
  if (totals.size === 0) throw new SimControlError('INVALID', `order ${order.OrderId} has nothing left to despatch`);
  for (const [lineRef, quantity] of totals) {
    const open = order.allocations.get(lineRef)?.quantity ?? 0;
    if (quantity > open) throw new SimControlError('INVALID', `${lineRef}: despatching ${quantity} but only ${open} outstanding`);
  }
  return parcels;
}
