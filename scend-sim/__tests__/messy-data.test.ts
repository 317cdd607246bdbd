/**
 * Messy data on request: what a real warehouse sends that the books cannot explain, 5xx bodies that
 * are not the contract's JSON, lists in an order the contract does not promise, and the contract's
 * field lengths (shared/scend-api.md, "Orders": ShipTo lines ≤ 35, PostCode ≤ 10, OrderNumber ≤ 50, Notes ≤ 500).
 */
import { apiOf, orderBody, useSimulator, type Loose } from './support';

describe('messy despatches (POST /_sim/messy/despatch): into the feed, books unchanged', () => {
  const ctx = useSimulator();

  async function order(lines = orderBody().Lines) {
    return (await ctx.api('POST', '/v1/orders', orderBody({ Lines: lines }))).body.OrderId as string;
  }
  const stock = async () => JSON.stringify(await ctx.sim.control.stock());
  const lastDespatch = async () => (await ctx.api('GET', '/v1/despatches?limit=500')).body.Items.at(-1);

  it('a despatch for more than was ordered', async () => {
    const id = await order();
    const before = await stock();
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'overQuantity' });
    const d = await lastDespatch();
    expect(d.Parcels[0].Lines[0]).toMatchObject({ LineRef: '1', Sku: 'TENT' });
    expect(d.Parcels[0].Lines[0].Quantity).toBeGreaterThan(2);
    expect(await stock()).toBe(before);
    expect((await ctx.api('GET', `/v1/orders/${id}`)).body).toMatchObject({ Status: 'RECEIVED', Despatches: [d.DespatchId] });
  });

  it('an unknown LineRef, and a SKU that differs from the line', async () => {
    const id = await order();
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'unknownLineRef' });
    expect((await lastDespatch()).Parcels[0].Lines[0].LineRef).toMatch(/^UNKNOWN-/);
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'skuMismatch' });
    expect((await lastDespatch()).Parcels[0].Lines[0]).toMatchObject({ LineRef: '1', Sku: 'TENT-ALT' });
  });

  it('a second physical despatch for lines already shipped (new DespatchId and tracking)', async () => {
    const id = await order();
    const real = await ctx.sim.control.despatch(id);
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'secondDespatch' });
    const again = await lastDespatch();
    expect(again.DespatchId).not.toBe(real.DespatchId);
    expect(again.Parcels[0].TrackingNumber).not.toBe(real.Parcels[0].TrackingNumber);
    expect(again.Parcels.flatMap((p: Loose) => p.Lines)).toEqual(real.Parcels.flatMap((p) => p.Lines));
    await expect(ctx.sim.control.messyDespatch({ OrderId: await order(), Kind: 'secondDespatch' })).rejects.toMatchObject({ status: 409 });
  });

  it('a despatch for a cancelled order (refused for an order that is not cancelled)', async () => {
    const id = await order();
    await expect(ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'cancelledOrder' })).rejects.toMatchObject({ status: 409 });
    await ctx.api('POST', `/v1/orders/${id}/cancel`);
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'cancelledOrder' });
    expect(await lastDespatch()).toMatchObject({ OrderId: id });
    expect((await ctx.api('GET', `/v1/orders/${id}`)).body.Status).toBe('CANCELLED');
  });

  it.each([
    ['date', (d: Loose) => expect(d.DespatchedAt).not.toMatch(/^\d{4}-\d{2}-\d{2}T/)],
    ['quantity', (d: Loose) => expect(typeof d.Parcels[0].Lines[0].Quantity).toBe('string')],
    ['tracking', (d: Loose) => expect(d.Parcels[0].TrackingNumber).toBe('')],
    ['weight', (d: Loose) => expect(d.Parcels[0].WeightKg).toBeLessThan(0)],
  ] as const)('malformed values (%s) that break the contract on purpose', async (malformed, check) => {
    const id = await order();
    await ctx.sim.control.messyDespatch({ OrderId: id, Kind: 'malformed', Malformed: malformed });
    const res = await ctx.api('GET', '/v1/despatches', undefined, { allowViolation: true });
    check(res.body.Items.at(-1));
    await expect(apiOf(ctx.sim)('GET', '/v1/despatches')).rejects.toThrow(/contract violation/);
  });
});

describe('5xx bodies that are HTML or truncated JSON (fault rule `body`)', () => {
  const ctx = useSimulator();

  it('answers an HTML page', async () => {
    await ctx.sim.control.addFault({ path: '/v1/products', action: { kind: 'status', status: 502, body: 'html' } });
    const res = await ctx.api('GET', '/v1/products', undefined, { allowViolation: true });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('answers JSON cut off mid-body, also after a commit', async () => {
    await ctx.sim.control.addFault({ method: 'POST', path: '/v1/orders', times: 1, action: { kind: 'commitThenFail', status: 500, body: 'truncated' } });
    const res = await ctx.api('POST', '/v1/orders', orderBody(), { allowViolation: true });
    expect(res.status).toBe(500);
    expect(() => JSON.parse(res.text)).toThrow();
    expect(res.text.startsWith('{"Code":"INTERNAL"')).toBe(true);
    expect(await ctx.sim.control.orders('SO-1001')).toHaveLength(1); // committed
  });

  it('refuses an unknown body shape', async () => {
    await expect(ctx.sim.control.addFault({ action: { kind: 'status', status: 500, body: 'xml' as never } })).rejects.toMatchObject({ status: 400 });
  });
});

describe('lists in an order the contract does not promise (POST /_sim/messy {shuffleLists})', () => {
  const ctx = useSimulator();

  it('shuffles products and stock (seeded, stable across pages); orders stay oldest first as promised', async () => {
    const natural = (await ctx.api('GET', '/v1/products')).body.Items.map((p: Loose) => p.ExternalId);
    await ctx.sim.control.configureMessy({ shuffleLists: true });
    const shuffled = (await ctx.api('GET', '/v1/products')).body.Items.map((p: Loose) => p.ExternalId);
    expect(shuffled).not.toEqual(natural);
    expect([...shuffled].sort()).toEqual([...natural].sort());
    const paged = [...(await ctx.api('GET', '/v1/products?pageSize=2')).body.Items, ...(await ctx.api('GET', '/v1/products?pageSize=2&page=2')).body.Items, ...(await ctx.api('GET', '/v1/products?pageSize=2&page=3')).body.Items];
    expect(paged.map((p: Loose) => p.ExternalId)).toEqual(shuffled);
    const stock = (await ctx.api('GET', '/v1/stock')).body.Items.map((i: Loose) => `${i.Warehouse}/${i.Sku}`);
    expect(stock).not.toEqual([...stock].sort());
    for (let i = 0; i < 3; i++) await ctx.api('POST', '/v1/orders', orderBody({ ClientReference: `R${i}` }));
    expect((await ctx.api('GET', '/v1/orders')).body.Items.map((o: Loose) => o.ClientReference)).toEqual(['R0', 'R1', 'R2']);
    await ctx.sim.control.configureMessy({ shuffleLists: false });
  });
});

describe('field lengths as the contract limits them: 400 VALIDATION_FAILED naming the field', () => {
  const ctx = useSimulator();
  const long = (n: number) => 'x'.repeat(n);

  it.each([
    ['ShipTo.Line1', { ShipTo: { ...orderBody().ShipTo, Line1: long(36) } }],
    ['ShipTo.Name', { ShipTo: { ...orderBody().ShipTo, Name: long(36) } }],
    ['ShipTo.Company', { ShipTo: { ...orderBody().ShipTo, Company: long(36) } }],
    ['ShipTo.Town', { ShipTo: { ...orderBody().ShipTo, Town: long(36) } }],
    ['ShipTo.County', { ShipTo: { ...orderBody().ShipTo, County: long(36) } }],
    ['ShipTo.PostCode', { ShipTo: { ...orderBody().ShipTo, PostCode: long(11) } }],
    ['OrderNumber', { OrderNumber: long(51) }],
    ['ClientReference', { ClientReference: long(101) }],
    ['Notes', { Notes: long(501) }],
  ])('%s too long', async (field, override) => {
    const res = await ctx.api('POST', '/v1/orders', orderBody(override));
    expect(res.status).toBe(400);
    expect(res.body.Details).toEqual([expect.objectContaining({ Field: field })]);
  });

  it('accepts exactly the limits', async () => {
    const shipTo = { ...orderBody().ShipTo, Name: long(35), Line1: long(35), Line2: long(35), Town: long(35), PostCode: long(10) };
    expect((await ctx.api('POST', '/v1/orders', orderBody({ ShipTo: shipTo, OrderNumber: long(50), Notes: long(500) }))).status).toBe(201);
  });
});
