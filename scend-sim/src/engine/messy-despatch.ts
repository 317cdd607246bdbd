import type { Despatch, DespatchLine } from '../contract/types';
import { SimControlError } from './errors';
import type { WarehouseEngine } from './warehouse-engine';

/**
 * Despatches a real warehouse sends that the books cannot explain. Each goes into the despatches
 * feed (and the order's Despatches) without moving stock or status, so a reader has to notice.
 */
export const MESSY_DESPATCH_KINDS = ['overQuantity', 'unknownLineRef', 'skuMismatch', 'secondDespatch', 'cancelledOrder', 'malformed'] as const;
export type MessyDespatchKind = (typeof MESSY_DESPATCH_KINDS)[number];
/** Which value `malformed` breaks: a date that is not ISO-8601, a Quantity sent as a string, an empty TrackingNumber, a negative weight. */
export type MalformedValue = 'date' | 'quantity' | 'tracking' | 'weight';

export interface MessyDespatchSpec {
  OrderId: string;
  Kind: MessyDespatchKind;
  Malformed?: MalformedValue;
}

export function messyDespatch(engine: WarehouseEngine, spec: MessyDespatchSpec): Despatch {
  if (!(MESSY_DESPATCH_KINDS as readonly string[]).includes(spec.Kind)) {
    throw new SimControlError('INVALID', `Kind must be one of ${MESSY_DESPATCH_KINDS.join(', ')}`);
  }
  const previous = engine.despatchesOf(spec.OrderId);
  return engine.appendUnbookedDespatch(spec.OrderId, (DespatchId, order, rng) => {
    const first = order.Lines[0];
    const line = (l: Partial<DespatchLine> = {}): DespatchLine => ({ LineRef: first.LineRef, Sku: first.Sku, Quantity: first.Quantity, Serials: [], ...l });
    let lines: DespatchLine[];
    switch (spec.Kind) {
      case 'overQuantity':
        lines = [line({ Quantity: first.Quantity + rng.int(1, 2) })];
        break;
      case 'unknownLineRef':
        lines = [line({ LineRef: `UNKNOWN-${rng.digits(3)}`, Quantity: 1 })];
        break;
      case 'skuMismatch':
        lines = [line({ Sku: `${first.Sku}-ALT` })];
        break;
      case 'secondDespatch': {
        const last = previous.at(-1);
        if (!last) throw new SimControlError('ILLEGAL_TRANSITION', `order ${order.OrderId} has no despatch to send twice`);
        lines = last.Parcels.flatMap((p) => p.Lines);
        break;
      }
      case 'cancelledOrder':
        if (order.Status !== 'CANCELLED') throw new SimControlError('ILLEGAL_TRANSITION', `order ${order.OrderId} is ${order.Status}, not CANCELLED`);
        lines = order.Lines.map((l) => ({ LineRef: l.LineRef, Sku: l.Sku, Quantity: l.Quantity, Serials: [] }));
        break;
      default:
        lines = [line()];
    }
    const tracking = `SC${rng.digits(9)}GB`;
    const despatch: Record<string, unknown> = {
      DespatchId,
      OrderId: order.OrderId,
      ClientReference: order.ClientReference,
      DespatchedAt: engine.nowIso(),
      Carrier: 'Royal Mail',
      Service: order.CourierService ?? 'TRACKED48',
      Parcels: [{ TrackingNumber: tracking, TrackingUrl: `https://track.scend.example/t/${tracking}`, WeightKg: 1, Lines: lines }],
    };
    if (spec.Kind === 'malformed') malform(despatch, spec.Malformed ?? 'date');
    return despatch;
  });
}

function malform(despatch: Record<string, unknown>, what: MalformedValue): void {
  const parcel = (despatch.Parcels as Record<string, unknown>[])[0];
  const line = (parcel.Lines as Record<string, unknown>[])[0];
  if (what === 'date') despatch.DespatchedAt = new Date(Date.parse(despatch.DespatchedAt as string)).toUTCString();
  else if (what === 'quantity') line.Quantity = String(line.Quantity);
  else if (what === 'tracking') parcel.TrackingNumber = '';
  else if (what === 'weight') parcel.WeightKg = -1;
  else throw new SimControlError('INVALID', `Malformed must be date, quantity, tracking or weight`);
}
