import { decideItemSync, kitMembersToSync } from '../../src/ts/core/items/item-sync';
import { anItem } from './fixtures';

describe('item user event: does this save go to Scend', () => {
  it('creates a product for a new item Scend has never accepted', () => {
    const decision = decideItemSync(null, anItem({ scendSku: null, skuAligned: false }));
    expect(decision).toMatchObject({ kind: 'upsert', reason: 'create', wanted: { Sku: 'MUG-BLUE', ExternalId: '101' } });
  });

  it('pushes a renamed SKU at once', () => {
    const before = anItem();
    const after = anItem({ itemId: 'MUG-NAVY' });
    expect(decideItemSync(before, after)).toMatchObject({ kind: 'upsert', reason: 'rename', wanted: { Sku: 'MUG-NAVY' } });
  });

  it('retries an item flagged after an earlier failure even when nothing changed', () => {
    const flagged = anItem({ skuAligned: false });
    expect(decideItemSync(flagged, flagged)).toMatchObject({ kind: 'upsert', reason: 'retry' });
  });

  it('keeps retrying a rename that has not reached Scend yet', () => {
    const pending = anItem({ itemId: 'MUG-NAVY', scendSku: 'MUG-BLUE', skuAligned: false });
    expect(decideItemSync(pending, pending)).toMatchObject({ kind: 'upsert', reason: 'rename' });
  });

  it('pushes a changed barcode or weight as an update naming the fields', () => {
    const decision = decideItemSync(anItem(), anItem({ upcCode: '999', weight: 500 }));
    expect(decision).toMatchObject({ kind: 'upsert', reason: 'update', fields: ['Barcode', 'WeightKg'] });
  });

  it('a save that changes nothing Scend holds still upserts (Scend may have lost the product): issue 9', () => {
    expect(decideItemSync(anItem(), anItem({ weight: 400.0001 }))).toMatchObject({ kind: 'upsert', reason: 'resave', fields: [], wanted: { Sku: 'MUG-BLUE', ExternalId: '101' } });
  });

  it('never sends a matrix parent: its children are the products (issue 9)', () => {
    expect(decideItemSync(null, anItem({ matrixParent: true, scendSku: null }))).toEqual({ kind: 'skip', reason: 'notAProduct' });
  });

  it('never sends a kit as a product', () => {
    expect(decideItemSync(null, anItem({ type: 'Kit', scendSku: null }))).toEqual({ kind: 'skip', reason: 'notAProduct' });
  });
});

describe('kit user event: which members must reach Scend', () => {
  it('syncs physical members Scend does not hold under their current SKU, and nothing else', () => {
    const aligned = anItem({ id: '1' });
    const neverSynced = anItem({ id: '2', scendSku: null, skuAligned: false });
    const renamed = anItem({ id: '3', itemId: 'NEW', scendSku: 'OLD' });
    const service = anItem({ id: '4', type: 'Service', scendSku: null, skuAligned: false });
    expect(kitMembersToSync([aligned, neverSynced, renamed, service]).map((m) => m.id)).toEqual(['2', '3']);
  });
});
