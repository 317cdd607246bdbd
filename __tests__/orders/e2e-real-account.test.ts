/**
 * End to end (built bundle in the sandbox → Scend simulator, rate limit on): what a real account
 * throws at the order handoff — the go-live cutoff, drop-ship and base-unit lines, values the
 * contract refuses (the simulator answers them with 400 VALIDATION_FAILED, so they must never get
 * there), two orders on one customer PO, and a base URL the API secret may not be sent to.
 */
import { RECORDS, SCRIPTS } from '../../src/ts/ids';
import { SECRET_ID } from '../../harness/connector-world';
import { approve, createOrder, GOOD_ADDRESS, ledger, openExceptions, startOrderWorld, type OrderWorld, seedUnqueuedOrder } from './support/order-world';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
const DAY = 24 * 3600_000;


async function product(w: OrderWorld, sku: string): Promise<number> {
  const id = w.item(sku);
  await w.sim.control.upsertProduct({ Sku: sku, ExternalId: String(id), Name: sku, WeightKg: 0.4 });
  return id;
}

/** A UI user's order with raw line fields (createpo, unitconversionrate) and header fields (otherrefnum, trandate). */
function createRawOrder(w: OrderWorld, body: Record<string, unknown>, lines: Array<Record<string, unknown>>, address: Record<string, string> = GOOD_ADDRESS): string {
  const rec = w.sb.record.create({ type: 'salesorder' });
  rec.setValue({ fieldId: 'entity', value: w.customer });
  rec.setValue({ fieldId: 'location', value: w.location });
  rec.setValue({ fieldId: 'orderstatus', value: 'A' });
  for (const [fieldId, value] of Object.entries(body)) rec.setValue({ fieldId, value });
  const sub = rec.getSubrecord({ fieldId: 'shippingaddress' });
  for (const [fieldId, value] of Object.entries(address)) sub.setValue({ fieldId, value });
  lines.forEach((l, line) => {
    for (const [fieldId, value] of Object.entries(l)) rec.setSublistValue({ sublistId: 'item', fieldId, line, value });
  });
  return String(rec.save());
}

const exceptionsOf = (w: OrderWorld, id: string) => openExceptions(w).filter((e) => e.dedupeKey.endsWith(`:order:${id}`));

describe('the go-live cutoff', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    const today = new Date();
    w = await startOrderWorld();
    // The admin sets the go-live date on the configuration record (today).
    w.sb.record.submitFields({ type: RECORDS.config.id, id: w.configId, values: { [RECORDS.config.fields.goLiveDate]: new Date(today.getFullYear(), today.getMonth(), today.getDate()) } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('the backlog sends the orders dated on or after it and never even reads the historic ones (filtered in the search)', async () => {
    const mug = await product(w, 'GL-MUG');
    const historic = seedUnqueuedOrder(w, mug, 'GL-OLD', new Date(Date.now() - 400 * DAY));
    const fresh = seedUnqueuedOrder(w, mug, 'GL-NEW', new Date());
    await w.sb.runMapReduce(BACKLOG);
    expect(ledger(w, fresh)).toMatchObject({ state: 'Sent' });
    // Not even a skipped ledger row: the sales order search itself left it out.
    expect(ledger(w, historic)).toBeUndefined();
    expect(await w.scendOrders('GL-OLD')).toEqual([]);
    expect(await w.scendOrders('GL-NEW')).toHaveLength(1);
  });

  it('an order dated before it and approved by a user is recorded as skipped, never sent', async () => {
    const mug = await product(w, 'GL-MUG2');
    const id = createRawOrder(w, { externalid: 'GL-UE-OLD', trandate: new Date(Date.now() - 30 * DAY) }, [{ item: mug, quantity: 1 }]);
    approve(w, id);
    expect(ledger(w, id)).toMatchObject({ state: 'Skipped (nothing to ship)' });
    expect(await w.scendOrders('GL-UE-OLD')).toEqual([]);
  });

  it('the configuration check page shows it, and says what to check about the API secret', async () => {
    const page = await w.sb.callSuitelet(SCRIPTS.configCheck.deployments.main, { method: 'GET' });
    expect(page.body).toMatch(/Go-live date/);
    expect(page.body).toMatch(/orders dated before it are never sent/);
    expect(page.body).toMatch(/custsecret_scend_api_key must list 127\.0\.0\.1 among its allowed domains/);
  });
});

describe('lines and quantities', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await startOrderWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('leaves out drop-ship and special-order lines and sends quantities in base units', async () => {
    const mug = await product(w, 'LN-MUG');
    const jug = await product(w, 'LN-JUG');
    const vase = await product(w, 'LN-VASE');
    const id = createRawOrder(w, { externalid: 'LN-1' }, [
      { item: mug, quantity: 2, unitconversionrate: 6 },
      { item: jug, quantity: 1, createpo: 'DropShip' },
      { item: vase, quantity: 1, createpo: 'SpecOrd' },
    ]);
    approve(w, id);
    const [order] = await w.scendOrders('LN-1');
    expect(order.Lines.map((l) => [l.Sku, l.Quantity])).toEqual([['LN-MUG', 12]]);
  });
});

describe('values Scend refuses are held before sending, for the team that can fix them', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await startOrderWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an address line longer than 35 characters: held for customer service, nothing posted; sent once the address is corrected', async () => {
    const mug = await product(w, 'LIM-MUG');
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'LIM-1', address: { ...GOOD_ADDRESS, addr1: 'Flat 12, The Old Analytical Engine Works, Babbage Street' } });
    approve(w, id);
    expect(ledger(w, id)).toMatchObject({ state: 'Blocked' });
    expect(await w.scendOrders('LIM-1')).toEqual([]);
    expect(exceptionsOf(w, id)).toEqual([expect.objectContaining({ type: 'Order data Scend cannot accept', owner: 'Customer service', message: expect.stringMatching(/address line 1 is 56 characters \(Scend takes at most 35\)/) })]);

    const rec = w.sb.record.load({ type: 'salesorder', id });
    rec.getSubrecord({ fieldId: 'shippingaddress' }).setValue({ fieldId: 'addr1', value: 'Flat 12, Babbage Street' });
    rec.save();
    expect(ledger(w, id)).toMatchObject({ state: 'Sent' });
    expect(await w.scendOrders('LIM-1')).toHaveLength(1);
    expect(exceptionsOf(w, id)).toEqual([]);
  });

  it('a ClientReference longer than 100 characters: held for customer service', async () => {
    const mug = await product(w, 'LIM-MUG2');
    const ref = `SHOP-${'9'.repeat(100)}`;
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: ref });
    approve(w, id);
    expect(ledger(w, id)).toMatchObject({ state: 'Blocked' });
    expect(exceptionsOf(w, id)).toEqual([expect.objectContaining({ owner: 'Customer service', message: expect.stringMatching(/105 characters \(Scend takes at most 100\)/) })]);
  });

  it('more than 500 warehouse lines: held for operations', async () => {
    const mug = await product(w, 'LIM-MUG3');
    const id = createOrder(w, { lines: Array.from({ length: 501 }, () => ({ item: mug, quantity: 1 })), externalid: 'LIM-3' });
    approve(w, id);
    expect(ledger(w, id)).toMatchObject({ state: 'Blocked' });
    expect(await w.scendOrders('LIM-3')).toEqual([]);
    expect(exceptionsOf(w, id)).toEqual([expect.objectContaining({ type: 'Too many lines for Scend', owner: 'Operations' })]);
  });
});

describe("the customer's PO number as ClientReference", () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await startOrderWorld();
    w.sb.record.submitFields({ type: RECORDS.config.id, id: w.configId, values: { [RECORDS.config.fields.referenceSource]: poValueId(w) } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('two orders on one PO: the first is sent under the PO, the second held for customer service naming both; a distinct PO sends it', async () => {
    const mug = await product(w, 'PO-MUG');
    const first = createRawOrder(w, { otherrefnum: 'PO-4711' }, [{ item: mug, quantity: 1 }]);
    approve(w, first);
    const second = createRawOrder(w, { otherrefnum: 'PO-4711' }, [{ item: mug, quantity: 2 }]);
    approve(w, second);
    expect(await w.scendOrders('PO-4711')).toHaveLength(1);
    expect(ledger(w, first)).toMatchObject({ state: 'Sent' });
    expect(ledger(w, second)).toMatchObject({ state: 'Blocked' });
    const tranId = (id: string) => String(w.sb.record.load({ type: 'salesorder', id }).getValue({ fieldId: 'tranid' }));
    const [held] = exceptionsOf(w, second);
    expect(held).toMatchObject({ type: 'Reference used by another order', owner: 'Customer service' });
    expect(held.message).toContain(tranId(second));
    expect(held.message).toContain(tranId(first));

    const rec = w.sb.record.load({ type: 'salesorder', id: second });
    rec.setValue({ fieldId: 'otherrefnum', value: 'PO-4711-B' });
    rec.save();
    expect(ledger(w, second)).toMatchObject({ state: 'Sent' });
    expect(await w.scendOrders('PO-4711-B')).toHaveLength(1);
    expect(exceptionsOf(w, second)).toEqual([]);
  });
});

function poValueId(w: OrderWorld): number {
  const found = w.sb.meta.customLists.get('customlist_scend_ref_source')?.values.find((v) => v.scriptid === 'val_scend_ref_po');
  if (!found) throw new Error('no PO reference source value');
  return found.internalId;
}

describe('a base URL the API secret may not be sent to', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await startOrderWorld();
    // The admin restricted the secret to Scend's real host; the base URL points elsewhere (here: loopback).
    w.sb.secrets.register(SECRET_ID, 'not-the-real-key-value', { allowedDomains: ['demo.scend.example'] });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('refuses to call it: one configuration exception for the integration admin, the order stays queued, nothing reaches Scend', async () => {
    const mug = w.item('SEC-MUG');
    const id = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SEC-1' });
    approve(w, id);
    const id2 = createOrder(w, { lines: [{ item: mug, quantity: 1 }], externalid: 'SEC-2' });
    approve(w, id2);
    expect(ledger(w, id)).toMatchObject({ state: 'Waiting to retry' });
    expect(await w.scendOrders()).toEqual([]);
    const config = openExceptions(w).filter((e) => e.dedupeKey === 'configuration:connector:secret-host');
    expect(config).toEqual([expect.objectContaining({ owner: 'Integration admin', message: expect.stringMatching(/API secret custsecret_scend_api_key for 127\.0\.0\.1.*not in the secret.s allowed domains/s) })]);
    expect(openExceptions(w).filter((e) => /connection/i.test(e.type))).toEqual([]);
  });

  it('the configuration check page tries Scend and says the host is not allowed for the secret; once allowed, Re-check resolves the exception', async () => {
    const check = async (method: 'GET' | 'POST') => (await w.sb.callSuitelet(SCRIPTS.configCheck.deployments.main, { method })).body;
    const before = await check('GET');
    expect(before).toMatch(/Not ready/);
    expect(before).toMatch(/NetSuite refused to send the API key to 127\.0\.0\.1/);
    // The admin adds the host to the secret's allowed domains.
    w.sb.secrets.register(SECRET_ID, w.sim.apiKey, { allowedDomains: ['127.0.0.1'] });
    const after = await check('POST');
    expect(after).toMatch(/answered and accepted the API key/);
    expect(openExceptions(w).filter((e) => e.dedupeKey === 'configuration:connector:secret-host')).toEqual([]);
  });
});
