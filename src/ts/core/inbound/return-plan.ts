/**
 * What one Scend return books on the order's open return authorization (pure). Scend's return
 * lines carry a SKU (no line reference): they fill the authorization's open lines for that SKU in
 * order. RESTOCK units are received back to stock at the authorization's location; DAMAGED units
 * are received at the configured damaged-returns location, or not received at all when none is
 * configured. Units beyond the authorization, and items that need lot/serial numbers, are left for
 * customer service with the figures.
 */
import type { Return } from '../../scend/contract';

export interface AuthorizedLine {
  orderLine: string;
  itemId: string;
  sku?: string;
  remaining: number;
  /** Lot/serial items need numbers Scend's returns do not carry. */
  numbered: boolean;
}

export interface ReturnReceiveLine {
  orderLine: string;
  quantity: number;
  /** Set for damaged units received at the damaged-returns location. */
  location?: string;
}

export interface NotReceived {
  sku: string;
  quantity: number;
  condition: string;
  why: string;
}

export interface ReturnPlan {
  receive: ReturnReceiveLine[];
  notReceived: NotReceived[];
}

export function planReturn(ret: Pick<Return, 'Lines'>, lines: readonly AuthorizedLine[], damagedLocation: string | undefined): ReturnPlan {
  const open = lines.map((l) => ({ ...l }));
  const receive: ReturnReceiveLine[] = [];
  const notReceived: NotReceived[] = [];
  for (const rl of ret.Lines) {
    const qty = Math.max(0, Math.floor(rl.Quantity));
    const damaged = rl.Condition === 'DAMAGED';
    if (damaged && !damagedLocation) {
      notReceived.push({ sku: rl.Sku, quantity: qty, condition: rl.Condition, why: 'damaged: not received (no damaged-returns location configured)' });
      continue;
    }
    let left = qty;
    for (const l of open) {
      if (left === 0) break;
      if (l.sku !== rl.Sku || l.remaining <= 0) continue;
      if (l.numbered) continue;
      const take = Math.min(left, l.remaining);
      l.remaining -= take;
      left -= take;
      const location = damaged ? damagedLocation : undefined;
      const same = receive.find((r) => r.orderLine === l.orderLine && r.location === location);
      if (same) same.quantity += take;
      else receive.push({ orderLine: l.orderLine, quantity: take, ...(location ? { location } : {}) });
    }
    if (left > 0) {
      const numbered = open.some((l) => l.sku === rl.Sku && l.numbered && l.remaining > 0);
      const known = open.some((l) => l.sku === rl.Sku);
      notReceived.push({
        sku: rl.Sku,
        quantity: left,
        condition: rl.Condition,
        why: numbered ? 'lot/serial-numbered item: receive by hand with its numbers' : known ? 'more than the authorization has open' : 'not on the return authorization',
      });
    }
  }
  return { receive, notReceived };
}
