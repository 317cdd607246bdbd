/**
 * The status an approved order has from its lines, shared by sales orders (done = fulfilled, billed =
 * invoiced), purchase orders (received / billed) and return authorizations (received / credited).
 * NetSuite Help: "Sales Order Statuses" — B Pending Fulfillment, D Partially Fulfilled, E Pending
 * Billing/Partially Fulfilled, F Pending Billing, G Billed, H Closed (purchase orders: Pending Receipt,
 * Partially Received, Pending Billing/Partially Received, Pending Bill, Fully Billed, Closed).
 * Lines of items that are never fulfilled (services, other charges...) need no fulfilment: they are
 * billable at their ordered quantity. An order with only such lines stays B until it is billed.
 */
import { num } from './behaviour';
import type { Line } from './store';

/** Line item types (search codes) that are fulfilled/received before they are billed. */
export const SHIPPABLE_CODES = new Set(['InvtPart', 'Kit', 'NonInvtPart']);

export const needsShipping = (l: Line): boolean => SHIPPABLE_CODES.has(String(l.itemtype ?? ''));

/** What a line can be billed for so far: shipped quantity of shippable items, ordered quantity of the rest. */
export const billableQty = (l: Line, doneField: string): number => (needsShipping(l) ? num(l[doneField]) : num(l.quantity));

export function deriveFlowStatus(lines: Line[], doneField: string): 'B' | 'D' | 'E' | 'F' | 'G' | 'H' {
  if (lines.length > 0 && lines.every((l) => l.isclosed)) return 'H';
  let anyShippable = false;
  let anyDone = false;
  let allDone = true;
  let pendingBilling = false;
  let allBilled = true;
  for (const l of lines) {
    const billed = num(l.quantitybilled);
    if (billableQty(l, doneField) > billed + 1e-9) pendingBilling = true;
    if (needsShipping(l)) {
      anyShippable = true;
      const done = num(l[doneField]);
      if (done > 0) anyDone = true;
      if (!l.isclosed && done < num(l.quantity) - 1e-9) allDone = false;
    }
    const owed = l.isclosed ? billableQty(l, doneField) : num(l.quantity);
    if (billed < owed - 1e-9) allBilled = false;
  }
  if (allBilled) return 'G';
  // Nothing to ship (services only): the sandbox keeps Pending Fulfillment until something is billed
  // (NetSuite's documentation does not say; connectors read B as "approved").
  if (!anyShippable) return lines.some((l) => num(l.quantitybilled) > 0) ? 'F' : 'B';
  if (allDone) return 'F';
  if (!anyDone) return 'B';
  return pendingBilling ? 'E' : 'D';
}
