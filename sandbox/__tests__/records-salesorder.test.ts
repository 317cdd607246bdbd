import type { SandboxRecord } from '../src/data/record';
import { account, makeOrder, nameOf } from './support/data-fixtures';

const fulfil = (a: ReturnType<typeof account>, soId: number, qty?: number): number => {
  const f = a.record.transform({ fromType: 'salesorder', fromId: soId, toType: 'itemfulfillment' });
  if (qty !== undefined) f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: qty });
  return f.save();
};

describe('sales order status machine', () => {
  test('a new sales order defaults to Pending Approval (A)', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    const so = a.record.load({ type: 'salesorder', id });
    expect(so.getValue({ fieldId: 'orderstatus' })).toBe('A');
    expect(so.getValue({ fieldId: 'status' })).toBe('Pending Approval');
  });

  test('a new sales order can only be created as A or B', () => {
    const a = account();
    expect(nameOf(() => makeOrder(a.record, a.ids).setValue({ fieldId: 'orderstatus', value: 'F' }).save())).toBe('INVALID_STATUS_CHANGE');
    expect(a.db.peek('salesorder', makeOrder(a.record, a.ids, undefined, 'B').save()).fields.orderstatus).toBe('B');
  });

  test('editing orderstatus from A to B approves; other status edits are refused', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setValue({ fieldId: 'orderstatus', value: 'B' });
    so.save();
    expect(a.db.peek('salesorder', id).fields.orderstatus).toBe('B');
    const back = a.record.load({ type: 'salesorder', id });
    back.setValue({ fieldId: 'orderstatus', value: 'A' });
    expect(nameOf(() => back.save())).toBe('INVALID_STATUS_CHANGE');
  });

  // NetSuite Help: Sales Order Statuses — shipped but not yet billed is "Pending Billing/Partially Fulfilled" (E)
  test('fulfilling part of an order makes it Pending Billing/Partially Fulfilled (E), all of it Pending Billing (F)', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    fulfil(a, id, 1);
    expect(a.db.peek('salesorder', id).fields.orderstatus).toBe('E');
    fulfil(a, id);
    const so = a.db.peek('salesorder', id);
    expect(so.fields.orderstatus).toBe('F');
    expect(so.sublists.item![0]!.quantityfulfilled).toBe(4);
  });

  test('transform with nothing left to fulfil throws', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }], 'B').save();
    fulfil(a, id);
    expect(nameOf(() => a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }))).toBe('INVALID_INITIALIZE_REF');
    // nothing to fulfil on an order whose lines are all on (unshipped) fulfilments already
    const picked = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 1 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: picked, toType: 'itemfulfillment' });
    f.setValue({ fieldId: 'shipstatus', value: 'A' });
    f.save();
    expect(nameOf(() => a.record.transform({ fromType: 'salesorder', fromId: picked, toType: 'itemfulfillment' }))).toBe('VALID_LINE_ITEM_REQD');
    const services = makeOrder(a.record, a.ids, [{ item: a.ids.service, quantity: 1 }], 'B').save();
    expect(nameOf(() => a.record.transform({ fromType: 'salesorder', fromId: services, toType: 'itemfulfillment' }))).toBe('VALID_LINE_ITEM_REQD');
  });

  test('a pending-approval order cannot be fulfilled', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    expect(nameOf(() => a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }))).toBe('INVALID_INITIALIZE_REF');
  });

  test('fulfilling more than remains on the line throws and changes nothing', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
    expect(nameOf(() => f.save())).toBe('QTY_EXCEEDS_REMAINING');
    expect(a.db.peek('salesorder', id).sublists.item![0]!.quantityfulfilled).toBe(0);
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);
  });

  test('a fulfilment records packages, tracking and ship status and points at the order line', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }], 'B').save();
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    f.setValue({ fieldId: 'shipstatus', value: 'C' });
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '1Z999' });
    f.setSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: 0, value: 2.5 });
    const ifId = f.save();
    const saved = a.record.load({ type: 'itemfulfillment', id: ifId });
    expect(saved.getValue({ fieldId: 'createdfrom' })).toBe(String(id));
    expect(saved.getSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0 })).toBe('1Z999');
    expect(saved.getSublistValue({ sublistId: 'item', fieldId: 'orderline', line: 0 })).toBe(1);
    expect(saved.getText({ fieldId: 'shipstatus' })).toBe('Shipped');
    expect(nameOf(() => saved.setValue({ fieldId: 'shipstatus', value: 'Z' }))).toBe('INVALID_FLD_VALUE');
  });

  test('closing every line closes the order (H)', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 1 }, { item: a.ids.gadget, quantity: 1 }], 'B').save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
    so.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 1, value: true });
    so.save();
    expect(a.db.peek('salesorder', id).fields.orderstatus).toBe('H');
  });

  test('cancelling is refused once anything is fulfilled', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    fulfil(a, id, 1);
    expect(nameOf(() => a.db.cancelSalesOrder(id))).toBe('INVALID_STATUS_CHANGE');
    const fresh = makeOrder(a.record, a.ids, undefined, 'B').save();
    a.db.cancelSalesOrder(fresh);
    expect(a.db.peek('salesorder', fresh).fields.status).toBe('Cancelled');
  });

  test('a fulfilled line cannot be removed or reduced below what shipped', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    fulfil(a, id, 2);
    const so = a.record.load({ type: 'salesorder', id });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
    expect(nameOf(() => so.save())).toBe('INVALID_FLD_VALUE');
    const so2 = a.record.load({ type: 'salesorder', id });
    so2.removeLine({ sublistId: 'item', line: 0 });
    so2.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.gadget });
    expect(nameOf(() => so2.save())).toBe('SSS_INVALID_SUBLIST_OPERATION');
  });

  test('the entity is mandatory even with ignoreMandatoryFields', () => {
    const a = account();
    const so = a.record.create({ type: 'salesorder' });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: a.ids.widget });
    expect(nameOf(() => so.save({ ignoreMandatoryFields: true }))).toBe('USER_ERROR');
  });
});

describe('user events around saves', () => {
  const types = (a: ReturnType<typeof account>) => a.kernel.hooks.events.map((e) => `${e.stage}:${e.recordType}:${e.type}`);

  test('create, edit and delete fire beforeSubmit and afterSubmit with their types', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setValue({ fieldId: 'memo', value: 'edited' });
    so.save();
    a.record.delete({ type: 'salesorder', id });
    expect(types(a)).toEqual([
      'beforeSubmit:salesorder:create', 'afterSubmit:salesorder:create',
      'beforeSubmit:salesorder:edit', 'afterSubmit:salesorder:edit',
      'beforeSubmit:salesorder:delete', 'afterSubmit:salesorder:delete',
    ]);
  });

  test('oldRecord holds the committed values and newRecord the saved ones, both read-only after submit', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    const so = a.record.load({ type: 'salesorder', id });
    so.setValue({ fieldId: 'memo', value: 'after' });
    so.save();
    const after = a.kernel.hooks.events.at(-1)!;
    expect((after.newRecord as SandboxRecord).getValue({ fieldId: 'memo' })).toBe('after');
    expect((after.oldRecord as SandboxRecord).getValue({ fieldId: 'memo' })).toBe('');
    expect(nameOf(() => (after.newRecord as SandboxRecord).setValue({ fieldId: 'memo', value: 'x' }))).toBe('THAT_RECORD_IS_NOT_EDITABLE');
  });

  test('user events receive xedit with only the edited fields', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    a.record.submitFields({ type: 'salesorder', id, values: { memo: 'inline', custbody_scend_order_id: 'S-1' } });
    const after = a.kernel.hooks.events.at(-1)!;
    expect(after.type).toBe('xedit');
    const nr = after.newRecord as SandboxRecord;
    expect(nr.getValue({ fieldId: 'memo' })).toBe('inline');
    expect(nr.getValue({ fieldId: 'entity' })).toBe('');
    expect(nr.id).toBe(id);
    expect(a.db.peek('salesorder', id).fields.entity).toBe(String(a.ids.customer));
  });

  test('a beforeSubmit error aborts the save: nothing is written', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    a.kernel.hooks.onBeforeSubmit = () => { throw new Error('blocked by UE'); };
    const so = a.record.load({ type: 'salesorder', id });
    so.setValue({ fieldId: 'memo', value: 'never' });
    expect(() => so.save()).toThrow('blocked by UE');
    expect(() => makeOrder(a.record, a.ids).save()).toThrow('blocked by UE');
    expect(a.db.peek('salesorder', id).fields.memo).toBeUndefined();
    expect(a.db.store.count('salesorder')).toBe(1);
  });

  test('changes made to newRecord in beforeSubmit are saved', () => {
    const a = account();
    a.kernel.hooks.onBeforeSubmit = (e) => { if (e.type === 'create') (e.newRecord as SandboxRecord).setValue({ fieldId: 'memo', value: 'stamped' }); };
    const id = makeOrder(a.record, a.ids).save();
    expect(a.db.peek('salesorder', id).fields.memo).toBe('stamped');
  });

  test('the approve and cancel helpers fire approve and cancel', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids).save();
    a.db.approveSalesOrder(id);
    a.db.cancelSalesOrder(id);
    expect(types(a).slice(2)).toEqual(['beforeSubmit:salesorder:approve', 'afterSubmit:salesorder:approve', 'beforeSubmit:salesorder:cancel', 'afterSubmit:salesorder:cancel']);
    expect(nameOf(() => a.db.approveSalesOrder(id))).toBe('INVALID_STATUS_CHANGE');
  });

  test('a fulfilment fires user events on the fulfilment, not on the sales order', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, undefined, 'B').save();
    a.kernel.hooks.events.length = 0;
    fulfil(a, id);
    expect(types(a)).toEqual(['beforeSubmit:itemfulfillment:create', 'afterSubmit:itemfulfillment:create']);
  });
});
