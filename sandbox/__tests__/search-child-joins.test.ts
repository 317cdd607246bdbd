/**
 * NetSuite joins a record's search to the custom records pointing at it through their select field
 * (join id = that field's id), as an outer join; and '@NONE@' in anyof/noneof means "empty".
 */
import { account, makeOrder, nameOf } from './support/data-fixtures';

type A = ReturnType<typeof account>;

/** Three approved orders: one with no log, one with one log (state 1), one with two logs (states 1 and 2). */
function ordersWithLogs(a: A) {
  const none = makeOrder(a.record, a.ids, undefined, 'B').save();
  const one = makeOrder(a.record, a.ids, undefined, 'B').save();
  const two = makeOrder(a.record, a.ids, undefined, 'B').save();
  const logOne = a.db.seed('customrecord_scend_log', { name: 'one', custrecord_scend_log_order: one, custrecord_scend_log_state: 1, custrecord_scend_log_attempts: 1 });
  const logTwoA = a.db.seed('customrecord_scend_log', { name: 'two-a', custrecord_scend_log_order: two, custrecord_scend_log_state: 1, custrecord_scend_log_attempts: 2 });
  const logTwoB = a.db.seed('customrecord_scend_log', { name: 'two-b', custrecord_scend_log_order: two, custrecord_scend_log_state: 2, custrecord_scend_log_attempts: 3 });
  return { none, one, two, logOne, logTwoA, logTwoB };
}

/** Main-line rows of a sales order search; `filters`: at most one more term. */
const ids = (a: A, filters: unknown[], columns: unknown[] = []) =>
  a.search.create({ type: 'salesorder', filters: filters.length ? [['mainline', 'is', 'T'], 'and', ...filters] : [['mainline', 'is', 'T']], columns }).run().getRange({ start: 0, end: 100 });

describe('N/search joins to child custom records', () => {
  test('a transaction search can join child custom records through their select field, and anyof @NONE@ finds parents with none', () => {
    const a = account();
    const o = ordersWithLogs(a);
    expect(ids(a, [['custrecord_scend_log_order.internalid', 'anyof', '@NONE@']]).map((r) => Number(r.id))).toEqual([o.none]);
    expect(ids(a, [['custrecord_scend_log_order.internalid', 'noneof', '@NONE@']]).map((r) => Number(r.id))).toEqual([o.one, o.two, o.two]);
  });

  test('the child join is an outer join: one row per child, and its columns read that child', () => {
    const a = account();
    const o = ordersWithLogs(a);
    const rows = ids(a, [], ['tranid', 'custrecord_scend_log_order.name', { name: 'custrecord_scend_log_attempts', join: 'custrecord_scend_log_order' }]);
    expect(rows.map((r) => [Number(r.id), r.getValue({ name: 'name', join: 'custrecord_scend_log_order' }), r.getValue({ name: 'custrecord_scend_log_attempts', join: 'custrecord_scend_log_order' })]))
      .toEqual([[o.none, '', ''], [o.one, 'one', '1'], [o.two, 'two-a', '2'], [o.two, 'two-b', '3']]);
  });

  test('a filter on a child field keeps the parents (once per matching child) that have such a child', () => {
    const a = account();
    const o = ordersWithLogs(a);
    expect(ids(a, [['custrecord_scend_log_order.custrecord_scend_log_state', 'anyof', '2']]).map((r) => Number(r.id))).toEqual([o.two]);
    expect(ids(a, [['custrecord_scend_log_order.custrecord_scend_log_attempts', 'greaterthan', 0]]).map((r) => Number(r.id))).toEqual([o.one, o.two, o.two]);
    const grouped = a.search.create({
      type: 'salesorder', filters: [['mainline', 'is', 'T'], 'and', ['custrecord_scend_log_order.internalid', 'noneof', '@NONE@']],
      columns: [a.search.createColumn({ name: 'internalid', summary: 'GROUP' }), a.search.createColumn({ name: 'internalid', join: 'custrecord_scend_log_order', summary: 'COUNT' })],
    }).run().getRange({ start: 0, end: 10 });
    expect(grouped.map((r) => [Number(r.getValue({ name: 'internalid', summary: 'GROUP' })), r.getValue({ name: 'internalid', join: 'custrecord_scend_log_order', summary: 'COUNT' })])).toEqual([[o.one, '1'], [o.two, '2']]);
  });

  test('a join id that is neither a select field of the record nor a child select field pointing at it is an invalid join', () => {
    const a = account();
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['custrecord_scend_log_attempts.internalid', 'anyof', '@NONE@']] }))).toBe('SSS_INVALID_SRCH_FILTER_JOIN');
    expect(nameOf(() => a.search.create({ type: 'customer', filters: [['custrecord_scend_log_order.internalid', 'anyof', '@NONE@']] }))).toBe('SSS_INVALID_SRCH_FILTER_JOIN');
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['custrecord_scend_log_order.nofield', 'is', 'x']] }))).toBe('SSS_INVALID_SRCH_FILTER');
  });

  test('the custom record\'s own select field still joins forward to the record it references', () => {
    const a = account();
    const o = ordersWithLogs(a);
    const rows = a.search.create({ type: 'customrecord_scend_log', filters: [['custrecord_scend_log_order.internalid', 'anyof', o.two]], columns: ['name'] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.getValue({ name: 'name' }))).toEqual(['two-a', 'two-b']);
  });
});

describe('N/search @NONE@', () => {
  test('anyof @NONE@ matches empty select and multiselect fields; noneof @NONE@ matches filled ones', () => {
    const a = account();
    const empty = makeOrder(a.record, a.ids).save();
    const filled = makeOrder(a.record, a.ids).setValue({ fieldId: 'custbody_scend_state', value: 1 }).setValue({ fieldId: 'custbody_scend_tags', value: [1, 2] }).save();
    const got = (f: unknown[]) => ids(a, [f]).map((r) => Number(r.id));
    expect(got(['custbody_scend_state', 'anyof', '@NONE@'])).toEqual([empty]);
    expect(got(['custbody_scend_state', 'noneof', '@NONE@'])).toEqual([filled]);
    expect(got(['custbody_scend_state', 'anyof', '@NONE@', '1'])).toEqual([empty, filled]);
    expect(got(['custbody_scend_tags', 'anyof', '@NONE@'])).toEqual([empty]);
    expect(got(['custbody_scend_tags', 'noneof', '@NONE@'])).toEqual([filled]);
  });

  test('anyof @NONE@ through a join to an empty reference matches (the joined field keeps its select kind)', () => {
    const a = account();
    const empty = makeOrder(a.record, a.ids).save();
    const filled = makeOrder(a.record, a.ids).setValue({ fieldId: 'custbody_scend_state', value: 1 }).save();
    const got = (f: unknown[]) => ids(a, [f]).map((r) => Number(r.id));
    expect(got(['custbody_scend_state.internalid', 'anyof', '@NONE@'])).toEqual([empty]);
    expect(got(['custbody_scend_state.internalid', 'noneof', '@NONE@'])).toEqual([filled]);
  });
});
