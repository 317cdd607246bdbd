/** The order's shipping address as Scend's ShipTo, or the fields a warehouse needs that are missing. */
import type { ShipTo } from '../../scend/contract';
import type { SalesOrderSnapshot } from './sales-order';

export type ShipToResult = { ok: true; shipTo: ShipTo } | { ok: false; missing: string[] };

const clean = (v: string | undefined): string => (v ?? '').trim();

/** Only the optional fields that have a value (Scend treats "" differently from absent). */
function present(fields: Partial<ShipTo>): Partial<ShipTo> {
  const out: Partial<ShipTo> = {};
  for (const key of Object.keys(fields) as Array<keyof ShipTo>) if (fields[key]) out[key] = fields[key];
  return out;
}

export function shipToOf(order: Pick<SalesOrderSnapshot, 'shipTo' | 'customerName' | 'email'>): ShipToResult {
  const a = order.shipTo ?? {};
  const attention = clean(a.attention);
  const addressee = clean(a.addressee);
  const required = {
    // NetSuite: "attention" is the person, "addressee" the person or the company.
    Name: attention || addressee || clean(order.customerName),
    Line1: clean(a.addr1),
    Town: clean(a.city),
    PostCode: clean(a.zip),
    CountryCode: clean(a.country).toUpperCase(),
  };
  const labels: Record<keyof typeof required, string> = {
    Name: 'addressee',
    Line1: 'address line 1',
    Town: 'city',
    PostCode: 'postcode',
    CountryCode: 'country',
  };
  const missing = (Object.keys(required) as Array<keyof typeof required>).filter((k) => !required[k]).map((k) => labels[k]);
  if (missing.length) return { ok: false, missing };
  const optional = present({
    Company: attention ? addressee : '',
    Line2: clean(a.addr2),
    Line3: clean(a.addr3),
    County: clean(a.state),
    Email: clean(order.email),
    Phone: clean(a.phone),
  });
  return { ok: true, shipTo: { ...required, ...optional } };
}
