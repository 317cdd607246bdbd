import { orderBody, stockOf, useSimulator } from './support';

describe('orders over HTTP', () => {
  const ctx = useSimulator();
  const stock = async (sku: string, wh = 'UK1') => stockOf(await ctx.sim.control.stock(), sku, wh);

  it('creates an order in RECEIVED and finds it by ClientReference', async () => {
    const created = await ctx.api('POST', '/v1/orders', orderBody());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ OrderId: expect.any(String), ClientReference: 'SO-1001', Status: 'RECEIVED' });
    const found = await ctx.api('GET', '/v1/orders?clientReference=SO-1001');
    expect(found.body.TotalItems).toBe(1);
    expect(found.body.Items[0].OrderId).toBe(created.body.OrderId);
    const one = await ctx.api('GET', `/v1/orders/${created.body.OrderId}`);
    expect(one.body).toMatchObject({ Status: 'RECEIVED', OrderNumber: 'SO1001', Despatches: [] });
  });

  it('creates two orders for the same ClientReference by default (the duplicate-shipment failure mode)', async () => {
    const a = await ctx.api('POST', '/v1/orders', orderBody());
    const b = await ctx.api('POST', '/v1/orders', orderBody());
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.OrderId).not.toBe(b.body.OrderId);
    expect((await ctx.api('GET', '/v1/orders?clientReference=SO-1001')).body.TotalItems).toBe(2);
  });

  it('rejects a reused ClientReference with 409 DUPLICATE_ORDER when uniqueness is switched on, until the first is cancelled', async () => {
    await ctx.sim.control.configure({ uniqueClientReference: true });
    const a = await ctx.api('POST', '/v1/orders', orderBody());
    const b = await ctx.api('POST', '/v1/orders', orderBody());
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ Code: 'DUPLICATE_ORDER', Details: [{ OrderId: a.body.OrderId }] });
    await ctx.api('POST', `/v1/orders/${a.body.OrderId}/cancel`);
    expect((await ctx.api('POST', '/v1/orders', orderBody())).status).toBe(201);
  });

  it.each([
    ['malformed JSON', '{"ClientReference":', 'body'],
    ['empty Lines', orderBody({ Lines: [] }), 'Lines'],
    ['a fractional Quantity', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1.5 }] }), 'Lines[0].Quantity'],
    ['a zero Quantity', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 0 }] }), 'Lines[0].Quantity'],
    ['a duplicate LineRef', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1 }, { LineRef: '1', Sku: 'BAG', Quantity: 1 }] }), 'Lines[1].LineRef'],
    ['a missing OrderNumber', { ...orderBody(), OrderNumber: undefined }, 'OrderNumber'],
    ['a wrong type', { ...orderBody(), ClientReference: 42 }, 'ClientReference'],
    ['an unknown property', { ...orderBody(), Priority: 'high' }, 'Priority'],
  ])('answers 400 VALIDATION_FAILED for %s, naming the field', async (_name, body, field) => {
    const res = await ctx.api('POST', '/v1/orders', body);
    expect(res.status).toBe(400);
    expect(res.body.Code).toBe('VALIDATION_FAILED');
    expect(res.body.Details.map((d: { Field: string }) => d.Field).join(' ')).toContain(field);
  });

  it('checks the body (400) before the address and the SKUs (422)', async () => {
    const res = await ctx.api('POST', '/v1/orders', { ...orderBody({ Lines: [{ LineRef: '1', Sku: 'NOPE', Quantity: 0 }] }), ShipTo: undefined });
    expect(res.status).toBe(400);
  });

  it.each([
    ['no ShipTo', { ShipTo: undefined }],
    ['a blank PostCode', { ShipTo: { Name: 'A', Line1: '1 St', Town: 'T', PostCode: ' ', CountryCode: 'GB' } }],
    ['no Line1', { ShipTo: { Name: 'A', Town: 'T', PostCode: 'P', CountryCode: 'GB' } }],
  ])('rejects an order with %s as 422 INVALID_SHIP_TO', async (_name, patch) => {
    const res = await ctx.api('POST', '/v1/orders', { ...orderBody(), ...patch });
    expect(res.status).toBe(422);
    expect(res.body.Code).toBe('INVALID_SHIP_TO');
    expect((await ctx.api('GET', '/v1/orders')).body.TotalItems).toBe(0);
  });

  it('rejects the whole order with 422 UNKNOWN_SKU listing every unknown line', async () => {
    const res = await ctx.api('POST', '/v1/orders', orderBody({ Lines: [{ LineRef: 'a', Sku: 'TENT', Quantity: 1 }, { LineRef: 'b', Sku: 'X1', Quantity: 1 }, { LineRef: 'c', Sku: 'X2', Quantity: 1 }] }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ Code: 'UNKNOWN_SKU', Details: [{ LineRef: 'b', Sku: 'X1' }, { LineRef: 'c', Sku: 'X2' }] });
    expect((await ctx.api('GET', '/v1/orders')).body.TotalItems).toBe(0);
  });

  it('rejects a non-physical line with 422 NON_PHYSICAL_ITEM', async () => {
    const res = await ctx.api('POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1 }, { LineRef: '2', Sku: 'GIFT', Quantity: 1 }] }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ Code: 'NON_PHYSICAL_ITEM', Details: [{ LineRef: '2', Sku: 'GIFT' }] });
  });

  it('allocates at release: Available drops, OnHand does not', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    expect((await stock('TENT')).Available).toBe(10);
    await ctx.sim.control.release(body.OrderId);
    expect(await stock('TENT')).toMatchObject({ OnHand: 10, Allocated: 2, Available: 8 });
    expect((await ctx.sim.control.order(body.OrderId)).Warehouse).toBe('UK1');
  });

  it('puts a short order ON_HOLD at release and releases it once stock arrives', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'GPS', Quantity: 6 }] }));
    expect((await ctx.sim.control.release(body.OrderId)).Status).toBe('ON_HOLD');
    expect((await stock('GPS')).Allocated).toBe(0);
    await ctx.sim.control.setStock({ Sku: 'GPS', Warehouse: 'UK1', OnHand: 6 });
    expect((await ctx.sim.control.release(body.OrderId)).Status).toBe('RELEASED');
    expect((await stock('GPS')).Available).toBe(0);
  });

  it('cancels while RECEIVED/RELEASED/PICKING/ON_HOLD and returns the stock; cancelling again is 200', async () => {
    for (const walk of [[], ['release'], ['release', 'pick'], ['hold']] as const) {
      const { body } = await ctx.api('POST', '/v1/orders', orderBody());
      for (const step of walk) await ctx.sim.control[step](body.OrderId);
      const res = await ctx.api('POST', `/v1/orders/${body.OrderId}/cancel`);
      expect(res).toMatchObject({ status: 200, body: { Status: 'CANCELLED' } });
      expect((await ctx.api('POST', `/v1/orders/${body.OrderId}/cancel`)).status).toBe(200);
    }
    expect(await stock('TENT')).toMatchObject({ OnHand: 10, Allocated: 0, Available: 10 });
  });

  it('refuses to cancel from PACKING on with 409 CANCEL_TOO_LATE naming the status, and keeps the allocation', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.release(body.OrderId);
    await ctx.sim.control.pick(body.OrderId);
    await ctx.sim.control.pack(body.OrderId);
    const res = await ctx.api('POST', `/v1/orders/${body.OrderId}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ Code: 'CANCEL_TOO_LATE', Details: [{ Status: 'PACKING' }] });
    expect((await stock('TENT')).Allocated).toBe(2);
    await ctx.sim.control.despatch(body.OrderId);
    expect((await ctx.api('POST', `/v1/orders/${body.OrderId}/cancel`)).body.Details).toEqual([{ Status: 'DESPATCHED' }]);
  });

  it('amends ShipTo and Lines while RECEIVED, 409 AMEND_TOO_LATE afterwards', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    const amended = await ctx.api('PATCH', `/v1/orders/${body.OrderId}`, { Lines: [{ LineRef: '1', Sku: 'BAG', Quantity: 3 }] });
    expect(amended.status).toBe(200);
    expect(amended.body.Lines).toEqual([{ LineRef: '1', Sku: 'BAG', Quantity: 3 }]);
    expect((await ctx.api('PATCH', `/v1/orders/${body.OrderId}`, { Lines: [{ LineRef: '1', Sku: 'NOPE', Quantity: 3 }] })).body.Code).toBe('UNKNOWN_SKU');
    expect((await ctx.api('PATCH', `/v1/orders/${body.OrderId}`, {})).status).toBe(400);
    await ctx.sim.control.release(body.OrderId);
    const late = await ctx.api('PATCH', `/v1/orders/${body.OrderId}`, { ShipTo: orderBody().ShipTo });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ Code: 'AMEND_TOO_LATE', Details: [{ Status: 'RELEASED' }] });
  });

  it('answers 404 NOT_FOUND for unknown order ids on every order path', async () => {
    expect((await ctx.api('GET', '/v1/orders/ORD-404')).body.Code).toBe('NOT_FOUND');
    expect((await ctx.api('PATCH', '/v1/orders/ORD-404', { Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1 }] })).status).toBe(404);
    expect((await ctx.api('POST', '/v1/orders/ORD-404/cancel')).status).toBe(404);
  });

  it('filters the lookup by status and pages it', async () => {
    for (let i = 0; i < 5; i++) await ctx.api('POST', '/v1/orders', orderBody({ ClientReference: `R-${i}`, Lines: [{ LineRef: '1', Sku: 'BAG', Quantity: 1 }] }));
    await ctx.sim.control.release('ORD-000002');
    const received = await ctx.api('GET', '/v1/orders?status=RECEIVED&page=2&pageSize=3');
    expect(received.body).toMatchObject({ Page: 2, PageSize: 3, TotalItems: 4 });
    expect(received.body.Items.map((o: { ClientReference: string }) => o.ClientReference)).toEqual(['R-4']);
    expect((await ctx.api('GET', '/v1/orders?status=SHIPPED')).status).toBe(400);
    expect((await ctx.api('GET', '/v1/orders?pageSize=501')).status).toBe(400);
    expect((await ctx.api('GET', '/v1/orders?page=0')).status).toBe(400);
  });

  it('records every status change in the order-events feed, in order', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.despatch(body.OrderId);
    const feed = await ctx.api('GET', '/v1/order-events?limit=500');
    expect(feed.body.Items.map((e: { Status: string }) => e.Status)).toEqual(['RECEIVED', 'RELEASED', 'PICKING', 'PACKING', 'DESPATCHED']);
    expect(feed.body.Items.map((e: { Seq: number }) => e.Seq)).toEqual([1, 2, 3, 4, 5]);
    expect(feed.body.HasMore).toBe(false);
  });
});
