/**
 * An account with something to show: exceptions of several types, owners and ages (some raised by
 * real causes, older history seeded as records), a stalled order, feed cursors, items without a
 * weight, a duplicate SKU between matrix children, and an open order at an unmapped location.
 * Shared by the page tests in the sandbox and in the browser.
 */
import { listValueId } from '../../../harness/connector-world';
import { RECORDS } from '../../../src/ts/ids';
import type { ExceptionType, OwnerTeam } from '../../../src/ts/core/exceptions/exception';
import { approve, createOrder, startOrderWorld, type OrderWorld } from '../../orders/support/order-world';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface PagesWorld extends OrderWorld {
  items: { mug: number; cap: number; childA: number; childB: number };
  stalledOrderId: string;
  unmappedOrderId: string;
  otherLocation: number;
}

function seedException(w: OrderWorld, e: { type: ExceptionType; owner: OwnerTeam; key: string; ageMs: number; resolvedAgoMs?: number; item?: number }): number {
  const F = RECORDS.exception.fields;
  const now = w.sb.clock.now().getTime();
  const open = e.resolvedAgoMs === undefined;
  return w.db.seed(RECORDS.exception.id, {
    name: `${e.type}: ${e.key}`,
    externalid: open ? `exception:${e.key}` : `exception:${e.key}#old`,
    [F.type]: listValueId(w.sb, 'exceptionType', e.type),
    [F.ownerTeam]: listValueId(w.sb, 'ownerTeam', e.owner),
    [F.status]: listValueId(w.sb, 'exceptionStatus', open ? 'open' : 'resolved'),
    [F.dedupeKey]: e.key,
    [F.message]: `Seeded ${e.type}`,
    [F.firstSeen]: new Date(now - e.ageMs),
    [F.lastSeen]: new Date(now - (e.resolvedAgoMs ?? 0)),
    [F.occurrences]: 1,
    ...(open ? {} : { [F.resolvedAt]: new Date(now - (e.resolvedAgoMs as number)) }),
    ...(e.item ? { [F.item]: e.item } : {}),
  });
}

export async function startPagesWorld(): Promise<PagesWorld> {
  const w = await startOrderWorld();
  const mug = w.item('PAGE-MUG');
  const cap = w.item('PAGE-CAP');
  await w.sim.control.upsertProduct({ Sku: 'PAGE-MUG', ExternalId: String(mug), Name: 'Mug', WeightKg: 0.4 });
  await w.sim.control.upsertProduct({ Sku: 'PAGE-CAP', ExternalId: String(cap), Name: 'Cap', WeightKg: 0.1 });
  await w.sim.control.setStock({ Sku: 'PAGE-MUG', Warehouse: 'UK1', OnHand: 100 });
  // Two matrix children named alike under different parents: one SKU, two items.
  const shirt = w.db.seed('inventoryitem', { itemid: 'SHIRT', matrixtype: 'PARENT' });
  const polo = w.db.seed('inventoryitem', { itemid: 'POLO', matrixtype: 'PARENT' });
  const childA = w.db.seed('inventoryitem', { itemid: 'RED-M', parent: shirt, matrixtype: 'CHILD', weight: 0.2 });
  const childB = w.db.seed('inventoryitem', { itemid: 'RED-M', parent: polo, matrixtype: 'CHILD', weight: 0.2 });

  // Real causes: an order without a ship-to address (customer service) ...
  const noAddress = createOrder(w, { lines: [{ item: mug, quantity: 1 }], address: null, externalid: 'PG-NOADDR' });
  approve(w, noAddress);
  // ... and an order queued while Scend refuses orders, left long enough to be stalled.
  await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
  const stalledOrderId = createOrder(w, { lines: [{ item: cap, quantity: 2 }], externalid: 'PG-STALL' });
  approve(w, stalledOrderId);
  // An open order whose only line is at a location Scend does not serve.
  const otherLocation = w.db.seed('location', { name: 'Manchester shop' });
  const unmappedOrderId = createOrder(w, { lines: [{ item: mug, quantity: 1, location: otherLocation }], externalid: 'PG-UNMAPPED' });
  approve(w, unmappedOrderId);
  w.sb.clock.advance(5 * HOUR);

  // History: exceptions opened and resolved over the last days, and older open ones.
  seedException(w, { type: 'skuMismatch', owner: 'operations', key: 'skuMismatch:item:' + cap, ageMs: 2 * DAY, item: cap });
  seedException(w, { type: 'unmappedSku', owner: 'operations', key: 'unmappedSku:order:900', ageMs: 9 * DAY, item: cap });
  seedException(w, { type: 'driftStuck', owner: 'operations', key: 'driftStuck:order:901', ageMs: 4 * DAY, item: mug });
  seedException(w, { type: 'cancelConflict', owner: 'customerService', key: 'cancelConflict:order:902', ageMs: 30 * 60_000 });
  for (let d = 1; d <= 6; d++) {
    seedException(w, { type: 'connection', owner: 'admin', key: `connection:connector:old${d}`, ageMs: d * DAY + 3 * HOUR, resolvedAgoMs: d * DAY });
  }
  seedException(w, { type: 'orderRejected', owner: 'operations', key: 'orderRejected:order:903', ageMs: 3 * DAY, resolvedAgoMs: 1 * DAY });

  const C = RECORDS.feedCursor.fields;
  const now = w.sb.clock.now().getTime();
  w.db.seed(RECORDS.feedCursor.id, { [C.feed]: 'order-events', [C.cursor]: 'c-1', [C.lastRunAt]: new Date(now - 10 * 60_000), [C.lastItemAt]: new Date(now - 25 * 60_000), [C.lastRunItems]: 12 });
  w.db.seed(RECORDS.feedCursor.id, { [C.feed]: 'despatches', [C.cursor]: 'c-9', [C.lastRunAt]: new Date(now - 3 * HOUR), [C.lastItemAt]: new Date(now - 5 * HOUR), [C.lastRunItems]: 0, [C.lastError]: 'CURSOR_EXPIRED' });

  return { ...w, items: { mug, cap, childA, childB }, stalledOrderId, unmappedOrderId, otherLocation };
}
