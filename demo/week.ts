/**
 * The trading week: a brand's Monday to Sunday compressed into seconds. Orders arrive through each
 * day as people approve them; the deployed scripts run on their SDF schedules (world.advance moves
 * the one clock of NetSuite and Scend); the simulator's autopilot moves the warehouse (releases,
 * partial despatches over several parcels, receipts of the purchase orders' ASNs, cycle counts and
 * damage); the despatch feed redelivers items. The known failure modes are injected on set days,
 * each recorded in `injected` with the outcome it must end in, so a test can check every one.
 */
import { isPhysical, startWeekWorld, type WeekWorld } from './week-world';
import { weekCatalogue, weekOrders, type OrderSpec } from './brand';
import { enterOrder } from './world';
import type { Despatch, FeedPage } from '../src/ts/scend/contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WEEK_START = new Date('2026-11-02T06:00:00Z'); // a Monday
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface WeekOptions {
  /** 1: 248 SKUs and 60 orders a day; 0.4 (the demo's default): the same SKUs, 24 orders a day; 0.1 for a test. */
  scale: number;
  seed: number;
  /** A progress bar per phase (demo/progress.ts), or nothing. */
  progress?: (label: string, total: number) => { update(done: number, note?: string): void };
  /** One line per notable event. */
  log?: (line: string) => void;
}

/** A failure mode injected on purpose, and the exception it must end as (type label and owner, as the list shows them). */
export interface Injected {
  mode: string;
  /** Where: a sales order, item or Scend id. */
  subject: string;
  /** The exception it must raise (null: it must raise none and end well). */
  expect: { type: string; owner: string; status: 'Open' | 'Resolved'; dedupeKey?: string } | null;
  note: string;
}

export interface WeekFacts {
  /** Every sales order entered, in order. */
  orders: string[];
  /** Each order with what was entered on it. */
  entered: Array<{ so: string; spec: OrderSpec }>;
  purchaseOrders: string[];
  returnAuthorizations: string[];
  injected: Injected[];
  /** The despatch redelivered on purpose (the feed position moved back over it). */
  redeliveredDespatches: string[];
  /** The Scend despatch that shipped an order a second time. */
  secondShipment: { salesOrder: string; despatchId: string } | null;
  /** Scend calls each injected fault answered (its rule's `fired`). */
  faultsFired: { outage: number; commitThenFail: number; productUpdate: number };
  scheduledRuns: number;
  startedAt: Date;
  endedAt: Date;
}

/** Deployments the clock runs by themselves (their SDF schedules). */
const noop = { update() {} };

export async function runWeek(o: WeekOptions): Promise<{ w: WeekWorld; facts: WeekFacts }> {
  const log = o.log ?? (() => undefined);
  const bar = o.progress ?? (() => noop);
  // A few hundred SKUs from scale 0.4 up (the catalogue costs little); orders grow with the scale.
  const physicalVariants = Math.max(20, Math.round(220 * Math.min(1, 2.5 * o.scale)));
  const catalogue = weekCatalogue(physicalVariants);
  const customerCount = Math.max(30, Math.round(80 * o.scale));
  const perDay = Math.max(10, Math.round(60 * o.scale));

  const itemsBar = bar('Brand: items into NetSuite', catalogue.length);
  const w = await startWeekWorld({ seed: o.seed, start: WEEK_START, days: 8, catalogue, customers: customerCount, serials: 400, onItem: (d) => itemsBar.update(d) });
  try {
    const facts: WeekFacts = { orders: [], entered: [], purchaseOrders: [], returnAuthorizations: [], injected: [], redeliveredDespatches: [], secondShipment: null, faultsFired: { outage: 0, commitThenFail: 0, productUpdate: 0 }, scheduledRuns: 0, startedAt: WEEK_START, endedAt: WEEK_START };
    log(`${catalogue.length} items (${catalogue.filter(isPhysical).length} physical: kits, lot-tracked and serialized among them), ${customerCount} customers, opening stock counted in both systems`);

    // The warehouse moves by itself from go-live: partial despatches over up to three parcels,
    // receipts (some short, over or with damage), cycle counts and damage; feeds deliver at least once.
    await w.sim.control.configureAutopilot({
      enabled: true,
      partialDespatchRate: 0.25,
      parcelsMax: 3,
      shortReceiptRate: 0.2,
      overReceiptRate: 0.1,
      damagedRate: 0.05,
      cycleCountRatePerHour: 0.6,
      damageRatePerHour: 0.3,
    });
    await w.sim.control.configureFeeds({ redeliveryRate: 0.2 });

    const specs = weekOrders(perDay * DAYS.length, catalogue, customerCount, o.seed + 10);
    const enter = (spec: OrderSpec) => {
      const so = enterOrder(w, spec, 'B');
      facts.orders.push(so);
      facts.entered.push({ so, spec });
    };
    const items = catalogue.filter((c) => c.type === 'inventoryitem');
    let next = 0;
    const state: InjectState = { outage: null, ctf: null, renamed: null, savedCursor: null };
    const day = (d: number, hour: number) => new Date(WEEK_START.getTime() + d * DAY + (hour - 6) * HOUR);

    for (let d = 0; d < DAYS.length; d++) {
      const dayBar = bar(`${DAYS[d]}`, 24);
      const todays = specs.slice(next, next + perDay);
      next += perDay;
      // Trading hours 08:00–20:00: the day's orders arrive spread over them, approved as they come.
      for (let h = 0; h < 24; h++) {
        const hour = (6 + h) % 24;
        if (hour >= 8 && hour < 20) {
          const slice = todays.slice(Math.floor(((hour - 8) * todays.length) / 12), Math.floor(((hour - 7) * todays.length) / 12));
          for (const spec of slice) {
            await w.advance(Math.floor(HOUR / (slice.length + 1)));
            enter(spec);
          }
        }
        await inject(w, facts, state, d, hour, items, log, enter);
        const runs = await w.advance({ to: day(d, h + 7) });
        facts.scheduledRuns += runs.length;
        dayBar.update(h + 1, `${facts.orders.length} orders`);
      }
    }
    // The failure modes the brand's own data brings: customers without a ship-to address, digital lines.
    const noAddress = facts.entered.filter((e) => !w.customers[e.spec.customerKey].spec.address && e.spec.lines.some((l) => isPhysical(w.catalogue.find((c) => c.key === l.itemKey)!)));
    facts.injected.push({ mode: 'Missing address', subject: `${noAddress.length} orders`, expect: { type: 'Missing ship-to address', owner: 'Customer service', status: 'Open' }, note: 'held; customer service adds the address' });
    const digital = facts.entered.filter((e) => e.spec.lines.some((l) => w.catalogue.find((c) => c.key === l.itemKey)?.type === 'downloaditem'));
    const digitalOnly = digital.filter((e) => !e.spec.lines.some((l) => isPhysical(w.catalogue.find((c) => c.key === l.itemKey)!)));
    facts.injected.push({ mode: 'Orders with digital lines', subject: `${digital.length} orders`, expect: null, note: `digital lines never sent; ${digitalOnly.length} digital-only orders skipped` });
    // After the week: the warehouse stops; one more round of every schedule catches up.
    await w.sim.control.configureAutopilot({ enabled: false });
    facts.scheduledRuns += (await w.advance(2 * HOUR)).length;
    facts.endedAt = w.sb.clock.now();
    return { w, facts };
  } catch (e) {
    await w.close();
    throw e;
  }
}

/** The failure modes, each at its hour of the week. */
async function inject(w: WeekWorld, facts: WeekFacts, st: InjectState, d: number, hour: number, items: WeekWorld['catalogue'], log: (s: string) => void, enter: (spec: OrderSpec) => void): Promise<void> {
  const at = `${DAYS[d]} ${String(hour).padStart(2, '0')}:00`;
  // Monday and Thursday: buying approves purchase orders; each becomes an ASN, then Scend's receipt.
  if ((d === 0 || d === 3) && hour === 9) {
    for (let p = 0; p < 3; p++) {
      const lines = Array.from({ length: 6 }, (_, i) => items[(d * 31 + p * 7 + i * 11) % items.length]);
      facts.purchaseOrders.push(purchaseOrder(w, lines.map((c) => ({ item: w.items[c.key], quantity: 40 + 10 * p }))));
    }
    log(`${at}  3 purchase orders approved: ASNs to Scend; the warehouse receives them (some short, over or damaged)`);
  }
  // Tuesday 10:00–12:00: Scend is down. Approvals still succeed; the backlog sends what waited.
  if (d === 1 && hour === 10) {
    const fault = await w.sim.control.addFault({ method: '*', path: '*', action: { kind: 'status', status: 503 } });
    st.outage = fault.id;
    log(`${at}  Scend outage begins (503 on every call)`);
  }
  if (d === 1 && hour === 12 && st.outage) {
    facts.faultsFired.outage = await fired(w, st.outage);
    await w.sim.control.removeFault(st.outage);
    st.outage = null;
    facts.injected.push({ mode: 'Scend outage', subject: 'Tue 10:00–12:00', expect: null, note: `${facts.faultsFired.outage} calls refused; orders approved meanwhile waited, the backlog sent them` });
    log(`${at}  Scend is back`);
  }
  // Tuesday 13:00–17:00: Scend commits half the order POSTs but the answer is lost.
  if (d === 1 && hour === 13) {
    st.ctf = (await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', probability: 0.5, action: { kind: 'commitThenFail', then: 'drop' } })).id;
    log(`${at}  commit-then-fail on half the order POSTs (Scend keeps the order, the answer is lost)`);
  }
  if (d === 1 && hour === 17 && st.ctf) {
    facts.faultsFired.commitThenFail = await fired(w, st.ctf);
    await w.sim.control.removeFault(st.ctf);
    st.ctf = null;
    facts.injected.push({ mode: 'Commit-then-fail writes', subject: 'Tue 13:00–17:00', expect: null, note: `${facts.faultsFired.commitThenFail} order POSTs committed but unanswered; each found by ClientReference, never sent twice` });
  }
  // Wednesday 09:00: an SKU renamed in NetSuite while Scend cannot take the product update.
  if (d === 2 && hour === 9) {
    const spec = items[3];
    const id = w.items[spec.key];
    const put = await w.sim.control.addFault({ method: 'PUT', path: '/v1/products/{ExternalId}', times: 1, action: { kind: 'status', status: 503 } });
    w.sb.record.submitFields({ type: 'inventoryitem', id, values: { itemid: `${spec.itemid}-V2` } });
    facts.faultsFired.productUpdate = await fired(w, put.id);
    await w.sim.control.removeFault(put.id);
    st.renamed = { key: spec.key, id };
    // Customers keep ordering it: those orders are held, not sent to fail at the warehouse.
    for (let i = 0; i < 3; i++) {
      await w.advance(60_000);
      enter({ externalId: null, customerKey: `c${i + 3}`, lines: [{ itemKey: spec.key, quantity: 1 }, { itemKey: 'shipping', quantity: 1 }], shipMethod: 'standard' });
    }
    facts.injected.push({ mode: 'Renamed SKU', subject: `item ${id} (${spec.itemid} → ${spec.itemid}-V2)`, expect: { type: 'SKU mismatch', owner: 'Operations', status: 'Resolved' }, note: 'orders held until the item reached Scend; drift check flags the item' });
    log(`${at}  ${spec.itemid} renamed to ${spec.itemid}-V2 while Scend refused the product update; 3 orders for it`);
  }
  // Wednesday 15:00: operations saves the item again; it reaches Scend and the held orders go.
  if (d === 2 && hour === 15 && st.renamed) {
    w.sb.record.load({ type: 'inventoryitem', id: st.renamed.id }).save();
    log(`${at}  the renamed item is saved again: Scend has the new SKU`);
  }
  // Thursday 11:00: a customer cancels an order the warehouse is already packing.
  if (d === 3 && hour === 11) {
    const packing = await firstInStatus(w, facts, ['PACKING']) ?? (await packOne(w, facts));
    if (packing) {
      let refusal = '';
      try {
        w.db.cancelSalesOrder(packing.so);
      } catch (e) {
        refusal = (e as Error).message;
      }
      // Refused in NetSuite (nothing refunded), and customer service told: the order ships.
      facts.injected.push({ mode: 'Cancellation after packing', subject: `sales order ${packing.so}`, expect: { type: 'Cancellation conflict', owner: 'Customer service', status: 'Open', dedupeKey: `cancelConflict:order:${packing.so}` }, note: refusal ? 'refused in NetSuite; the order ships' : 'NOT refused' });
      log(`${at}  cancel of order ${packing.so} while Scend packs it: ${refusal ? 'refused, it ships' : 'accepted'}`);
    }
  }
  // Thursday 16:00: the despatch import's stored position is restored to Wednesday's, so Scend
  // redelivers a day of despatches (as after a restore): none may ship twice.
  if (d === 2 && hour === 18) st.savedCursor = readCursor(w, 'despatches');
  if (d === 3 && hour === 16 && st.savedCursor) {
    const replayed = await despatchesAfter(w, st.savedCursor);
    setCursor(w, 'despatches', st.savedCursor);
    facts.redeliveredDespatches = replayed;
    facts.injected.push({ mode: 'Redelivered despatches', subject: `${replayed.length} despatches`, expect: null, note: 'each already has its fulfilment (externalid despatch:<id>); none twice' });
    log(`${at}  the despatch feed's position moved back: ${replayed.length} despatches delivered again`);
  }
  // Friday 10:00: Scend reports a second physical shipment of an order it had already shipped.
  if (d === 4 && hour === 10) {
    const shipped = await firstInStatus(w, facts, ['DESPATCHED']);
    if (shipped) {
      const d2 = (await w.sim.control.messyDespatch({ OrderId: shipped.scendId, Kind: 'secondDespatch' })) as { DespatchId: string };
      facts.secondShipment = { salesOrder: shipped.so, despatchId: d2.DespatchId };
      facts.injected.push({ mode: 'Second physical shipment', subject: `sales order ${shipped.so} (${d2.DespatchId})`, expect: { type: 'Duplicate shipment', owner: 'Operations', status: 'Open', dedupeKey: `duplicateShipment:connector:despatch:${d2.DespatchId}` }, note: 'not fulfilled again' });
      log(`${at}  Scend reports a second shipment of order ${shipped.so}`);
    }
  }
  // Saturday 10:00: returns. Customer service raises authorizations; one parcel comes back without.
  if (d === 5 && hour === 10) {
    const shipped = await allInStatus(w, facts, ['DESPATCHED']);
    const picks = shipped.slice(0, Math.max(2, Math.floor(shipped.length / 25)));
    for (const [i, s] of picks.entries()) {
      const order = await w.sim.control.order(s.scendId) as { Lines: Array<{ Sku: string; Quantity: number }> };
      const line = order.Lines[0];
      const item = findItemBySku(w, line.Sku);
      if (item === undefined) continue;
      if (i > 0) facts.returnAuthorizations.push(returnAuthorization(w, s.so, item, 1));
      const ret = (await w.sim.control.bookReturn({ OrderId: s.scendId, Lines: [{ Sku: line.Sku, Quantity: 1, Condition: i % 4 === 3 ? 'DAMAGED' : 'RESTOCK', Reason: 'changed mind' }] })) as { ReturnId: string };
      if (i === 0) facts.injected.push({ mode: 'Return without authorization', subject: `sales order ${s.so}`, expect: { type: 'Return without authorization', owner: 'Customer service', status: 'Open', dedupeKey: `returnWithoutAuthorization:return:${ret.ReturnId}` }, note: 'customer service decides' });
    }
    log(`${at}  ${picks.length} parcels returned (${picks.length - 1} with an authorization)`);
  }
}

/** What one injection leaves for a later one (per run). */
interface InjectState {
  outage: string | null;
  ctf: string | null;
  renamed: { key: string; id: number } | null;
  savedCursor: string | null;
}

async function fired(w: WeekWorld, id: string): Promise<number> {
  return (await w.sim.control.faults()).find((f) => f.id === id)?.fired ?? 0;
}

function purchaseOrder(w: WeekWorld, lines: Array<{ item: number; quantity: number }>): string {
  const rec = w.sb.record.create({ type: 'purchaseorder' });
  rec.setValue({ fieldId: 'entity', value: w.vendor });
  rec.setValue({ fieldId: 'location', value: w.locations.warehouse });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  lines.forEach((l, i) => {
    rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 6 });
  });
  return String(rec.save());
}

function returnAuthorization(w: WeekWorld, salesOrder: string, item: number, quantity: number): string {
  const so = w.sb.record.load({ type: 'salesorder', id: salesOrder });
  const rec = w.sb.record.create({ type: 'returnauthorization' });
  rec.setValue({ fieldId: 'entity', value: so.getValue({ fieldId: 'entity' }) });
  rec.setValue({ fieldId: 'createdfrom', value: salesOrder });
  rec.setValue({ fieldId: 'location', value: w.locations.warehouse });
  rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: item });
  rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: quantity });
  rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
  return String(rec.save());
}

function findItemBySku(w: WeekWorld, sku: string): number | undefined {
  const spec = w.catalogue.find((c) => c.itemid === sku);
  return spec ? w.items[spec.key] : undefined;
}

type SentRef = { so: string; scendId: string };

async function allInStatus(w: WeekWorld, facts: WeekFacts, statuses: string[]): Promise<SentRef[]> {
  const byRef = new Map<string, string>();
  for (const o of await w.scendOrders()) if (statuses.includes(o.Status)) byRef.set(o.ClientReference, o.OrderId);
  const out: SentRef[] = [];
  for (const so of facts.orders) {
    const rec = w.sb.record.load({ type: 'salesorder', id: so });
    const ref = String(rec.getValue({ fieldId: 'externalid' }) || rec.getValue({ fieldId: 'tranid' }));
    const scendId = byRef.get(ref);
    if (scendId) out.push({ so, scendId });
  }
  return out;
}

async function firstInStatus(w: WeekWorld, facts: WeekFacts, statuses: string[]): Promise<SentRef | undefined> {
  return (await allInStatus(w, facts, statuses))[0];
}

/** The warehouse packs a released order now (when the autopilot has none in PACKING this minute). */
async function packOne(w: WeekWorld, facts: WeekFacts): Promise<SentRef | undefined> {
  const ref = (await allInStatus(w, facts, ['RECEIVED', 'RELEASED', 'PICKING']))[0];
  if (!ref) return undefined;
  const status = async () => ((await w.sim.control.order(ref.scendId)) as { Status: string }).Status;
  if ((await status()) === 'RECEIVED') await w.sim.control.release(ref.scendId);
  if ((await status()) === 'RELEASED') await w.sim.control.pick(ref.scendId);
  if ((await status()) === 'PICKING') await w.sim.control.pack(ref.scendId);
  return ref;
}

function cursorRow(w: WeekWorld, feed: string): { id: string; cursor: string } | undefined {
  let found: { id: string; cursor: string } | undefined;
  w.sb.search
    .create({ type: 'customrecord_scend_feed_cursor', filters: [['custrecord_scend_feed_name', 'is', feed]], columns: ['custrecord_scend_feed_cursor'] })
    .run()
    .each((r: { id: string; getValue(o: { name: string }): unknown }) => {
      found = { id: String(r.id), cursor: String(r.getValue({ name: 'custrecord_scend_feed_cursor' }) ?? '') };
      return false;
    });
  return found;
}

function readCursor(w: WeekWorld, feed: string): string | null {
  return cursorRow(w, feed)?.cursor || null;
}

function setCursor(w: WeekWorld, feed: string, cursor: string): void {
  const row = cursorRow(w, feed);
  if (row) w.sb.record.submitFields({ type: 'customrecord_scend_feed_cursor', id: row.id, values: { custrecord_scend_feed_cursor: cursor } });
}

async function despatchesAfter(w: WeekWorld, cursor: string): Promise<string[]> {
  const ids = new Set<string>();
  let c = cursor;
  for (;;) {
    const page = await w.scend<FeedPage<Despatch>>(`/despatches?limit=500&cursor=${encodeURIComponent(c)}`);
    for (const d of page.Items) ids.add(d.DespatchId);
    c = page.NextCursor ?? c;
    if (!page.HasMore) return [...ids];
  }
}

