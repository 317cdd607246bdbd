/**
 * Issue 9: an order held on an item Scend does not know (never created, deleted in Scend, a rename
 * that did not reach it) is retried from the backlog within the hour: the backlog upserts the
 * products first, then re-plans, instead of waiting for the daily catalogue check.
 */
import { PRODUCT_RETRIES_PER_ORDER, productsToRetry, retryProducts, ORDER_PUSH_RESERVE, UNITS_PER_PRODUCT } from '../../src/ts/core/items/held-products';
import type { ItemSnapshot } from '../../src/ts/core/items/item';
import { toProductUpsert } from '../../src/ts/core/items/product';
import { workBacklogItem } from '../../src/ts/core/orders/backlog';
import type { ItemFacts } from '../../src/ts/core/orders/items';
import { pushApprovedOrder } from '../../src/ts/core/orders/push-order';
import type { SalesOrderSnapshot } from '../../src/ts/core/orders/sales-order';
import { orderLedgerKey, type LedgerEntry } from '../../src/ts/core/sync/ledger';
import { UnknownSkuError } from '../../src/ts/scend/errors';
import { memoryPorts } from '../orders/fakes';
import { items as orderItems, NOW, order, settings } from '../orders/fixtures';
import { fakePorts } from './fakes';
import { anItem } from './fixtures';

const hourLater = new Date(NOW.getTime() + 3600_000);

/** NetSuite's items, as the item master reads them; the flag writes land on them. */
function itemWorld(snapshots: ItemSnapshot[]) {
  const master = fakePorts();
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const read = (id: string): ItemSnapshot => master.flags.applyTo(byId.get(id) as ItemSnapshot);
  const facts = (o: SalesOrderSnapshot): Map<string, ItemFacts> => {
    const out = new Map<string, ItemFacts>();
    for (const l of o.lines) {
      const s = byId.get(l.itemId);
      if (!s) continue;
      const r = read(s.id);
      out.set(s.id, { id: s.id, type: s.type, name: r.itemId, scendSku: r.scendSku ?? undefined, skuAligned: r.skuAligned });
    }
    return out;
  };
  return { master, read, facts };
}

const heldOrder = order({ lines: [{ line: '1', itemId: '41', itemType: 'InvtPart', quantity: 1, isClosed: false }] });

describe('which products a held order waits for', () => {
  const entry = (over: Partial<LedgerEntry> = {}): Pick<LedgerEntry, 'state' | 'lastError'> => ({ state: 'blocked', ...over });

  it('the items the order is held on (unknown to Scend, or an SKU Scend has not accepted)', () => {
    const o = order({ lines: [
      { line: '1', itemId: '41', itemType: 'InvtPart', quantity: 1, isClosed: false },
      { line: '2', itemId: '40', itemType: 'InvtPart', quantity: 1, isClosed: false },
      { line: '3', itemId: '10', itemType: 'InvtPart', quantity: 1, isClosed: false },
    ] });
    expect(productsToRetry(entry(), o, orderItems, settings)).toEqual(['41', '40']);
  });

  it('when Scend refused the order for an unknown SKU: its physical items, the ones Scend named first', () => {
    const o = order({ lines: [
      { line: '1', itemId: '10', itemType: 'InvtPart', quantity: 1, isClosed: false },
      { line: '2', itemId: '11', itemType: 'InvtPart', quantity: 1, isClosed: false },
    ] });
    const refused = entry({ lastError: 'UNKNOWN_SKU (permanent): Scend refused: unknown SKU MUG-BLUE' });
    expect(productsToRetry(refused, o, orderItems, settings)).toEqual(['11', '10']);
  });

  it('nothing for an order that is not held, or no longer approved', () => {
    expect(productsToRetry(entry({ state: 'retrying' }), heldOrder, orderItems, settings)).toEqual([]);
    expect(productsToRetry(entry(), { ...heldOrder, status: 'C' }, orderItems, settings)).toEqual([]);
  });

  it(`at most ${PRODUCT_RETRIES_PER_ORDER} per order and run`, () => {
    const many = new Map(orderItems);
    const lines = [];
    for (let i = 0; i < 6; i++) {
      many.set(`7${i}`, { id: `7${i}`, type: 'InvtPart', name: `NEW-${i}`, skuAligned: false });
      lines.push({ line: String(i + 1), itemId: `7${i}`, itemType: 'InvtPart', quantity: 1, isClosed: false });
    }
    expect(productsToRetry(entry(), order({ lines }), many, settings)).toHaveLength(PRODUCT_RETRIES_PER_ORDER);
  });
});

describe('retrying the products', () => {
  it('stops before governance runs short, leaving the rest for the next run', () => {
    const world = itemWorld([anItem({ id: '1', itemId: 'A', scendSku: null }), anItem({ id: '2', itemId: 'B', scendSku: null })]);
    // Each product costs units; the second would eat into what the order's own push needs.
    let units = UNITS_PER_PRODUCT + ORDER_PUSH_RESERVE + 5;
    const readItem = (id: string) => {
      units -= 16;
      return world.read(id);
    };
    const report = retryProducts(['1', '2'], { itemMaster: world.master.ports, readItem, remainingUsage: () => units }, NOW);
    expect(report).toEqual({ accepted: ['1'], failed: [], deferred: ['2'] });
    expect(world.master.scend.skus()).toEqual(['A']);
  });
});

describe('the backlog retries the product push of a held order within the hour', () => {
  function run(snapshots: ItemSnapshot[], o: SalesOrderSnapshot) {
    const world = itemWorld(snapshots);
    const ports = memoryPorts(() => NOW);
    const deps = {
      readOrder: () => o,
      readItems: world.facts,
      retryProducts: (entry: LedgerEntry, so: SalesOrderSnapshot, its: Map<string, ItemFacts>) =>
        retryProducts(productsToRetry(entry, so, its, settings), { itemMaster: world.master.ports, readItem: world.read, remainingUsage: () => 1000 }, hourLater).accepted.length > 0,
    };
    return { world, ports, deps };
  }

  it('an item never created in Scend: the next backlog run creates the product, then sends the order', () => {
    const { world, ports, deps } = run([anItem({ id: '41', itemId: 'MUG-NEW', scendSku: null, skuAligned: false })], heldOrder);
    expect(pushApprovedOrder({ order: heldOrder, items: world.facts(heldOrder), settings, now: NOW }, ports)).toEqual({ kind: 'blocked', exceptions: ['unmappedSku'] });

    const outcome = workBacklogItem({ orderId: heldOrder.id, reason: 'retry', stalled: false }, settings, hourLater, ports, deps, false);
    expect(outcome).toMatchObject({ kind: 'sent' });
    expect(world.master.scend.skus()).toEqual(['MUG-NEW']);
    expect(ports.scend.orders.map((x) => x.Lines.map((l) => l.Sku))).toEqual([['MUG-NEW']]);
    expect(ports.ledger.find(orderLedgerKey(heldOrder.id))?.state).toBe('sent');
  });

  it('a product deleted in Scend (Scend refused the order: UNKNOWN_SKU): the backlog recreates it and sends', () => {
    const o = order({ lines: [{ line: '1', itemId: '10', itemType: 'InvtPart', quantity: 1, isClosed: false }] });
    const { world, ports, deps } = run([anItem({ id: '10', itemId: 'MUG-RED', scendSku: 'MUG-RED', skuAligned: true })], o);
    const ctx = { operation: 'createOrder', method: 'POST' as const, path: '/v1/orders' };
    ports.scend.failNext('createOrder', new UnknownSkuError(ctx, 422, 'Unknown SKU MUG-RED', [], [{ LineRef: '1', Sku: 'MUG-RED' }]));
    expect(pushApprovedOrder({ order: o, items: world.facts(o), settings, now: NOW }, ports)).toMatchObject({ kind: 'blocked' });
    expect(ports.ledger.find(orderLedgerKey(o.id))?.lastError).toMatch(/^UNKNOWN_SKU/);

    const outcome = workBacklogItem({ orderId: o.id, reason: 'retry', stalled: false }, settings, hourLater, ports, deps, false);
    expect(outcome).toMatchObject({ kind: 'sent' });
    expect(world.master.scend.skus()).toEqual(['MUG-RED']);
  });

  it('Scend still down for products: the order stays held, nothing new is raised on the item, the next run tries again', () => {
    const { world, ports, deps } = run([anItem({ id: '41', itemId: 'MUG-NEW', scendSku: null, skuAligned: false })], heldOrder);
    pushApprovedOrder({ order: heldOrder, items: world.facts(heldOrder), settings, now: NOW }, ports);
    world.master.scend.down = true;
    const outcome = workBacklogItem({ orderId: heldOrder.id, reason: 'retry', stalled: false }, settings, hourLater, ports, deps, false);
    expect(outcome).toEqual({ kind: 'blocked', exceptions: ['unmappedSku'] });
    expect(world.master.exceptions.open()).toEqual([]);
    expect(toProductUpsert(world.read('41')).Sku).toBe('MUG-NEW');
  });
});
