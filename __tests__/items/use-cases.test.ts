import { planCatalogue } from '../../src/ts/core/items/catalogue';
import { foldOutcomes } from '../../src/ts/core/items/catalogue-report';
import { skuMismatchKey } from '../../src/ts/core/items/issues';
import { toProductUpsert } from '../../src/ts/core/items/product';
import { checkCatalogueEntry, syncItem } from '../../src/ts/core/items/sync-item';
import { anItem, aProduct } from './fixtures';
import { fakePorts } from './fakes';

const now = new Date('2025-03-01T10:00:00Z');

describe('item user event use case', () => {
  it('creates the product in Scend and records the accepted SKU on the item', () => {
    const { ports, scend, flags } = fakePorts();
    const item = anItem({ scendSku: null, skuAligned: false });
    syncItem(ports, null, item, now);
    expect(scend.products.get('101')).toMatchObject({ Sku: 'MUG-BLUE', Name: 'Blue mug', WeightKg: 0.4 });
    expect(flags.applyTo(item)).toMatchObject({ scendSku: 'MUG-BLUE', skuAligned: true });
  });

  it('a failed rename holds the item and tells operations; the next successful save clears both', () => {
    const { ports, scend, flags, exceptions } = fakePorts();
    const original = anItem();
    scend.upsertProduct(toProductUpsert(original));

    scend.down = true;
    const renamed = anItem({ itemId: 'MUG-NAVY' });
    syncItem(ports, original, renamed, now);
    const afterFailure = flags.applyTo(renamed);
    expect(afterFailure).toMatchObject({ scendSku: 'MUG-BLUE', skuAligned: false });
    expect(exceptions.open().map((e) => [e.type, e.owner, e.dedupeKey])).toEqual([['skuMismatch', 'operations', skuMismatchKey('101')]]);
    expect(scend.skus()).toEqual(['MUG-BLUE']);

    scend.down = false;
    syncItem(ports, afterFailure, afterFailure, now);
    expect(flags.applyTo(renamed)).toMatchObject({ scendSku: 'MUG-NAVY', skuAligned: true });
    expect(exceptions.open()).toEqual([]);
    expect(scend.skus()).toEqual(['MUG-NAVY']);
  });

  it('refuses to steal an SKU another Scend product holds, and says which one', () => {
    const { ports, scend, exceptions } = fakePorts();
    scend.upsertProduct(toProductUpsert(anItem({ id: '555', itemId: 'MUG-NAVY' })));
    const mine = anItem();
    scend.upsertProduct(toProductUpsert(mine));
    syncItem(ports, mine, anItem({ itemId: 'MUG-NAVY' }), now);
    expect(exceptions.open()[0].message).toMatch(/ExternalId 555/);
    expect(scend.products.get('101')?.Sku).toBe('MUG-BLUE');
  });

  // Issue 9: a product deleted in Scend (or never created there) while the item's flags say aligned.
  it('saving an unchanged item again recreates a product Scend lost, and stamps the item', () => {
    const { ports, scend, flags } = fakePorts();
    const item = anItem();
    expect(scend.products.has('101')).toBe(false);
    const report = syncItem(ports, item, item, now);
    expect(report.decision).toMatchObject({ kind: 'upsert', reason: 'resave' });
    expect(scend.products.get('101')).toMatchObject({ Sku: 'MUG-BLUE', ExternalId: '101' });
    expect(flags.writes).toEqual([{ id: '101', flags: { scendSku: 'MUG-BLUE', aligned: true, lastSyncedAt: now } }]);
  });

  it('an unchanged save while Scend is down raises nothing and holds nothing: nothing is known to differ', () => {
    const { ports, scend, flags, exceptions } = fakePorts();
    scend.down = true;
    syncItem(ports, anItem(), anItem(), now);
    expect(scend.calls).toBe(1);
    expect(flags.writes).toEqual([]);
    expect(exceptions.open()).toEqual([]);
  });

  it('an unchanged save whose SKU another Scend product took holds the item with an SKU mismatch', () => {
    const { ports, scend, flags, exceptions } = fakePorts();
    scend.upsertProduct(toProductUpsert(anItem({ id: '555' })));
    syncItem(ports, anItem(), anItem(), now);
    expect(flags.applyTo(anItem())).toMatchObject({ skuAligned: false });
    expect(exceptions.open().map((e) => e.dedupeKey)).toEqual([skuMismatchKey('101')]);
  });
});

describe('catalogue check use case', () => {
  const run = (ports: ReturnType<typeof fakePorts>, items: ReturnType<typeof anItem>[]) =>
    foldOutcomes(planCatalogue(items, [...ports.scend.products.values()]).map((a) => checkCatalogueEntry(ports.ports, a, now)));

  it('bulk-loads an empty Scend and finds everything clean on the second run', () => {
    const f = fakePorts();
    const items = [1, 2, 3].map((n) => anItem({ id: String(n), itemId: `SKU-${n}`, scendSku: null, skuAligned: false }));
    const first = run(f, items);
    expect(first.actions.create).toBe(3);
    expect(f.scend.skus()).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    const second = run(f, items.map((i) => f.flags.applyTo(i)));
    expect(second.actions).toMatchObject({ create: 0, inSync: 3 });
    expect(f.scend.calls).toBe(3);
  });

  it('repairs a rename and a stale barcode, and raises an exception for a product NetSuite does not know', () => {
    const f = fakePorts();
    f.scend.products.set('1', aProduct({ ExternalId: '1', Sku: 'OLD-1' }));
    f.scend.products.set('2', aProduct({ ExternalId: '2', Sku: 'SKU-2', Barcode: 'STALE' }));
    f.scend.products.set('77', aProduct({ ExternalId: '77', Sku: 'GHOST' }));
    const items = [anItem({ id: '1', itemId: 'SKU-1', scendSku: 'OLD-1' }), anItem({ id: '2', itemId: 'SKU-2', scendSku: 'SKU-2' })];
    const report = run(f, items);
    expect(report.actions).toMatchObject({ rename: 1, update: 1, unknownProduct: 1 });
    expect(f.scend.products.get('1')?.Sku).toBe('SKU-1');
    expect(f.scend.products.get('2')?.Barcode).toBe('5012345678900');
    expect(f.scend.products.get('77')?.Sku).toBe('GHOST');
    expect(f.exceptions.open().map((e) => e.type)).toEqual(['unknownProduct']);
  });

  it('defers, without an exception per item, when Scend is down for the whole run', () => {
    const f = fakePorts();
    f.scend.down = true;
    const report = run(f, [anItem({ id: '1', scendSku: null, skuAligned: false }), anItem({ id: '2', itemId: 'B', scendSku: null, skuAligned: false })]);
    expect(report.deferred).toBe(2);
    expect(f.exceptions.open()).toEqual([]);
  });

  it('holds an item whose SKU Scend gives to another product', () => {
    const f = fakePorts();
    f.scend.products.set('77', aProduct({ ExternalId: '77', Sku: 'SKU-1' }));
    const report = run(f, [anItem({ id: '1', itemId: 'SKU-1', scendSku: 'SKU-1', skuAligned: true })]);
    expect(report.failed).toBe(1);
    expect(f.flags.writes).toEqual([{ id: '1', flags: { aligned: false } }]);
    expect(f.exceptions.open().map((e) => e.type).sort()).toEqual(['skuMismatch', 'unknownProduct']);
  });
});
