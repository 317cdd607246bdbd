/**
 * What one Scend receipt books in NetSuite (pure): per document line (matched by LineRef = the
 * line id sent in the ASN), the good units (QuantityReceived counts damaged ones too) up to what
 * the document still allows, with their lot. Everything else is a variance for finance with the
 * figures: damaged units, good units beyond the open quantity (NetSuite's over-receipt is never
 * used: finance decides), and lines NetSuite cannot book automatically.
 */
import type { Receipt } from '../../scend/contract';
import type { VarianceLine } from './inbound-exceptions';

export interface ReceivableLine {
  /** The document line id (`line`; the receipt's `orderline`). */
  orderLine: string;
  itemId: string;
  /** The SKU Scend knows the item by, if read. */
  sku?: string;
  /** What the document still allows on this line (0 when fully received). */
  remaining: number;
  lotTracked: boolean;
  serialTracked: boolean;
}

export interface ReceiveLine {
  orderLine: string;
  quantity: number;
  lots: Array<{ lot: string; quantity: number }>;
}

export interface ReceiptPlan {
  receive: ReceiveLine[];
  variances: VarianceLine[];
}

const whole = (n: unknown): number => (typeof n === 'number' && isFinite(n) && n > 0 ? Math.floor(n) : 0);

export function planReceipt(receipt: Pick<Receipt, 'Lines'>, lines: readonly ReceivableLine[]): ReceiptPlan {
  const byLine = new Map(lines.map((l) => [l.orderLine, { ...l }]));
  const receive = new Map<string, ReceiveLine>();
  const variances: VarianceLine[] = [];
  for (const rl of receipt.Lines) {
    const received = whole(rl.QuantityReceived);
    const damaged = Math.min(received, whole(rl.QuantityDamaged));
    const good = received - damaged;
    const variance = (booked: number, over: number, note?: string) =>
      variances.push({ lineRef: rl.LineRef, sku: rl.Sku, received, damaged, booked, over, ...(note ? { note } : {}) });
    const line = byLine.get(rl.LineRef);
    if (!line) {
      variance(0, 0, 'no such line on the document: nothing booked');
      continue;
    }
    if (line.sku && line.sku !== rl.Sku) {
      variance(0, 0, `the document line is ${line.sku}: nothing booked`);
      continue;
    }
    if (good > 0 && line.serialTracked) {
      variance(0, 0, 'serial-numbered item: Scend sends no serial numbers, receive by hand');
      continue;
    }
    if (good > 0 && line.lotTracked && !rl.Lot) {
      variance(0, 0, 'lot-numbered item without a lot: receive by hand');
      continue;
    }
    const booked = Math.min(good, Math.max(0, line.remaining));
    line.remaining -= booked;
    if (booked > 0) {
      const r = receive.get(line.orderLine) ?? { orderLine: line.orderLine, quantity: 0, lots: [] };
      r.quantity += booked;
      if (line.lotTracked && rl.Lot) {
        const lot = r.lots.find((x) => x.lot === rl.Lot);
        if (lot) lot.quantity += booked;
        else r.lots.push({ lot: rl.Lot, quantity: booked });
      }
      receive.set(line.orderLine, r);
    }
    if (damaged > 0 || good > booked) variance(booked, good - booked);
  }
  return { receive: Array.from(receive.values()), variances };
}
