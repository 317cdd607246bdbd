import { account, makeOrder, nameOf } from './support/data-fixtures';

type A = ReturnType<typeof account>;
const orders = (a: A) => {
  const o1 = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.gadget, quantity: 1 }], 'B');
  o1.setValue({ fieldId: 'externalid', value: 'shop-1' }).setValue({ fieldId: 'custbody_scend_sent', value: true });
  const id1 = o1.save();
  const id2 = makeOrder(a.record, a.ids, [{ item: a.ids.gadget, quantity: 3 }]).setValue({ fieldId: 'memo', value: 'Rush order' }).save();
  return { id1, id2 };
};

describe('N/search', () => {
  test('a transaction search returns the main line plus one row per line unless mainline is set', () => {
    const a = account();
    orders(a);
    const count = (filters: unknown[]) => a.search.create({ type: 'salesorder', filters, columns: ['tranid'] }).run().getRange({ start: 0, end: 100 }).length;
    expect(count([])).toBe(5);
    expect(count([['mainline', 'is', 'T']])).toBe(2);
    expect(count([['mainline', 'is', 'F']])).toBe(3);
  });

  test('line rows carry line fields; filters on them pick lines', () => {
    const a = account();
    orders(a);
    const rows = a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'F'], 'and', ['item', 'anyof', a.ids.gadget]], columns: ['tranid', 'item', 'quantity'] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => [r.getValue({ name: 'tranid' }), r.getText({ name: 'item' }), r.getValue({ name: 'quantity' })])).toEqual([['SO1001', 'GAD-1', '1'], ['SO1002', 'GAD-1', '3']]);
  });

  test('type and status filters use NetSuite codes (SalesOrd, SalesOrd:B)', () => {
    const a = account();
    const { id1 } = orders(a);
    const rows = a.search.create({ type: 'transaction', filters: [['type', 'anyof', 'SalesOrd'], 'and', ['status', 'anyof', 'SalesOrd:B'], 'and', ['mainline', 'is', 'T']], columns: ['status'] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.id)).toEqual([String(id1)]);
    expect(rows[0]!.getText({ name: 'status' })).toBe('Pending Fulfillment');
  });

  test('or, not and nesting in filter expressions', () => {
    const a = account();
    const { id1, id2 } = orders(a);
    const ids = (filters: unknown[]) => a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'T'], 'and', filters], columns: [] }).run().getRange({ start: 0, end: 10 }).map((r) => Number(r.id));
    expect(ids([['externalid', 'is', 'shop-1'], 'or', ['memo', 'contains', 'rush']])).toEqual([id1, id2]);
    expect(ids(['not', ['custbody_scend_sent', 'is', 'T']])).toEqual([id2]);
    expect(ids([['memo', 'isempty', ''], 'and', [['orderstatus', 'anyof', 'A'], 'or', ['orderstatus', 'anyof', 'B']]])).toEqual([id1]);
  });

  test('Filter objects and createColumn work like expressions', () => {
    const a = account();
    const { id2 } = orders(a);
    const s = a.search.create({
      type: a.search.Type.SALES_ORDER,
      filters: [a.search.createFilter({ name: 'mainline', operator: a.search.Operator.IS, values: 'T' }), a.search.createFilter({ name: 'memo', operator: a.search.Operator.STARTSWITH, values: ['RUSH'] })],
      columns: [a.search.createColumn({ name: 'entity' })],
    });
    const r = s.run().getRange({ start: 0, end: 5 });
    expect(r.map((x) => Number(x.id))).toEqual([id2]);
    expect(r[0]!.getText({ name: 'entity' })).toBe('ACME');
    expect(r[0]!.getValue({ name: 'entity' })).toBe(String(a.ids.customer));
    expect(s.filterExpression).toEqual([['mainline', 'is', 'T'], 'and', ['memo', 'startswith', 'RUSH']]);
  });

  test('joins read the referenced record: item, customer and custom record selects', () => {
    const a = account();
    const { id1 } = orders(a);
    a.db.seed('customrecord_scend_log', { name: 'log 1', custrecord_scend_log_order: id1, custrecord_scend_log_state: 2 });
    const lines = a.search.create({ type: 'salesorder', filters: [['item.upccode', 'is', '0001']], columns: [a.search.createColumn({ name: 'email', join: 'customer' }), 'item.displayname'] }).run().getRange({ start: 0, end: 5 });
    expect(lines.map((r) => [r.getValue({ name: 'email', join: 'customer' }), r.getValue({ name: 'displayname', join: 'item' })])).toEqual([['ops@acme.test', 'Widget']]);
    const logs = a.search.create({ type: 'customrecord_scend_log', filters: [['custrecord_scend_log_order.externalid', 'is', 'shop-1']], columns: ['name', 'custrecord_scend_log_state'] }).run().getRange({ start: 0, end: 5 });
    expect(logs.map((r) => [r.getValue({ name: 'name' }), r.getText({ name: 'custrecord_scend_log_state' })])).toEqual([['log 1', 'Sent']]);
  });

  test('summary columns group, count, sum and max', () => {
    const a = account();
    orders(a);
    makeOrder(a.record, a.ids, [{ item: a.ids.gadget, quantity: 5 }], 'B').save();
    const rows = a.search.create({
      type: 'salesorder', filters: [['mainline', 'is', 'F']],
      columns: [a.search.createColumn({ name: 'item', summary: a.search.Summary.GROUP, sort: a.search.Sort.ASC }), a.search.createColumn({ name: 'quantity', summary: 'SUM' }), a.search.createColumn({ name: 'internalid', summary: 'COUNT' }), a.search.createColumn({ name: 'quantity', summary: 'MAX' })],
    }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => [r.getText({ name: 'item', summary: 'GROUP' }), r.getValue({ name: 'quantity', summary: 'SUM' }), r.getValue({ name: 'internalid', summary: 'COUNT' }), r.getValue({ name: 'quantity', summary: 'MAX' })]))
      .toEqual([['GAD-1', '9', '3', '5'], ['WID-1', '2', '1', '2']]);
  });

  test('sorting descending by a column', () => {
    const a = account();
    orders(a);
    const rows = a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'T']], columns: [a.search.createColumn({ name: 'tranid', sort: a.search.Sort.DESC })] }).run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.getValue({ name: 'tranid' }))).toEqual(['SO1002', 'SO1001']);
  });

  test('search results return checkboxes as booleans, numbers and dates as text', () => {
    const a = account();
    const { id1 } = orders(a);
    const r = a.search.create({ type: 'salesorder', filters: [['internalid', 'anyof', id1], 'and', ['mainline', 'is', 'T']], columns: ['custbody_scend_sent', 'trandate', 'total', 'mainline'] }).run().getRange({ start: 0, end: 1 })[0]!;
    expect(r.getValue({ name: 'custbody_scend_sent' })).toBe(true);
    expect(r.getValue({ name: 'trandate' })).toBe('3/1/2024');
    expect(r.getValue({ name: 'total' })).toBe('24');
    expect(r.getValue({ name: 'mainline' })).toBe('*');
    expect(r.toJSON()).toMatchObject({ recordType: 'salesorder', id: String(id1), values: { custbody_scend_sent: true, total: '24' } });
  });

  test('date operators: on, before, onorafter, within and relative dates', () => {
    const a = account();
    orders(a);
    a.kernel.clock.set('2024-03-05T10:00:00Z');
    const n = (f: unknown[]) => a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'T'], 'and', f], columns: [] }).run().getRange({ start: 0, end: 10 }).length;
    expect(n(['trandate', 'on', '3/1/2024'])).toBe(2);
    expect(n(['trandate', 'before', '3/1/2024'])).toBe(0);
    expect(n(['trandate', 'onorafter', '3/1/2024'])).toBe(2);
    expect(n(['trandate', 'within', '2/1/2024', '2/29/2024'])).toBe(0);
    expect(n(['trandate', 'within', 'daysago7', 'today'])).toBe(2);
  });

  test('numeric operators: equalto, greaterthan, lessthan, between', () => {
    const a = account();
    orders(a);
    const n = (f: unknown[]) => a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'F'], 'and', f], columns: [] }).run().getRange({ start: 0, end: 10 }).length;
    expect(n(['quantity', 'equalto', 3])).toBe(1);
    expect(n(['quantity', 'greaterthan', 1])).toBe(2);
    expect(n(['quantity', 'lessthan', 2])).toBe(1);
    expect(n(['quantity', 'between', 2, 3])).toBe(2);
  });

  test('an unknown filter field, join or operator is an error, not an empty result', () => {
    const a = account();
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['custbody_nope', 'is', 'x']] }))).toBe('SSS_INVALID_SRCH_FILTER');
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['nojoin.email', 'is', 'x']] }))).toBe('SSS_INVALID_SRCH_FILTER_JOIN');
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['memo', 'resembles', 'x']] }))).toBe('SSS_INVALID_SRCH_OPERATOR');
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['entity', 'is', '5']] }))).toBe('SSS_INVALID_SRCH_OPERATOR');
    expect(nameOf(() => a.search.create({ type: 'salesorder', columns: ['nofield'] }))).toBe('SSS_INVALID_SRCH_COL_NAME');
    expect(nameOf(() => a.search.create({ type: 'salesorder', filters: [['memo', 'is', 'x'], 'and'] }))).toBe('SSS_INVALID_SRCH_FILTER_EXPR');
    expect(nameOf(() => a.search.createFilter({ name: 'memo', operator: 'like', values: 'x' }))).toBe('SSS_INVALID_SRCH_OPERATOR');
  });

  test('getRange over 1,000 rows fails', () => {
    const a = account();
    orders(a);
    const rs = a.search.create({ type: 'salesorder', columns: [] }).run();
    expect(nameOf(() => rs.getRange({ start: 0, end: 1001 }))).toBe('SSS_SEARCH_RESULT_LIMIT_EXCEEDED');
    expect(rs.getRange({ start: 0, end: 1000 })).toHaveLength(5);
  });

  test('run().each stops when the callback returns false and fails past 4,000 results', () => {
    const a = account();
    for (let i = 0; i < 4001; i++) a.db.seed('customrecord_scend_log', { name: `log ${i}`, custrecord_scend_log_order: 0 === i ? seedOrder(a) : 1 });
    let seen = 0;
    a.search.create({ type: 'customrecord_scend_log', columns: ['name'] }).run().each(() => { seen++; return seen < 3; });
    expect(seen).toBe(3);
    seen = 0;
    expect(nameOf(() => a.search.create({ type: 'customrecord_scend_log', columns: ['name'] }).run().each(() => { seen++; return true; }))).toBe('SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED');
    expect(seen).toBe(4000);
  });

  test('runPaged pages results; page size must be 5..1000; fetch checks the index', () => {
    const a = account();
    for (let i = 0; i < 12; i++) a.db.seed('customer', { entityid: `C${i}` });
    const s = a.search.create({ type: 'customer', columns: ['entityid'] });
    const paged = s.runPaged({ pageSize: 5 });
    expect(paged.count).toBe(13);
    expect(paged.pageRanges.map((p) => p.index)).toEqual([0, 1, 2]);
    const last = paged.fetch({ index: 2 });
    expect((last.data as unknown[]).length).toBe(3);
    expect(last.isLast).toBe(true);
    expect(nameOf(() => paged.fetch({ index: 3 }))).toBe('INVALID_PAGE_INDEX');
    expect(nameOf(() => s.runPaged({ pageSize: 4 }))).toBe('INVALID_PAGE_RANGE');
  });

  test('lookupFields returns selects as [{value, text}], checkboxes as booleans, joined fields by join.name', () => {
    const a = account();
    const { id1 } = orders(a);
    const v = a.search.lookupFields({ type: 'salesorder', id: id1, columns: ['entity', 'custbody_scend_sent', 'tranid', 'customer.email', 'custbody_scend_state'] });
    expect(v).toEqual({ entity: [{ value: String(a.ids.customer), text: 'ACME' }], custbody_scend_sent: true, tranid: 'SO1001', 'customer.email': 'ops@acme.test', custbody_scend_state: [] });
  });

  test("lookupFields on the 'item' search type reads any item type; a custom field of other item types comes back empty", () => {
    const a = account();
    expect(a.search.lookupFields({ type: 'item', id: a.ids.widget, columns: ['type', 'itemid'] })).toEqual({ type: [{ value: 'InvtPart', text: 'Inventory Item' }], itemid: 'WID-1' });
    expect(a.search.lookupFields({ type: 'item', id: a.ids.service, columns: ['type', 'custitem_scend_sku'] })).toEqual({ type: [{ value: 'Service', text: 'Service' }], custitem_scend_sku: '' });
    expect(nameOf(() => a.search.lookupFields({ type: 'serviceitem', id: a.ids.service, columns: ['custitem_scend_sku'] }))).toBe('SSS_INVALID_SRCH_COL_NAME');
    expect(nameOf(() => a.search.lookupFields({ type: 'item', id: 99999, columns: ['itemid'] }))).toBe('RCRD_DSNT_EXIST');
  });

  test('saved searches: save by customsearch id, load by id, delete', () => {
    const a = account();
    orders(a);
    const s = a.search.create({ type: 'salesorder', filters: [['mainline', 'is', 'T']], columns: ['tranid'] });
    const internalId = s.save({ id: 'customsearch_scend_open', title: 'Open orders' });
    expect(typeof internalId).toBe('number');
    const loaded = a.search.load({ id: 'customsearch_scend_open' });
    expect(loaded.run().getRange({ start: 0, end: 10 })).toHaveLength(2);
    expect(nameOf(() => a.search.create({ type: 'salesorder', columns: [] }).save({ id: 'customsearch_scend_open', title: 'dup' }))).toBe('DUP_CSTM_SRCH_ID');
    expect(nameOf(() => a.search.create({ type: 'salesorder', columns: [] }).save({ id: 'my_search', title: 'bad' }))).toBe('INVALID_SCRIPT_ID');
    a.search.delete({ id: 'customsearch_scend_open' });
    expect(nameOf(() => a.search.load({ id: 'customsearch_scend_open' }))).toBe('INVALID_SEARCH');
  });

  // NetSuite Help: Search.isPublic — "By default, all searches created through search.create(options) are private."
  test('saved searches keep isPublic: private unless set, public once saved so', () => {
    const a = account();
    const s = a.search.create({ type: 'salesorder', columns: ['tranid'] });
    expect(s.isPublic).toBe(false);
    s.save({ id: 'customsearch_private', title: 'Private' });
    expect(a.search.load({ id: 'customsearch_private' }).isPublic).toBe(false);
    const loaded = a.search.load({ id: 'customsearch_private' });
    loaded.isPublic = true;
    loaded.save();
    expect(a.search.load({ id: 'customsearch_private' }).isPublic).toBe(true);
  });

  test('governance: load 5, each 10, getRange 10, runPaged 5, fetch 5, lookupFields 1, save 5, create 0', () => {
    const a = account();
    const { id1 } = orders(a);
    a.kernel.governor.charges.length = 0;
    const s = a.search.create({ type: 'salesorder', columns: [] });
    s.save({ id: 'customsearch_x', title: 'x' });
    const l = a.search.load({ id: 'customsearch_x' });
    l.run().each(() => false);
    l.run().getRange({ start: 0, end: 1 });
    l.runPaged({ pageSize: 5 }).fetch({ index: 0 });
    a.search.lookupFields({ type: 'salesorder', id: id1, columns: ['tranid'] });
    expect(a.kernel.governor.charges.map((c) => c.units)).toEqual([5, 5, 10, 10, 5, 5, 1]);
  });
});

function seedOrder(a: A): number {
  return makeOrder(a.record, a.ids).save();
}
