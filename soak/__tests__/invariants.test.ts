/**
 * The soak's invariants must be able to fail: each test below starts from a world's facts that
 * hold every invariant, breaks one property, and expects exactly that invariant to fail, naming
 * what broke it.
 */
import { findSecret, judge, type SoakFacts } from '../invariants';

function healthy(): SoakFacts {
  return {
    scendOrders: [
      { orderId: 'ORD-1', clientReference: 'SO1', status: 'PICKING' },
      { orderId: 'ORD-2', clientReference: 'SO2', status: 'DESPATCHED' },
      { orderId: 'ORD-4', clientReference: 'SO4', status: 'CANCELLED' },
    ],
    ledger: [
      { transaction: '11', scendId: 'ORD-1', attempts: 1 },
      { transaction: '12', scendId: 'ORD-2', attempts: 2 },
      { transaction: '14', scendId: 'ORD-4', attempts: 1 },
    ],
    salesOrders: [
      { id: '11', status: 'B', physical: true },
      { id: '12', status: 'D', physical: true },
      { id: '13', status: 'B', physical: false }, // digital only: never sent
      { id: '14', status: 'C', physical: true }, // cancelled
      { id: '15', status: 'B', physical: true }, // no address: an open exception says so
    ],
    openExceptions: [
      { transaction: '15', scendReference: 'SO1015', dedupeKey: 'missingAddress:order:15' },
      { transaction: '12', scendReference: 'DSP-3', dedupeKey: 'despatchMismatch:connector:despatch:DSP-3' },
    ],
    despatches: [
      { id: 'DSP-1', lines: [{ sku: 'TEE', quantity: 2 }] },
      { id: 'DSP-2', lines: [{ sku: 'MUG', quantity: 1 }] },
      { id: 'DSP-3', lines: [{ sku: 'MUG', quantity: 1 }] }, // awaiting a person: not fulfilled
    ],
    receipts: [{ id: 'RCT-1', lines: [{ sku: 'TEE', quantity: 50 }] }],
    movements: [{ id: 'MOV-1', sku: 'TEE', quantity: -1 }],
    fulfilments: ['despatch:DSP-1', 'despatch:DSP-2'],
    itemReceipts: ['receipt:RCT-1'],
    adjustments: ['movement:MOV-1'],
    // MUG: NetSuite has not booked DSP-3 (open exception), so it holds one more than Scend.
    stock: [
      { sku: 'TEE', netsuite: 147, scend: 147 },
      { sku: 'MUG', netsuite: 99, scend: 98 },
    ],
    timingNamed: {},
    secretFoundIn: [],
    unhandledErrors: [],
    leftToNextRun: {},
  };
}

const failing = (facts: SoakFacts) => judge(facts).filter((i) => !i.ok);

describe('soak invariants', () => {
  it('a healthy world holds every invariant, naming the stock difference an open exception explains', () => {
    const verdicts = judge(healthy());
    expect(verdicts.filter((i) => !i.ok)).toEqual([]);
    expect(verdicts.find((i) => i.name.startsWith('stock equal'))?.detail).toMatch(/MUG \+1 \(Scend work awaiting a person\)/);
  });

  it('two Scend orders for one sales order fail the first invariant', () => {
    const f = healthy();
    f.scendOrders.push({ orderId: 'ORD-9', clientReference: 'SO1', status: 'RECEIVED' });
    expect(failing(f).map((i) => [i.name, i.detail])).toEqual([['no Scend order twice for one sales order', expect.stringMatching(/SO1 ×2/)]]);
  });

  it('two ledger rows for one sales order, or a Scend id Scend does not have, fail the hand-over invariant', () => {
    const f = healthy();
    f.ledger.push({ transaction: '11', scendId: 'ORD-7', attempts: 1 });
    expect(failing(f).map((i) => i.detail)).toEqual([expect.stringMatching(/SO 11 has 2 ledger rows.*ORD-7 \(SO 11\) not in Scend/)]);
  });

  it.each([
    ['fulfilments', 'despatch:DSP-1', 'no fulfilment twice'],
    ['itemReceipts', 'receipt:RCT-1', 'no item receipt twice'],
    ['adjustments', 'movement:MOV-1', 'no adjustment twice'],
  ] as const)('a second %s with the same externalid fails "%s"', (field, id, name) => {
    const f = healthy();
    f[field].push(id);
    const names = failing(f).map((i) => i.name);
    expect(names).toContain(name);
  });

  it('an approved physical order neither in Scend nor excepted is lost', () => {
    const f = healthy();
    f.salesOrders.push({ id: '16', status: 'B', physical: true });
    expect(failing(f).map((i) => [i.name, i.detail])).toEqual([['every approved physical order is in Scend or has an open exception', expect.stringMatching(/SO 16/)]]);
  });

  it('a ledger row whose Scend id is not in Scend does not count as sent', () => {
    const f = healthy();
    f.scendOrders = f.scendOrders.filter((o) => o.orderId !== 'ORD-1');
    expect(failing(f).map((i) => i.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/ORD-1 \(SO 11\) not in Scend/), expect.stringMatching(/SO 11 \(status B\)/)]));
  });

  it('a resolved exception does not excuse a missing order', () => {
    const f = healthy();
    f.openExceptions = f.openExceptions.filter((e) => e.transaction !== '15');
    expect(failing(f).map((i) => i.detail)).toEqual([expect.stringMatching(/SO 15/)]);
  });

  it('an order cancelled in NetSuite but live in Scend fails, unless an open exception says so', () => {
    const f = healthy();
    f.scendOrders[2].status = 'PACKED';
    expect(failing(f).map((i) => [i.name, i.detail])).toEqual([['every order cancelled in NetSuite is cancelled in Scend or has an open exception', expect.stringMatching(/SO 14 → ORD-4 PACKED/)]]);
    f.openExceptions.push({ transaction: '14', scendReference: 'ORD-4', dedupeKey: 'cancelConflict:order:14' });
    expect(failing(f)).toEqual([]);
  });

  it('a despatch with no fulfilment and no open exception fails; so does one with two fulfilments', () => {
    const lost = healthy();
    lost.fulfilments = ['despatch:DSP-1'];
    expect(failing(lost).map((i) => [i.name, i.detail])).toEqual([['every despatch has exactly one fulfilment or an open exception', expect.stringMatching(/DSP-2 \(0 fulfilments\)/)]]);
    const twice = healthy();
    twice.fulfilments.push('despatch:DSP-2');
    expect(failing(twice).map((i) => i.name)).toEqual(expect.arrayContaining(['every despatch has exactly one fulfilment or an open exception', 'no fulfilment twice']));
  });

  it('a fulfilment for a despatch Scend never made fails', () => {
    const f = healthy();
    f.fulfilments.push('despatch:DSP-404');
    expect(failing(f).map((i) => i.name)).toEqual(['every fulfilment is of a despatch Scend made']);
  });

  it('a receipt or stock movement neither booked nor excepted fails', () => {
    const r = healthy();
    r.itemReceipts = [];
    expect(failing(r).map((i) => i.name)).toEqual(['every receipt has an item receipt or an open exception']);
    const m = healthy();
    m.adjustments = [];
    expect(failing(m).map((i) => i.name)).toEqual(['every stock movement has an adjustment or an open exception']);
  });

  it('stock that differs without a named reason fails, naming the SKU', () => {
    const f = healthy();
    f.stock[0].scend = 146;
    expect(failing(f).map((i) => [i.name, i.detail])).toEqual([['stock equal in both systems after the final sync, except differences it names', expect.stringMatching(/TEE \(NetSuite 147, Scend 146/)]]);
  });

  it('an open exception explains only its own units: a despatch awaiting a person with the wrong difference fails', () => {
    const f = healthy();
    f.stock[1].netsuite = 101; // two more than Scend, but only DSP-3's one unit is awaiting a person
    expect(failing(f).map((i) => i.name)).toEqual(['stock equal in both systems after the final sync, except differences it names']);
  });

  it('a difference the last stock run named as timing is accepted and named', () => {
    const f = healthy();
    f.stock[0].scend = 145;
    f.timingNamed = { TEE: 'the stock run named it: inFlight' };
    const verdicts = judge(f);
    expect(verdicts.filter((i) => !i.ok)).toEqual([]);
    expect(verdicts.find((i) => i.name.startsWith('stock equal'))?.detail).toMatch(/TEE \+2 \(the stock run named it: inFlight\)/);
  });

  it('the secret anywhere fails; findSecret names the place', () => {
    const key = 'sk_live_123456';
    const places = findSecret(key, [
      { where: 'log Scend call', text: 'GET /v1/orders 200' },
      { where: 'customrecord_scend_sync 4', text: JSON.stringify({ lastError: `401 for key ${key}` }) },
      { where: 'email Alert', text: 'nothing here' },
    ]);
    expect(places).toEqual(['customrecord_scend_sync 4']);
    const f = healthy();
    f.secretFoundIn = places;
    expect(failing(f).map((i) => [i.name, i.detail])).toEqual([['no secret in any log, email, record or file', expect.stringMatching(/customrecord_scend_sync 4/)]]);
  });

  it('an unhandled error fails', () => {
    const f = healthy();
    f.unhandledErrors = ['customdeploy_scend_mr_despatch [DSP-2]: TypeError: x is undefined'];
    expect(failing(f).map((i) => i.name)).toEqual(['no unhandled error (map/reduce stages, scheduled scripts, user saves)']);
  });
});
