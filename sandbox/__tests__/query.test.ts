import { createQueryModule } from '../src/modules/query/query-module';
import { sqlEngineReady } from '../src/modules/query/engine';
import { account, makeOrder, nameOf } from './support/data-fixtures';

beforeAll(() => sqlEngineReady);

const setup = () => {
  const a = account();
  const query = createQueryModule(a.kernel, a.db);
  const so1 = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.gadget, quantity: 1 }], 'B');
  so1.setValue({ fieldId: 'externalid', value: 'shop-1' }).setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
  const id1 = so1.save();
  const id2 = makeOrder(a.record, a.ids, [{ item: a.ids.gadget, quantity: 3 }]).setValue({ fieldId: 'memo', value: 'Rush order' }).save();
  return { ...a, query, id1, id2 };
};

const errorOf = (fn: () => unknown): { name: string; message: string } => {
  try { fn(); } catch (e) { return { name: (e as Error).name, message: (e as Error).message }; }
  return { name: 'no error', message: '' };
};

describe('N/query SuiteQL', () => {
  // NetSuite Help: SuiteQL.params (string | number | boolean) and SuiteQLTask.params (Array<string | boolean | number>)
  test('a Date (or any object) as a parameter is refused with WRONG_PARAMETER_TYPE, never bound as something else', () => {
    const a = setup();
    const sql = "SELECT t.id FROM transaction t WHERE t.trandate >= TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')";
    expect(errorOf(() => a.query.runSuiteQL({ query: sql, params: [new Date()] })).name).toBe('WRONG_PARAMETER_TYPE');
    expect(errorOf(() => a.query.runSuiteQLPaged({ query: sql, params: [{}], pageSize: 5 })).name).toBe('WRONG_PARAMETER_TYPE');
    expect(a.query.runSuiteQL({ query: sql, params: ['2000-01-01 00:00:00'] }).results.length).toBe(2);
  });

  // NetSuite Help: query.runSuiteQL(options) — a query string plus positional params; ResultSet.results[].values, asMappedResults()
  test('runSuiteQL joins transaction and transactionline with params and returns values and mapped results', () => {
    const a = setup();
    const rs = a.query.runSuiteQL({
      query: `SELECT t.id, t.tranid, t.type, tl.item, tl.quantity FROM transaction t
              JOIN transactionline tl ON tl.transaction = t.id
              WHERE t.type = ? AND tl.mainline = 'F' AND tl.item = ? ORDER BY t.id`,
      params: ['SalesOrd', a.ids.gadget],
    });
    // NetSuite stores sales-order line quantities negative (items leave stock).
    expect(rs.results.map((r) => r.values)).toEqual([[a.id1, 'SO1001', 'SalesOrd', a.ids.gadget, -1], [a.id2, 'SO1002', 'SalesOrd', a.ids.gadget, -3]]);
    expect(rs.asMappedResults()[0]).toEqual({ id: a.id1, tranid: 'SO1001', type: 'SalesOrd', item: a.ids.gadget, quantity: -1 });
    expect(rs.types).toEqual(['INTEGER', 'STRING', 'STRING', 'INTEGER', 'INTEGER']);
  });

  // NetSuite Help: SuiteQL — one main line per transaction (mainline 'T'), booleans 'T'/'F', empty values NULL
  test('every transaction has one main line; checkboxes are T/F and empty fields NULL', () => {
    const a = setup();
    const rows = a.query.runSuiteQL({ query: "SELECT transaction, COUNT(*) AS n FROM transactionline WHERE mainline = 'T' GROUP BY transaction ORDER BY transaction" }).asMappedResults();
    expect(rows).toEqual([{ transaction: a.id1, n: 1 }, { transaction: a.id2, n: 1 }]);
    const t = a.query.runSuiteQL({ query: 'SELECT externalid, memo, status FROM transaction ORDER BY id' }).asMappedResults();
    expect(t).toEqual([{ externalid: 'shop-1', memo: null, status: 'B' }, { externalid: null, memo: 'Rush order', status: 'A' }]);
    const closed = a.query.runSuiteQL({ query: "SELECT DISTINCT isclosed FROM transactionline WHERE mainline = 'F'" }).results.map((r) => r.values[0]);
    expect(closed).toEqual(['F']);
  });

  // NetSuite Help: BUILTIN.DF — the display value of a field; unnamed expressions are expr1, expr2, ...
  test('BUILTIN.DF gives display texts and unaliased expressions are named exprN', () => {
    const a = setup();
    const r = a.query.runSuiteQL({ query: `SELECT BUILTIN.DF(t.entity), BUILTIN.DF(t.status), BUILTIN.DF(t.type) AS typename, t.tranid FROM transaction t WHERE t.id = ?`, params: [a.id1] }).asMappedResults();
    expect(r).toEqual([{ expr1: 'ACME', expr2: 'Sales Order : Pending Fulfillment', typename: 'Sales Order', tranid: 'SO1001' }]);
  });

  test('item, location and stock tables use NetSuite names; quantities follow commitments', () => {
    const a = setup();
    const items = a.query.runSuiteQL({ query: "SELECT itemid, itemtype, isinactive FROM item WHERE itemtype = 'InvtPart' ORDER BY itemid" }).asMappedResults();
    expect(items).toEqual([{ itemid: 'GAD-1', itemtype: 'InvtPart', isinactive: 'F' }, { itemid: 'WID-1', itemtype: 'InvtPart', isinactive: 'F' }]);
    const stock = a.query.runSuiteQL({
      query: `SELECT i.itemid, BUILTIN.DF(l.location) AS loc, l.quantityonhand, l.quantitycommitted, l.quantityavailable
              FROM inventoryitemlocations l JOIN item i ON i.id = l.item ORDER BY i.itemid`,
    }).asMappedResults();
    // SO1001 (approved) commits 2 widgets and 1 gadget; SO1002 is pending approval and commits nothing.
    expect(stock).toEqual([
      { itemid: 'GAD-1', loc: 'East', quantityonhand: 5, quantitycommitted: 1, quantityavailable: 4 },
      { itemid: 'WID-1', loc: 'East', quantityonhand: 10, quantitycommitted: 2, quantityavailable: 8 },
    ]);
  });

  test('tables follow the data: a record saved after a query is seen by the next query', () => {
    const a = setup();
    const count = () => a.query.runSuiteQL({ query: "SELECT COUNT(*) FROM transaction WHERE type = 'SalesOrd'" }).results[0]!.values[0];
    expect(count()).toBe(2);
    makeOrder(a.record, a.ids).save();
    expect(count()).toBe(3);
  });

  test('display texts follow the data: renaming the customer changes BUILTIN.DF(entity) in the next query', () => {
    const a = setup();
    const name = () => a.query.runSuiteQL({ query: 'SELECT BUILTIN.DF(entity) AS c FROM transaction WHERE id = ?', params: [a.id1] }).results[0]!.values[0];
    expect(name()).toBe('ACME');
    a.record.submitFields({ type: 'customer', id: a.ids.customer, values: { entityid: 'ACME-2' } });
    expect(name()).toBe('ACME-2');
  });

  test('custom record types are tables named by script id with their custrecord_ columns', () => {
    const a = setup();
    const types = a.db.registry.ofFamily('customrecord');
    expect(types.length).toBeGreaterThan(0);
    const def = types[0]!;
    const rs = a.query.runSuiteQL({ query: `SELECT id, externalid, isinactive, created, lastmodified FROM ${def.id}` });
    expect(rs.results).toEqual([]);
    expect(rs.columns.map((c) => c.fieldId)).toEqual(['id', 'externalid', 'isinactive', 'created', 'lastmodified']);
  });

  test('dates come back in the user format and compare with TO_DATE and M/D/YYYY literals', () => {
    const a = setup();
    const rows = a.query.runSuiteQL({ query: "SELECT trandate, TO_CHAR(trandate, 'YYYY-MM-DD') AS iso FROM transaction WHERE trandate >= TO_DATE('2020-01-01', 'YYYY-MM-DD') AND trandate <= '12/31/2099' AND id = ?", params: [a.id1] }).asMappedResults();
    const d = a.kernel.clock.now();
    expect(rows).toEqual([{ trandate: `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`, iso: d.toISOString().slice(0, 10) }]);
    expect(a.query.runSuiteQL({ query: "SELECT NVL(memo, 'none') AS m FROM transaction WHERE id = ?", params: [a.id1] }).results[0]!.values).toEqual(['none']);
  });

  // NetSuite Help: "SuiteQL Supported and Unsupported Functions" (TO_DATE); Oracle TO_DATE with HH24:MI:SS
  // gives a date with its time, midnight included, so a datetime later that day compares after it.
  test('TO_DATE with a time format is a date-time at midnight too: datetime columns compare with it', () => {
    const a = setup();
    const day = a.kernel.clock.now().toISOString().slice(0, 10);
    const q = (sql: string) => a.query.runSuiteQL({ query: sql, params: [`${day} 00:00:00`, a.id1] }).results.length;
    expect(q("SELECT id FROM transaction WHERE createddate >= TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS') AND id = ?")).toBe(1);
    expect(q("SELECT id FROM transaction WHERE createddate < TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS') AND id = ?")).toBe(0);
  });

  // NetSuite Help: query.runSuiteQLPaged(options) — pageSize 5..1000, PagedData.count/pageRanges, fetch({ index }) → Page.data
  test('runSuiteQLPaged pages rows; fetch checks the index', () => {
    const a = setup();
    for (let i = 0; i < 10; i++) makeOrder(a.record, a.ids).save();
    const paged = a.query.runSuiteQLPaged({ query: 'SELECT id FROM transaction ORDER BY id', pageSize: 5 });
    expect(paged.count).toBe(12);
    expect(paged.pageRanges.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(paged.fetch({ index: 2 }).data.results.length).toBe(2);
    expect(paged.fetch({ index: 0 }).data.asMappedResults()[0]).toEqual({ id: a.id1 });
    expect(nameOf(() => paged.fetch({ index: 3 }))).toBe('INVALID_PAGE_RANGE');
    expect(nameOf(() => a.query.runSuiteQLPaged({ query: 'SELECT id FROM transaction', pageSize: 4 }))).toBe('INVALID_PAGE_RANGE');
  });

  // NetSuite Help: N/query governance — runSuiteQL 10 units, runSuiteQLPaged 10 units, PagedData.fetch none
  test('governance: 10 units per runSuiteQL and runSuiteQLPaged, fetch is free', () => {
    const a = setup();
    const before = a.kernel.current().governor.used();
    const paged = a.query.runSuiteQLPaged({ query: 'SELECT id FROM transaction ORDER BY id', pageSize: 5 });
    paged.fetch({ index: 0 });
    a.query.runSuiteQL({ query: 'SELECT id FROM transaction' });
    expect(a.kernel.current().governor.used() - before).toBe(20);
  });

  test('unknown tables, unknown columns and non-SuiteQL syntax are SSS_SEARCH_ERROR_OCCURRED', () => {
    const a = setup();
    const run = (query: string, params: unknown[] = []) => errorOf(() => a.query.runSuiteQL({ query, params }));
    expect(run('SELECT id FROM salesorder')).toEqual({ name: 'SSS_SEARCH_ERROR_OCCURRED', message: "Search error occurred: Record 'salesorder' was not found." });
    expect(run('SELECT t.nosuchfield FROM transaction t').message).toContain("Field 't.nosuchfield' was not found");
    expect(run('SELECT id FROM transaction LIMIT 5').name).toBe('SSS_SEARCH_ERROR_OCCURRED');
    expect(run('SELECT id FROM transaction WHERE ROWNUM <= 5').message).toContain('ROWNUM');
    expect(run("SELECT strftime('%Y', trandate) FROM transaction").message).toContain('STRFTIME is not a SuiteQL function');
    expect(run('DELETE FROM transaction').message).toContain('SELECT statements only');
    expect(run('SELECT id FROM transaction; DROP TABLE transaction').message).toContain('one statement');
    expect(run('SELECT id FROM transaction WHERE id = ?').message).toContain('1 parameter(s) and 0 value(s)');
    expect(run('SELECT BUILTIN.CONSOLIDATE(t.id) FROM transaction t').message).toContain('BUILTIN.CONSOLIDATE');
  });

  test('the Query object API is refused by name, not half-modelled', () => {
    const a = setup();
    expect(nameOf(() => a.query.create())).toBe('SSS_NOT_YET_SUPPORTED');
  });

  // Oracle semantics SQLite differs on: LIKE is case-sensitive; dividing numeric columns keeps the fraction
  test('LIKE is case-sensitive and column division is not integer division, as in Oracle', () => {
    const a = setup();
    const like = (p: string) => a.query.runSuiteQL({ query: 'SELECT COUNT(*) FROM transaction WHERE memo LIKE ?', params: [p] }).results[0]!.values[0];
    expect(like('Rush%')).toBe(1);
    expect(like('rush%')).toBe(0);
    const ratio = a.query.runSuiteQL({ query: "SELECT SUM(quantity) / COUNT(*) AS r FROM transactionline WHERE mainline = 'F' AND transaction = ?", params: [a.id1] }).results[0]!.values[0];
    expect(ratio).toBe(-1.5);
  });

  test('SYSDATE is the sandbox clock', () => {
    const a = setup();
    const v = a.query.runSuiteQL({ query: "SELECT TO_CHAR(SYSDATE, 'YYYY-MM-DD HH24:MI') AS now FROM transaction WHERE id = ?", params: [a.id1] }).results[0]!.values[0];
    expect(v).toBe(a.kernel.clock.now().toISOString().slice(0, 16).replace('T', ' '));
  });
});
