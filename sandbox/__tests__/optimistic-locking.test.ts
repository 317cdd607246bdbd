/**
 * NetSuite Help, "record.Record.save(options)" and SuiteAnswers "RCRD_HAS_BEEN_CHANGED: Record has
 * been changed": NetSuite locks optimistically. Saving a record object read before someone else
 * saved the same record is refused; record.submitFields carries no version (last writer wins);
 * a freshly loaded copy saves. A record transformed from a source that changed since is refused too.
 */
import { account, makeOrder, nameOf } from './support/data-fixtures';

const order = (a: ReturnType<typeof account>): number => makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 1 }], 'B').save();

describe('optimistic locking (RCRD_HAS_BEEN_CHANGED)', () => {
  test.each([false, true])('a copy loaded before another save of the record is refused (dynamic: %s)', (isDynamic) => {
    const a = account();
    const id = order(a);
    const first = a.record.load({ type: 'salesorder', id, isDynamic });
    const second = a.record.load({ type: 'salesorder', id, isDynamic });
    first.setValue({ fieldId: 'memo', value: 'first' });
    first.save();
    second.setValue({ fieldId: 'memo', value: 'second' });
    expect(nameOf(() => second.save())).toBe('RCRD_HAS_BEEN_CHANGED');
    expect(a.db.peek('salesorder', id).fields.memo).toBe('first');
  });

  test('submitFields in between also makes a loaded copy stale, while submitFields itself never checks', () => {
    const a = account();
    const id = order(a);
    const held = a.record.load({ type: 'salesorder', id });
    a.record.submitFields({ type: 'salesorder', id, values: { memo: 'by submitFields' } });
    a.record.submitFields({ type: 'salesorder', id, values: { memo: 'again, last writer wins' } });
    held.setValue({ fieldId: 'memo', value: 'stale' });
    expect(nameOf(() => held.save())).toBe('RCRD_HAS_BEEN_CHANGED');
    expect(a.db.peek('salesorder', id).fields.memo).toBe('again, last writer wins');
  });

  test('a freshly loaded copy saves, and the same object can be saved again when nobody else saved', () => {
    const a = account();
    const id = order(a);
    a.record.submitFields({ type: 'salesorder', id, values: { memo: 'x' } });
    const fresh = a.record.load({ type: 'salesorder', id });
    fresh.setValue({ fieldId: 'memo', value: 'fresh' });
    expect(fresh.save()).toBe(id);
    fresh.setValue({ fieldId: 'memo', value: 'fresh twice' });
    expect(fresh.save()).toBe(id);
    expect(a.db.peek('salesorder', id).fields.memo).toBe('fresh twice');
  });

  test('non-transaction records (an account) lock the same way', () => {
    const a = account();
    const acct = a.record.load({ type: 'account', id: a.ids.account });
    const other = a.record.load({ type: 'account', id: a.ids.account });
    acct.setValue({ fieldId: 'acctname', value: 'Stock loss' });
    acct.save();
    other.setValue({ fieldId: 'acctname', value: 'Shrinkage' });
    expect(nameOf(() => other.save())).toBe('RCRD_HAS_BEEN_CHANGED');
  });

  test('an item fulfilment transformed from an order that changed since is refused, and nothing ships', () => {
    const a = account();
    const id = order(a);
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    a.record.submitFields({ type: 'salesorder', id, values: { memo: 'edited while the fulfilment was open' } });
    expect(nameOf(() => f.save())).toBe('RCRD_HAS_BEEN_CHANGED');
    expect(a.db.stockLevel(a.ids.widget, a.ids.east).onHand).toBe(10);
    // Transforming again from the current order works.
    expect(typeof a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save()).toBe('number');
  });

  test('a fulfilment saved meanwhile also changes the order (its status and quantities moved)', () => {
    const a = account();
    const id = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 4 }], 'B').save();
    const held = a.record.load({ type: 'salesorder', id });
    const f = a.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
    f.save();
    held.setValue({ fieldId: 'memo', value: 'stale' });
    expect(nameOf(() => held.save())).toBe('RCRD_HAS_BEEN_CHANGED');
  });
});
