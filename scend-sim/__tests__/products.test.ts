import { orderBody, useSimulator } from './support';

describe('products (item master) over HTTP', () => {
  const ctx = useSimulator();
  const stove = { Sku: 'STOVE', ExternalId: '200', Name: 'Stove', WeightKg: 0.3 };

  it('creates with 201, updates with 200, and resolves the flags to their defaults', async () => {
    const created = await ctx.api('PUT', '/v1/products/200', stove);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...stove, LotTracked: false, SerialTracked: false, Discontinued: false, Physical: true });
    const updated = await ctx.api('PUT', '/v1/products/200', { ...stove, Name: 'Gas stove', Discontinued: true });
    expect(updated.status).toBe(200);
    expect((await ctx.api('GET', '/v1/products/200')).body).toMatchObject({ Name: 'Gas stove', Discontinued: true });
  });

  it('refuses an ExternalId in the body that differs from the path with 400', async () => {
    const res = await ctx.api('PUT', '/v1/products/201', stove);
    expect(res.status).toBe(400);
    expect(res.body.Details).toEqual([{ Field: 'ExternalId', Message: expect.any(String) }]);
    expect((await ctx.api('GET', '/v1/products/201')).status).toBe(404);
  });

  it('refuses a Sku held by another product with 409 SKU_IN_USE naming the holder', async () => {
    const res = await ctx.api('PUT', '/v1/products/200', { ...stove, Sku: 'TENT' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ Code: 'SKU_IN_USE', Details: [{ Sku: 'TENT', ExternalId: '101' }] });
  });

  it('renames on a changed Sku: the old Sku stops being accepted, the stock follows the product', async () => {
    const renamed = await ctx.api('PUT', '/v1/products/101', { Sku: 'TENT-2P', ExternalId: '101', Name: 'Tent', WeightKg: 2.5 });
    expect(renamed.status).toBe(200);
    const old = await ctx.api('POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1 }] }));
    expect(old.body).toMatchObject({ Code: 'UNKNOWN_SKU', Details: [{ LineRef: '1', Sku: 'TENT' }] });
    expect((await ctx.api('POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT-2P', Quantity: 1 }] }))).status).toBe(201);
    const stock = await ctx.api('GET', '/v1/stock?warehouse=UK1');
    expect(stock.body.Items.find((i: { ExternalId: string }) => i.ExternalId === '101')).toMatchObject({ Sku: 'TENT-2P', OnHand: 10 });
    // The old Sku is free again.
    expect((await ctx.api('PUT', '/v1/products/300', { ...stove, Sku: 'TENT', ExternalId: '300' })).status).toBe(201);
  });

  it('holds an order whose SKU was renamed after it was accepted, at release', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.renameProduct('101', 'TENT-NEW');
    const order = await ctx.sim.control.release(body.OrderId);
    expect(order.Status).toBe('ON_HOLD');
    expect((await ctx.sim.control.order(body.OrderId)).HoldReason).toContain('TENT');
  });

  it('forgets a removed product: GET is 404 and orders for it are UNKNOWN_SKU', async () => {
    await ctx.sim.control.removeProduct('102');
    expect((await ctx.api('GET', '/v1/products/102')).status).toBe(404);
    expect((await ctx.api('POST', '/v1/orders', orderBody())).body.Code).toBe('UNKNOWN_SKU');
  });

  it('lists the whole master, filters by exact sku, and pages', async () => {
    const all = await ctx.api('GET', '/v1/products');
    expect(all.body.TotalItems).toBe(5);
    const gps = await ctx.api('GET', '/v1/products?sku=GPS');
    expect(gps.body.Items).toEqual([expect.objectContaining({ ExternalId: '104', SerialTracked: true })]);
    const page = await ctx.api('GET', '/v1/products?page=3&pageSize=2');
    expect(page.body).toMatchObject({ Page: 3, PageSize: 2, TotalItems: 5, Items: [expect.objectContaining({ Sku: 'GIFT' })] });
    expect((await ctx.api('GET', '/v1/products?pageSize=0')).status).toBe(400);
    expect((await ctx.api('GET', '/v1/products?page=x')).status).toBe(400);
  });

  it('answers 400 for wrong types and negative weights', async () => {
    expect((await ctx.api('PUT', '/v1/products/200', { ...stove, WeightKg: -1 })).status).toBe(400);
    expect((await ctx.api('PUT', '/v1/products/200', { ...stove, Physical: 'yes' })).body.Details[0].Field).toBe('Physical');
  });
});
