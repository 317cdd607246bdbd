/** What differs between the order NetSuite would send now and the order Scend holds. */
import type { Order, OrderAmend, OrderCreate, OrderLine, ShipTo } from '../../scend/contract';
import { payloadHash } from '../sync/ledger';

/** The part of an order Scend lets us amend; its hash tells whether an edit needs an amendment. */
export function amendableOf(body: Pick<OrderCreate, 'ShipTo' | 'Lines'>): Required<OrderAmend> {
  return { ShipTo: body.ShipTo, Lines: body.Lines.map((l) => ({ LineRef: l.LineRef, Sku: l.Sku, Quantity: l.Quantity })) };
}

export const amendableHash = (body: Pick<OrderCreate, 'ShipTo' | 'Lines'>): string => payloadHash(amendableOf(body));

const SHIP_TO_FIELDS: Array<keyof ShipTo> = ['Name', 'Company', 'Line1', 'Line2', 'Line3', 'Town', 'County', 'PostCode', 'CountryCode'];

function byRef(lines: OrderLine[]): Map<string, OrderLine> {
  return new Map(lines.map((l) => [l.LineRef, l]));
}

/** Human-readable differences, NetSuite's value first. Empty when they agree. */
export function diffOrder(wanted: Pick<OrderCreate, 'ShipTo' | 'Lines'>, actual: Pick<Order, 'ShipTo' | 'Lines'>): string[] {
  const out: string[] = [];
  for (const f of SHIP_TO_FIELDS) {
    const a = (wanted.ShipTo[f] ?? '').trim();
    const b = (actual.ShipTo[f] ?? '').trim();
    if (a !== b) out.push(`ship-to ${f}: NetSuite "${a}", Scend "${b}"`);
  }
  const mine = byRef(wanted.Lines);
  const theirs = byRef(actual.Lines);
  for (const [ref, l] of mine) {
    const t = theirs.get(ref);
    if (!t) out.push(`line ${ref} (${l.Sku} x ${l.Quantity}) is not in Scend`);
    else if (t.Sku !== l.Sku || t.Quantity !== l.Quantity) out.push(`line ${ref}: NetSuite ${l.Sku} x ${l.Quantity}, Scend ${t.Sku} x ${t.Quantity}`);
  }
  for (const [ref, t] of theirs) if (!mine.has(ref)) out.push(`line ${ref} (${t.Sku} x ${t.Quantity}) is only in Scend`);
  return out;
}
