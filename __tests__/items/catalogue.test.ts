import { planScendRanges } from '../../src/ts/core/items/catalogue-input';
import { exceptionsCleared, foldOutcomes } from '../../src/ts/core/items/catalogue-report';
import { planCatalogue, planCatalogueEntry } from '../../src/ts/core/items/catalogue';
import { skuMismatchKey, unknownProductKey, catalogueDriftKey } from '../../src/ts/core/items/issues';
import { anItem, aProduct } from './fixtures';

describe('catalogue check plan', () => {
  it('creates every item when Scend is empty (the first bulk load)', () => {
    const items = [anItem({ id: '1', itemId: 'A' }), anItem({ id: '2', itemId: 'B', type: 'Assembly' })];
    const plan = planCatalogue(items, []);
    expect(plan.map((a) => [a.kind, 'item' in a ? a.item.id : null])).toEqual([
      ['create', '1'],
      ['create', '2'],
    ]);
  });

  it('renames in Scend when the SKU differs for the same ExternalId', () => {
    const action = planCatalogueEntry(anItem({ itemId: 'MUG-NAVY' }), [aProduct({ Sku: 'MUG-BLUE' })]);
    expect(action).toMatchObject({ kind: 'rename', fromSku: 'MUG-BLUE', wanted: { Sku: 'MUG-NAVY' } });
  });

  it('repairs a differing barcode or weight', () => {
    const action = planCatalogueEntry(anItem(), [aProduct({ Barcode: 'OLD', WeightKg: 0.5 })]);
    expect(action).toMatchObject({ kind: 'update', fields: ['Barcode', 'WeightKg'] });
  });

  it('leaves a matching product alone, weights equal to the gram', () => {
    const action = planCatalogueEntry(anItem({ weight: 1, weightUnit: 'lb' }), [aProduct({ WeightKg: 0.4536 })]);
    expect(action).toMatchObject({ kind: 'inSync' });
  });

  it('raises an unknown-product exception for a Scend product no NetSuite item matches', () => {
    const stray = aProduct({ ExternalId: '999', Sku: 'GHOST' });
    const [action] = planCatalogue([], [stray]);
    expect(action).toMatchObject({ kind: 'unknownProduct', issue: { type: 'unknownProduct', owner: 'operations', dedupeKey: unknownProductKey('999') } });
    if (action.kind !== 'unknownProduct') throw new Error('expected unknownProduct');
    expect(action.issue.message).toMatch(/GHOST/);
  });

  it('treats a Scend product whose NetSuite item is a kit as unknown: kits are not products', () => {
    const action = planCatalogueEntry(anItem({ type: 'Kit' }), [aProduct()]);
    expect(action?.kind).toBe('unknownProduct');
  });

  it('never creates a matrix parent: its children are the products (issue 9)', () => {
    expect(planCatalogue([anItem({ matrixParent: true, scendSku: null })], [])).toEqual([]);
  });

  it('plans each ExternalId once even when a restarted page walk delivered the product twice', () => {
    const plan = planCatalogue([anItem()], [aProduct({ Barcode: 'OLD' }), aProduct({ Barcode: 'OLD' })]);
    expect(plan).toHaveLength(1);
    expect(plan[0].kind).toBe('update');
  });
});

describe('catalogue report and exception sweep', () => {
  it('counts each key once even if a restarted reduce reported it twice', () => {
    const report = foldOutcomes([
      { externalId: '1', action: 'create', result: 'clean' },
      { externalId: '1', action: 'create', result: 'clean' },
      { externalId: '2', action: 'rename', result: 'failed' },
      { externalId: '9', action: 'unknownProduct', result: 'raised' },
    ]);
    expect(report.actions).toMatchObject({ create: 1, rename: 1, unknownProduct: 1, update: 0, inSync: 0 });
    expect([report.clean, report.failed, report.raised]).toEqual([1, 1, 1]);
  });

  it('clears exceptions of items now clean and of unknown products gone from a fully read Scend list', () => {
    const report = foldOutcomes([
      { externalId: '1', action: 'inSync', result: 'clean' },
      { externalId: '2', action: 'rename', result: 'failed' },
      { externalId: '8', action: 'unknownProduct', result: 'raised' },
    ]);
    const open = [skuMismatchKey('1'), catalogueDriftKey('1'), skuMismatchKey('2'), unknownProductKey('8'), unknownProductKey('9'), 'order:5:x'];
    expect(exceptionsCleared(open, report, true)).toEqual([skuMismatchKey('1'), catalogueDriftKey('1'), unknownProductKey('9')]);
    expect(exceptionsCleared(open, report, false)).toEqual([skuMismatchKey('1'), catalogueDriftKey('1')]);
  });
});

describe('splitting Scend product pages among map calls', () => {
  it('reads an empty or small list with one marker that runs to the end', () => {
    expect(planScendRanges(0, 500)).toEqual([{ k: 'scend', firstPage: 1, pages: null, pageSize: 500 }]);
    expect(planScendRanges(1200, 500)).toEqual([{ k: 'scend', firstPage: 1, pages: null, pageSize: 500 }]);
  });

  it('covers every page exactly once across markers, the last reading to the end', () => {
    const ranges = planScendRanges(500 * 120, 500, 50);
    expect(ranges).toEqual([
      { k: 'scend', firstPage: 1, pages: 50, pageSize: 500 },
      { k: 'scend', firstPage: 51, pages: 50, pageSize: 500 },
      { k: 'scend', firstPage: 101, pages: null, pageSize: 500 },
    ]);
  });
});
