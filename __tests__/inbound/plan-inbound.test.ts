/** The pure inbound planning: ASN contents, what a receipt books, what a return books. */
import { planAsn } from '../../src/ts/core/inbound/asn-plan';
import type { InboundDoc } from '../../src/ts/core/inbound/inbound-doc';
import { planReceipt, type ReceivableLine } from '../../src/ts/core/inbound/receipt-plan';
import { planReturn, type AuthorizedLine } from '../../src/ts/core/inbound/return-plan';
import type { ItemFacts } from '../../src/ts/core/orders/items';

const item = (id: string, sku: string, extra: Partial<ItemFacts> = {}): [string, ItemFacts] => [id, { id, type: 'InvtPart', name: sku, scendSku: sku, skuAligned: true, ...extra }];
const items = new Map([item('1', 'TENT'), item('2', 'STOVE'), item('3', 'FREIGHT', { type: 'OthCharge', scendSku: undefined }), item('4', 'LAMP', { scendSku: undefined, skuAligned: false })]);
const config = { locations: { '10': 'UK1' } };

function doc(extra: Partial<InboundDoc> = {}): InboundDoc {
  return {
    id: '500', type: 'purchaseorder', tranId: 'PO42', status: 'B', location: '10', supplier: 'Fellside',
    lines: [
      { line: '1', itemId: '1', itemType: 'InvtPart', quantity: 10, isClosed: false },
      { line: '2', itemId: '2', itemType: 'InvtPart', quantity: 4, isClosed: false },
      { line: '3', itemId: '3', itemType: 'OthCharge', quantity: 1, isClosed: false },
    ],
    ...extra,
  };
}

describe('planAsn', () => {
  it('announces the physical lines of an approved document at a Scend location: ClientReference = document number, LineRef = line id', () => {
    expect(planAsn(doc(), items, config)).toEqual({
      kind: 'send',
      warehouse: 'UK1',
      body: { ClientReference: 'PO42', Warehouse: 'UK1', Supplier: 'Fellside', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: 10 }, { LineRef: '2', Sku: 'STOVE', QuantityExpected: 4 }] },
    });
  });

  it('ignores documents pending approval, received elsewhere, or with nothing physical', () => {
    expect(planAsn(doc({ status: 'A' }), items, config).kind).toBe('not-ours');
    expect(planAsn(doc({ location: '11' }), items, config).kind).toBe('not-ours');
    expect(planAsn(doc({ lines: [{ line: '3', itemId: '3', itemType: 'OthCharge', quantity: 1, isClosed: false }] }), items, config).kind).toBe('not-ours');
    // A transfer order pending receipt (shipped) still needs its ASN; a received one does not.
    expect(planAsn(doc({ type: 'transferorder', status: 'F' }), items, config).kind).toBe('send');
    expect(planAsn(doc({ type: 'transferorder', status: 'G' }), items, config).kind).toBe('not-ours');
  });

  it('skips closed lines and purchase order lines received at another location', () => {
    const plan = planAsn(doc({ lines: [
      { line: '1', itemId: '1', itemType: 'InvtPart', quantity: 10, isClosed: true },
      { line: '2', itemId: '2', itemType: 'InvtPart', quantity: 4, isClosed: false, location: '11' },
      { line: '4', itemId: '2', itemType: 'InvtPart', quantity: 2, isClosed: false, location: '10' },
    ] }), items, config);
    expect(plan.kind === 'send' && plan.body.Lines).toEqual([{ LineRef: '4', Sku: 'STOVE', QuantityExpected: 2 }]);
  });

  it('an item Scend does not know blocks the whole ASN with one operations exception naming it', () => {
    const plan = planAsn(doc({ lines: [...doc().lines, { line: '5', itemId: '4', itemType: 'InvtPart', quantity: 1, isClosed: false }] }), items, config);
    expect(plan.kind).toBe('blocked');
    if (plan.kind !== 'blocked') return;
    expect(plan.exceptions).toHaveLength(1);
    expect(plan.exceptions[0]).toMatchObject({ type: 'asnProblem', owner: 'operations', dedupeKey: 'asnProblem:transaction:500', transactionId: '500' });
    expect(plan.exceptions[0].message).toContain('LAMP');
  });
});

const line = (orderLine: string, sku: string, remaining: number, extra: Partial<ReceivableLine> = {}): ReceivableLine => ({ orderLine, itemId: `i${orderLine}`, sku, remaining, lotTracked: false, serialTracked: false, ...extra });
const rl = (LineRef: string, Sku: string, QuantityReceived: number, QuantityDamaged = 0, Lot?: string) => ({ LineRef, Sku, QuantityReceived, QuantityDamaged, ...(Lot ? { Lot } : {}) });

describe('planReceipt', () => {
  it('a partial receipt books what arrived, no variance', () => {
    expect(planReceipt({ Lines: [rl('1', 'TENT', 5)] }, [line('1', 'TENT', 10), line('2', 'STOVE', 4)])).toEqual({ receive: [{ orderLine: '1', quantity: 5, lots: [] }], variances: [] });
  });

  it('damaged units are not booked; good units beyond the open quantity are not booked; finance gets both', () => {
    const plan = planReceipt({ Lines: [rl('1', 'TENT', 12), rl('2', 'STOVE', 4, 1)] }, [line('1', 'TENT', 10), line('2', 'STOVE', 4)]);
    expect(plan.receive).toEqual([{ orderLine: '1', quantity: 10, lots: [] }, { orderLine: '2', quantity: 3, lots: [] }]);
    expect(plan.variances).toEqual([
      { lineRef: '1', sku: 'TENT', received: 12, damaged: 0, booked: 10, over: 2 },
      { lineRef: '2', sku: 'STOVE', received: 4, damaged: 1, booked: 3, over: 0 },
    ]);
  });

  it('two lots on one line share its open quantity; lots go to inventory detail', () => {
    const plan = planReceipt({ Lines: [rl('1', 'GAS', 6, 0, 'L1'), rl('1', 'GAS', 6, 0, 'L2')] }, [line('1', 'GAS', 10, { lotTracked: true })]);
    expect(plan.receive).toEqual([{ orderLine: '1', quantity: 10, lots: [{ lot: 'L1', quantity: 6 }, { lot: 'L2', quantity: 4 }] }]);
    expect(plan.variances).toEqual([{ lineRef: '1', sku: 'GAS', received: 6, damaged: 0, booked: 4, over: 2 }]);
  });

  it('unknown lines, SKU mismatches, serial items and lot items without a lot are reported, never booked', () => {
    const plan = planReceipt(
      { Lines: [rl('9', 'TENT', 1), rl('1', 'OTHER', 1), rl('2', 'GPS', 1), rl('3', 'GAS', 1)] },
      [line('1', 'TENT', 5), line('2', 'GPS', 5, { serialTracked: true }), line('3', 'GAS', 5, { lotTracked: true })],
    );
    expect(plan.receive).toEqual([]);
    expect(plan.variances.map((v) => [v.lineRef, v.booked, v.note])).toEqual([
      ['9', 0, expect.stringMatching(/no such line/)],
      ['1', 0, expect.stringMatching(/TENT/)],
      ['2', 0, expect.stringMatching(/serial/)],
      ['3', 0, expect.stringMatching(/without a lot/)],
    ]);
  });

  it('a fully received line books nothing more: all of it is over', () => {
    expect(planReceipt({ Lines: [rl('1', 'TENT', 3)] }, [line('1', 'TENT', 0)])).toEqual({ receive: [], variances: [{ lineRef: '1', sku: 'TENT', received: 3, damaged: 0, booked: 0, over: 3 }] });
  });
});

const ra = (orderLine: string, sku: string, remaining: number, numbered = false): AuthorizedLine => ({ orderLine, itemId: `i${orderLine}`, sku, remaining, numbered });
const ret = (...lines: Array<[string, number, 'RESTOCK' | 'DAMAGED']>) => ({ Lines: lines.map(([Sku, Quantity, Condition]) => ({ Sku, Quantity, Condition })) });

describe('planReturn', () => {
  it('RESTOCK units fill the authorization lines for their SKU in order', () => {
    expect(planReturn(ret(['BOOT', 3, 'RESTOCK']), [ra('1', 'BOOT', 2), ra('2', 'BOOT', 2)], undefined)).toEqual({ receive: [{ orderLine: '1', quantity: 2 }, { orderLine: '2', quantity: 1 }], notReceived: [] });
  });

  it('DAMAGED units: not received without a damaged-returns location; received there with one', () => {
    expect(planReturn(ret(['BOOT', 1, 'DAMAGED']), [ra('1', 'BOOT', 2)], undefined)).toEqual({ receive: [], notReceived: [{ sku: 'BOOT', quantity: 1, condition: 'DAMAGED', why: expect.stringMatching(/not received/) }] });
    expect(planReturn(ret(['BOOT', 1, 'RESTOCK'], ['BOOT', 1, 'DAMAGED']), [ra('1', 'BOOT', 2)], '77')).toEqual({ receive: [{ orderLine: '1', quantity: 1 }, { orderLine: '1', quantity: 1, location: '77' }], notReceived: [] });
  });

  it('units beyond the authorization, SKUs not on it and numbered items are left for customer service', () => {
    const plan = planReturn(ret(['BOOT', 3, 'RESTOCK'], ['SOCK', 1, 'RESTOCK'], ['GPS', 1, 'RESTOCK']), [ra('1', 'BOOT', 2), ra('2', 'GPS', 1, true)], undefined);
    expect(plan.receive).toEqual([{ orderLine: '1', quantity: 2 }]);
    expect(plan.notReceived.map((n) => [n.sku, n.quantity, n.why])).toEqual([
      ['BOOT', 1, 'more than the authorization has open'],
      ['SOCK', 1, 'not on the return authorization'],
      ['GPS', 1, expect.stringMatching(/lot\/serial/)],
    ]);
  });
});
