import { catalogueDriftKey, skuMismatchKey } from '../../src/ts/core/items/issues';
import { settleUpsert, type UpsertFailure } from '../../src/ts/core/items/upsert-outcome';
import { toProductUpsert } from '../../src/ts/core/items/product';
import { anItem, aProduct } from './fixtures';

const now = new Date('2025-03-01T10:00:00Z');
const timeout: UpsertFailure = { code: 'TIMEOUT', retry: 'ambiguous', message: 'no answer' };
const skuInUse: UpsertFailure = { code: 'SKU_IN_USE', retry: 'permanent', message: 'held', skuHolder: '555' };

describe('settling an upsert for the item flags and exceptions', () => {
  it('records the accepted SKU and the sync time after success', () => {
    const item = anItem({ scendSku: null, skuAligned: false });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: true, product: aProduct() }, now);
    expect(effects.flags).toEqual({ scendSku: 'MUG-BLUE', aligned: true, lastSyncedAt: now });
    expect(effects.raise).toEqual([]);
  });

  it('clears the flag and resolves the exceptions when a flagged item syncs again', () => {
    const item = anItem({ itemId: 'MUG-NAVY', scendSku: 'MUG-BLUE', skuAligned: false });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: true, product: aProduct({ Sku: 'MUG-NAVY' }) }, now);
    expect(effects.flags).toMatchObject({ scendSku: 'MUG-NAVY', aligned: true });
    expect(effects.resolve).toEqual([skuMismatchKey('101'), catalogueDriftKey('101')]);
  });

  it('resolves nothing after a routine update of an aligned item', () => {
    const item = anItem({ upcCode: '999' });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: true, product: aProduct({ Barcode: '999' }) }, now);
    expect(effects.resolve).toEqual([]);
  });

  it('flags a renamed item and raises an SKU mismatch to operations when Scend cannot be updated', () => {
    const item = anItem({ itemId: 'MUG-NAVY', scendSku: 'MUG-BLUE', skuAligned: true });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: false, failure: timeout }, now);
    expect(effects.flags).toEqual({ aligned: false });
    expect(effects.raise).toHaveLength(1);
    expect(effects.raise[0]).toMatchObject({ type: 'skuMismatch', owner: 'operations', dedupeKey: skuMismatchKey('101'), itemId: '101' });
    expect(effects.raise[0].message).toMatch(/renamed from MUG-BLUE/);
    expect(effects.raise[0].message).toMatch(/held/);
  });

  it('explains an SKU already used by another Scend product', () => {
    const item = anItem({ itemId: 'MUG-NAVY', scendSku: 'MUG-BLUE' });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: false, failure: skuInUse }, now);
    expect(effects.raise[0].message).toMatch(/another product with SKU MUG-NAVY \(ExternalId 555\)/);
  });

  it('holds a new item Scend could not create', () => {
    const item = anItem({ scendSku: null, skuAligned: false });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: false, failure: timeout }, now);
    expect(effects.raise[0]).toMatchObject({ type: 'skuMismatch' });
    expect(effects.raise[0].message).toMatch(/could not be created/);
    expect(effects.flags).toBeNull(); // already not aligned: no write needed
  });

  it('does not hold orders when only details failed to update: catalogue drift instead', () => {
    const item = anItem({ upcCode: '999' });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: false, failure: timeout }, now, ['Barcode']);
    expect(effects.flags).toBeNull();
    expect(effects.raise[0]).toMatchObject({ type: 'catalogueDrift', dedupeKey: catalogueDriftKey('101') });
    expect(effects.raise[0].message).toMatch(/Barcode/);
  });
});

describe('settling a brand-new item', () => {
  it('looks for no exceptions to resolve: none can name an item created in this save', () => {
    const item = anItem({ scendSku: null, skuAligned: false });
    const effects = settleUpsert(item, toProductUpsert(item), { ok: true, product: aProduct() }, now, [], undefined, true);
    expect(effects.resolve).toEqual([]);
    expect(effects.flags).toMatchObject({ aligned: true });
  });
});
