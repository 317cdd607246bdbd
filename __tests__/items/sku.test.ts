/**
 * One SKU rule for the item user event (a record), the catalogue check (a search) and the order
 * push (lookupFields/search). NetSuite returns a subitem's (a matrix child's) `itemid` in searches
 * as "Parent : Child" unless the user has "Only Show Last Subitem" (Home > Set Preferences); the
 * record holds the child's own name. All three must derive the same SKU.
 */
import { skuOf } from '../../src/ts/core/items/sku';
import { skuProblem } from '../../src/ts/core/orders/items';

describe('the SKU of an item', () => {
  it('a matrix child read by search ("PARENT : CHILD") has the same SKU as read from its record ("CHILD")', () => {
    expect(skuOf({ itemId: 'PARENT : CHILD', parentId: '7' })).toBe('CHILD');
    expect(skuOf({ itemId: 'CHILD', parentId: '7' })).toBe('CHILD');
  });

  it('a nested subitem keeps only its own name', () => {
    expect(skuOf({ itemId: 'SHIRTS : SHIRT : SHIRT-RED-M', parentId: '8' })).toBe('SHIRT-RED-M');
  });

  it('a top-level item keeps its whole name, even one with " : " in it', () => {
    expect(skuOf({ itemId: 'A : B', parentId: '' })).toBe('A : B');
    expect(skuOf({ itemId: '  MUG-BLUE ' })).toBe('MUG-BLUE');
  });

  it('the order push sees no SKU mismatch for a matrix child Scend holds under its own name', () => {
    const name = skuOf({ itemId: 'PARENT : CHILD', parentId: '7' });
    expect(skuProblem({ id: '9', type: 'InvtPart', name, scendSku: 'CHILD', skuAligned: true })).toBeUndefined();
  });
});
