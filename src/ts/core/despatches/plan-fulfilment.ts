/**
 * A Scend despatch as an item fulfilment plan: the despatched lines (parcels summed by LineRef,
 * kit members rolled up to whole kits on the kit line), lots/serials as inventory numbers, one
 * package per parcel. Anything the order cannot explain is a typed problem instead.
 */
import type { Despatch } from '../../scend/contract';
import { numberKey, type DespatchOrder, type OrderLineFacts } from './despatch-order';

export interface NumberAssignment {
  /** inventorynumber internal id. */
  id: string;
  text: string;
  quantity: number;
}

export interface FulfilmentLine {
  /** The sales order line (fulfilment `orderline`). */
  orderLine: string;
  quantity: number;
  numbers: NumberAssignment[];
}

export interface FulfilmentPackage {
  trackingNumber: string;
  weightKg?: number;
  description: string;
}

export interface FulfilmentPlan {
  despatchId: string;
  salesOrderId: string;
  lines: FulfilmentLine[];
  packages: FulfilmentPackage[];
  /** All tracking numbers, comma separated (custbody_scend_tracking). */
  tracking: string;
  shipMethodId?: string;
  memo: string;
}

export type DespatchProblem =
  | { kind: 'unknownLineRef'; lineRefs: string[] }
  | { kind: 'skuMismatch'; lines: Array<{ lineRef: string; despatched: string; ordered: string }> }
  | { kind: 'partialKit'; lineRef: string; detail: string }
  | { kind: 'unknownNumber'; lineRef: string; numbers: string[] }
  | { kind: 'numbersMissing'; lineRef: string; detail: string }
  | { kind: 'overShipment'; lines: Array<{ lineRef: string; quantity: number; remaining: number }> }
  | { kind: 'alreadyShipped'; lines: string[] };

export type PlanResult = { ok: true; plan: FulfilmentPlan } | { ok: false; problem: DespatchProblem };

interface Despatched {
  quantity: number;
  lots: Map<string, number>;
  serials: string[];
  skus: Set<string>;
}

/** Lines of all parcels summed by LineRef. */
export function despatchedLines(despatch: Despatch): Map<string, Despatched> {
  const out = new Map<string, Despatched>();
  for (const parcel of despatch.Parcels) {
    for (const l of parcel.Lines) {
      const d = out.get(l.LineRef) ?? { quantity: 0, lots: new Map<string, number>(), serials: [], skus: new Set<string>() };
      d.quantity += l.Quantity;
      d.skus.add(l.Sku);
      if (l.Lot) d.lots.set(l.Lot, (d.lots.get(l.Lot) ?? 0) + l.Quantity);
      d.serials.push(...l.Serials);
      out.set(l.LineRef, d);
    }
  }
  return out;
}

const remainingOf = (l: OrderLineFacts): number => Math.max(0, l.ordered - l.fulfilled);

/** Kit member LineRefs `<line>.<member item>` grouped under their kit line. */
function kitLineOf(lineRef: string, byLine: Map<string, OrderLineFacts>): { kit: OrderLineFacts; memberItemId: string } | undefined {
  const dot = lineRef.indexOf('.');
  if (dot < 0) return undefined;
  const kit = byLine.get(lineRef.slice(0, dot));
  if (!kit || !kit.members) return undefined;
  return { kit, memberItemId: lineRef.slice(dot + 1) };
}

function numbersFor(line: OrderLineFacts, lineRef: string, d: Despatched, numbers: Record<string, string>): NumberAssignment[] | DespatchProblem {
  if (line.tracking === 'none') return [];
  const wanted: Array<[string, number]> =
    line.tracking === 'serial' ? d.serials.map((s) => [s, 1]) : Array.from(d.lots.entries());
  const total = wanted.reduce((n, [, q]) => n + q, 0);
  if (total !== d.quantity) {
    return { kind: 'numbersMissing', lineRef, detail: `${line.tracking === 'serial' ? 'serial numbers' : 'lot quantities'} cover ${total} of ${d.quantity} units` };
  }
  const unknown = wanted.filter(([text]) => numbers[numberKey(line.itemId, text)] === undefined).map(([text]) => text);
  if (unknown.length) return { kind: 'unknownNumber', lineRef, numbers: unknown };
  return wanted.map(([text, quantity]) => ({ id: numbers[numberKey(line.itemId, text)], text, quantity }));
}

/**
 * Plans the fulfilment against the order's lines. `remaining` (order line -> quantity still to
 * fulfil) overrides the order facts' figures, e.g. with the transform's live `quantityremaining`.
 */
export function planFulfilment(
  despatch: Despatch,
  order: DespatchOrder,
  numbers: Record<string, string>,
  shipMethodId: string | undefined,
  remaining?: ReadonlyMap<string, number>,
): PlanResult {
  const byLine = new Map(order.lines.map((l) => [l.line, l]));
  const left = (l: OrderLineFacts): number => (remaining ? remaining.get(l.line) ?? 0 : remainingOf(l));
  const unknown: string[] = [];
  const skus: Array<{ lineRef: string; despatched: string; ordered: string }> = [];
  const lines: FulfilmentLine[] = [];
  const kits = new Map<string, { kit: OrderLineFacts; members: Map<string, number> }>();

  for (const [lineRef, d] of despatchedLines(despatch)) {
    const direct = byLine.get(lineRef);
    const member = direct ? undefined : kitLineOf(lineRef, byLine);
    if (direct && !direct.members) {
      const despatchedSku = Array.from(d.skus).find((s) => s !== direct.sku);
      if (despatchedSku !== undefined) { skus.push({ lineRef, despatched: despatchedSku, ordered: direct.sku }); continue; }
      const assigned = numbersFor(direct, lineRef, d, numbers);
      if (!Array.isArray(assigned)) return { ok: false, problem: assigned };
      lines.push({ orderLine: direct.line, quantity: d.quantity, numbers: assigned });
    } else if (member) {
      const facts = member.kit.members?.find((m) => m.itemId === member.memberItemId);
      if (!facts) { unknown.push(lineRef); continue; }
      const despatchedSku = Array.from(d.skus).find((s) => s !== facts.sku);
      if (despatchedSku !== undefined) { skus.push({ lineRef, despatched: despatchedSku, ordered: facts.sku }); continue; }
      const k = kits.get(member.kit.line) ?? { kit: member.kit, members: new Map<string, number>() };
      k.members.set(facts.itemId, d.quantity);
      kits.set(member.kit.line, k);
    } else unknown.push(lineRef);
  }
  if (unknown.length) return { ok: false, problem: { kind: 'unknownLineRef', lineRefs: unknown } };
  if (skus.length) return { ok: false, problem: { kind: 'skuMismatch', lines: skus } };

  // NetSuite fulfils a kit as its kit line in kit units (its members follow): only whole kits, every member alike.
  for (const { kit, members } of kits.values()) {
    const counts = (kit.members ?? []).map((m) => ({ m, kits: (members.get(m.itemId) ?? 0) / (m.quantity || 1) }));
    const first = counts[0]?.kits ?? 0;
    const uneven = counts.find((c) => c.kits !== first || Math.floor(c.kits) !== c.kits);
    if (uneven || first <= 0) {
      const detail = counts.map((c) => `${c.m.sku} ${members.get(c.m.itemId) ?? 0} (${c.m.quantity} per kit)`).join(', ');
      return { ok: false, problem: { kind: 'partialKit', lineRef: kit.line, detail } };
    }
    lines.push({ orderLine: kit.line, quantity: first, numbers: [] });
  }

  const over = lines
    .map((l) => ({ l, facts: byLine.get(l.orderLine) as OrderLineFacts }))
    .filter(({ l, facts }) => l.quantity > left(facts));
  if (over.length) {
    // Nothing left at all on any despatched line: these units were shipped by another despatch.
    if (over.length === lines.length && over.every(({ facts }) => left(facts) === 0 && !facts.isClosed)) {
      return { ok: false, problem: { kind: 'alreadyShipped', lines: over.map(({ l }) => l.orderLine) } };
    }
    return { ok: false, problem: { kind: 'overShipment', lines: over.map(({ l, facts }) => ({ lineRef: l.orderLine, quantity: l.quantity, remaining: left(facts) })) } };
  }

  const packages = despatch.Parcels.map((p, i) => ({
    trackingNumber: p.TrackingNumber,
    ...(p.WeightKg !== undefined ? { weightKg: p.WeightKg } : {}),
    description: `Scend ${despatch.DespatchId} parcel ${i + 1} of ${despatch.Parcels.length} (${despatch.Carrier} ${despatch.Service})`.slice(0, 300),
  }));
  return {
    ok: true,
    plan: {
      despatchId: despatch.DespatchId,
      salesOrderId: order.salesOrderId,
      lines,
      packages,
      tracking: Array.from(new Set(packages.map((p) => p.trackingNumber))).join(', ').slice(0, 300),
      ...(shipMethodId ? { shipMethodId } : {}),
      memo: `Scend despatch ${despatch.DespatchId} (${despatch.Carrier} ${despatch.Service}) at ${despatch.DespatchedAt}`.slice(0, 999),
    },
  };
}

/** The shipping method whose courier service Scend shipped with (first mapping wins). */
export function shipMethodFor(service: string, shipMethods: Readonly<Record<string, { courierService: string }>>): string | undefined {
  const wanted = service.trim().toUpperCase();
  return Object.keys(shipMethods).find((id) => shipMethods[id].courierService.trim().toUpperCase() === wanted);
}
