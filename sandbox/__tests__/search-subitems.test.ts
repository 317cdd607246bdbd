/**
 * Subitems (matrix children are subitems of their matrix parent): the record holds the item's own
 * name; searches and lookupFields show the chain "Parent : Child" unless the user has the
 * "Only Show Last Subitem" preference (NetSuite Help: Setting Personal Preferences, General
 * subtab, "Only Show Last Subitem"; matrix items: "Parent : Child" item names in search results).
 */
import { account } from './support/data-fixtures';

function withChild() {
  const a = account();
  const parent = a.db.seed('inventoryitem', { itemid: 'SHIRT' });
  const child = a.record.create({ type: 'inventoryitem' });
  child.setValue({ fieldId: 'itemid', value: 'SHIRT-RED-M' });
  child.setValue({ fieldId: 'parent', value: parent });
  const id = child.save();
  const grandchild = a.db.seed('inventoryitem', { itemid: 'SHIRT-RED-M-SLIM', parent: id });
  return { a, parent, id, grandchild };
}

describe('subitem names', () => {
  test('the record holds the own name; a search shows "Parent : Child", nested chains included', () => {
    const { a, id, grandchild } = withChild();
    expect(a.record.load({ type: 'inventoryitem', id }).getValue({ fieldId: 'itemid' })).toBe('SHIRT-RED-M');
    const rows = a.search.create({ type: 'item', filters: [['internalid', 'anyof', [id, grandchild]]], columns: ['itemid', 'parent'] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.getValue({ name: 'itemid' }))).toEqual(['SHIRT : SHIRT-RED-M', 'SHIRT : SHIRT-RED-M : SHIRT-RED-M-SLIM']);
    expect(a.search.lookupFields({ type: 'inventoryitem', id, columns: ['itemid'] }).itemid).toBe('SHIRT : SHIRT-RED-M');
  });

  test('a top-level item is shown by its own name', () => {
    const { a, parent } = withChild();
    expect(a.search.lookupFields({ type: 'item', id: parent, columns: ['itemid'] }).itemid).toBe('SHIRT');
  });

  test('with Only Show Last Subitem, searches show only the own name', () => {
    const { a, id } = withChild();
    a.db.preferences.onlyShowLastSubitem = true;
    expect(a.search.lookupFields({ type: 'item', id, columns: ['itemid'] }).itemid).toBe('SHIRT-RED-M');
  });
});

describe('matrix items', () => {
  // NetSuite Help: "Working with Matrix Items in SOAP web services" — matrixType parent/child, a child's
  // parent must be a matrix parent (INVALID_MATRIX_PARENT); item search filters matrix / matrixchild.
  test('matrix and matrixchild tell a matrix parent from its children and from plain items', () => {
    const a = account();
    const parent = a.db.seed('inventoryitem', { itemid: 'TEE', matrixtype: 'PARENT' });
    const child = a.record.create({ type: 'inventoryitem' });
    child.setValue({ fieldId: 'itemid', value: 'TEE-S' }).setValue({ fieldId: 'parent', value: parent }).setValue({ fieldId: 'matrixtype', value: 'CHILD' });
    const childId = child.save();
    const rows = a.search.create({ type: 'item', filters: [['internalid', 'anyof', [parent, childId, a.ids.widget]]], columns: ['itemid', 'matrix', 'matrixchild'] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => [r.getValue({ name: 'itemid' }), r.getValue({ name: 'matrix' }), r.getValue({ name: 'matrixchild' })])).toEqual([
      ['WID-1', false, false],
      ['TEE', true, false],
      ['TEE : TEE-S', true, true],
    ]);
  });

  test('a matrix child whose parent is no matrix parent is refused with INVALID_MATRIX_PARENT', () => {
    const a = account();
    const child = a.record.create({ type: 'inventoryitem' });
    child.setValue({ fieldId: 'itemid', value: 'ORPHAN-S' }).setValue({ fieldId: 'parent', value: a.ids.widget }).setValue({ fieldId: 'matrixtype', value: 'CHILD' });
    expect(() => child.save()).toThrow(expect.objectContaining({ name: 'INVALID_MATRIX_PARENT' }));
  });
});
