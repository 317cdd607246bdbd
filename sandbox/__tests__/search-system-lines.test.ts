import { account, makeOrder } from './support/data-fixtures';

type A = ReturnType<typeof account>;

// NetSuite Help: "Main Line in Transaction Search Criteria" — by default a transaction search returns
// the main line and every other line of each transaction as separate rows; besides item lines these
// are its shipping, tax and COGS lines ("Understanding Transaction Searches", stoic.software), which
// production searches select or drop with the taxline / shipping / cogs filters (T: only those, F: without them).
const setup = (a: A) => {
  const ups = a.db.seed('shipitem', { itemid: 'UPS Ground' });
  const so = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 2 }, { item: a.ids.gadget, quantity: 1 }], 'B');
  so.setValue({ fieldId: 'shipmethod', value: ups });
  const soId = so.save() as number;
  const plain = makeOrder(a.record, a.ids, [{ item: a.ids.widget, quantity: 1 }], 'B').save() as number;
  const shipped = a.record.transform({ fromType: 'salesorder', fromId: soId, toType: 'itemfulfillment' });
  shipped.setValue({ fieldId: 'shipstatus', value: 'C' });
  const ifId = shipped.save() as number;
  return { soId, plain, ifId };
};
const rows = (a: A, type: string, filters: unknown[]) =>
  a.search.create({ type, filters, columns: ['internalid', 'mainline', 'item'] }).run().getRange({ start: 0, end: 100 });

describe('transaction search system lines (taxline, shipping, cogs)', () => {
  it('without line filters, an order with a ship method also returns its shipping line; shipping = T keeps only it', () => {
    const a = account();
    const { soId } = setup(a);
    expect(rows(a, 'salesorder', [['internalid', 'anyof', soId]])).toHaveLength(4); // main + 2 items + shipping
    const shipping = rows(a, 'salesorder', [['internalid', 'anyof', soId], 'and', ['shipping', 'is', 'T']]);
    expect(shipping.map((r) => [r.getValue({ name: 'mainline' }), r.getValue({ name: 'item' })])).toEqual([[' ', '']]);
  });

  it('the usual production filters mainline F, taxline F, shipping F, cogs F leave exactly the item lines', () => {
    const a = account();
    const { soId, ifId } = setup(a);
    const itemLines = [['mainline', 'is', 'F'], 'and', ['taxline', 'is', 'F'], 'and', ['shipping', 'is', 'F'], 'and', ['cogs', 'is', 'F']];
    expect(rows(a, 'salesorder', [['internalid', 'anyof', soId], 'and', itemLines]).map((r) => r.getText({ name: 'item' }))).toEqual(['WID-1', 'GAD-1']);
    expect(rows(a, 'itemfulfillment', [['internalid', 'anyof', ifId], 'and', itemLines]).map((r) => r.getText({ name: 'item' }))).toEqual(['WID-1', 'GAD-1']);
  });

  it('a shipped item fulfillment has a COGS line per line; cogs = T selects them and mainline F alone still includes them', () => {
    const a = account();
    const { ifId } = setup(a);
    expect(rows(a, 'itemfulfillment', [['internalid', 'anyof', ifId], 'and', ['cogs', 'is', 'T']]).map((r) => r.getText({ name: 'item' }))).toEqual(['WID-1', 'GAD-1']);
    expect(rows(a, 'itemfulfillment', [['internalid', 'anyof', ifId], 'and', ['mainline', 'is', 'F']])).toHaveLength(4);
  });

  it('an order with no shipping and no tax has no system lines (taxline T finds nothing), and the filters take is only', () => {
    const a = account();
    const { plain } = setup(a);
    expect(rows(a, 'salesorder', [['internalid', 'anyof', plain]])).toHaveLength(2);
    expect(rows(a, 'transaction', [['internalid', 'anyof', plain], 'and', ['taxline', 'is', 'T']])).toHaveLength(0);
    expect(() => rows(a, 'salesorder', [['taxline', 'anyof', 'T']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
  });

  it('the system line filters are transaction fields only', () => {
    const a = account();
    expect(() => rows(a, 'customer', [['cogs', 'is', 'F']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
  });
});
