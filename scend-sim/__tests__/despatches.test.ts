import type { Despatch } from '../src/contract/types';
import { orderBody, stockOf, useSimulator } from './support';

describe('despatches over HTTP', () => {
  const ctx = useSimulator();

  async function order(lines = [{ LineRef: '1', Sku: 'GAS', Quantity: 6 }, { LineRef: '2', Sku: 'GPS', Quantity: 2 }, { LineRef: '3', Sku: 'TENT', Quantity: 1 }]) {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody({ Lines: lines }));
    return body.OrderId as string;
  }

  it('despatches in full in one parcel, with lots for lot-tracked and one serial per unit for serial-tracked lines', async () => {
    const id = await order();
    const d = await ctx.sim.control.despatch(id);
    const feed = await ctx.api('GET', '/v1/despatches');
    expect(feed.body.Items).toEqual([d]);
    expect(d.Parcels).toHaveLength(1);
    const lines = Object.fromEntries(d.Parcels[0].Lines.map((l) => [l.Sku, l]));
    expect(lines.GAS.Lot).toEqual(expect.any(String));
    expect(lines.GPS.Serials).toHaveLength(2);
    expect(new Set(lines.GPS.Serials).size).toBe(2);
    expect(lines.TENT).toMatchObject({ Serials: [] });
    expect(lines.TENT.Lot).toBeUndefined();
    expect(d.Parcels[0].TrackingUrl).toContain(d.Parcels[0].TrackingNumber);
    expect((await ctx.api('GET', `/v1/orders/${id}`)).body).toMatchObject({ Status: 'DESPATCHED', Despatches: [d.DespatchId] });
    const stock = await ctx.sim.control.stock();
    expect(stockOf(stock, 'GAS')).toMatchObject({ OnHand: 44, Allocated: 0 });
    expect(stockOf(stock, 'GPS')).toMatchObject({ OnHand: 2, Allocated: 0 });
  });

  it('keeps the order PACKING/PACKED through partial despatches and DESPATCHED only with the last unit', async () => {
    const id = await order();
    const first = await ctx.sim.control.despatch(id, { Lines: [{ LineRef: '1', Quantity: 4 }], Parcels: 2 });
    expect(first.Parcels).toHaveLength(2);
    expect(first.Parcels.flatMap((p) => p.Lines).reduce((n, l) => n + l.Quantity, 0)).toBe(4);
    expect(new Set(first.Parcels.map((p) => p.TrackingNumber)).size).toBe(2);
    expect((await ctx.api('GET', `/v1/orders/${id}`)).body.Status).toBe('PACKING');
    expect(stockOf(await ctx.sim.control.stock(), 'GAS')).toMatchObject({ OnHand: 46, Allocated: 2 });

    await ctx.sim.control.finishPacking(id);
    await ctx.sim.control.despatch(id, { Lines: [{ LineRef: '2', Quantity: 1, Serials: ['SN-A'] }] });
    expect((await ctx.api('GET', `/v1/orders/${id}`)).body.Status).toBe('PACKED');
    const last = await ctx.sim.control.despatch(id, {
      Parcels: [
        { Lines: [{ LineRef: '1', Quantity: 2, Lot: 'L-77' }], TrackingNumber: 'TRK-1' },
        { Lines: [{ LineRef: '2', Quantity: 1 }, { LineRef: '3', Quantity: 1 }], TrackingNumber: 'TRK-2', WeightKg: 3 },
      ],
    });
    expect(last.Parcels.map((p) => p.TrackingNumber)).toEqual(['TRK-1', 'TRK-2']);
    const o = (await ctx.api('GET', `/v1/orders/${id}`)).body;
    expect(o.Status).toBe('DESPATCHED');
    expect(o.Despatches).toHaveLength(3);
    const feed = (await ctx.api('GET', '/v1/despatches')).body.Items as Despatch[];
    expect(feed.map((d) => d.DespatchId)).toEqual(o.Despatches);
    expect(feed[1].Parcels[0].Lines[0].Serials).toEqual(['SN-A']);
  });

  it('refuses to despatch more than is outstanding or a cancelled order (control errors, nothing changes)', async () => {
    const id = await order([{ LineRef: '1', Sku: 'BAG', Quantity: 2 }]);
    await expect(ctx.sim.control.despatch(id, { Lines: [{ LineRef: '1', Quantity: 3 }] })).rejects.toMatchObject({ status: 400, code: 'INVALID' });
    await ctx.sim.control.despatch(id);
    await expect(ctx.sim.control.despatch(id)).rejects.toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
    const cancelled = await order([{ LineRef: '1', Sku: 'BAG', Quantity: 1 }]);
    await ctx.api('POST', `/v1/orders/${cancelled}/cancel`);
    await expect(ctx.sim.control.despatch(cancelled)).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await ctx.api('GET', '/v1/despatches')).body.Items).toHaveLength(1);
  });

  it('replays the feed from a cursor: the same items again, then only new ones', async () => {
    for (let i = 0; i < 3; i++) await ctx.sim.control.despatch(await order([{ LineRef: '1', Sku: 'BAG', Quantity: 1 }]));
    const first = await ctx.api('GET', '/v1/despatches?limit=2');
    expect(first.body.HasMore).toBe(true);
    const rest = await ctx.api('GET', `/v1/despatches?limit=2&cursor=${first.body.NextCursor}`);
    const replay = await ctx.api('GET', `/v1/despatches?limit=2&cursor=${first.body.NextCursor}`);
    expect({ Items: replay.body.Items, HasMore: replay.body.HasMore }).toEqual({ Items: rest.body.Items, HasMore: rest.body.HasMore }); // the cursor itself carries when it was issued
    expect(rest.body).toMatchObject({ HasMore: false, Items: [expect.objectContaining({ DespatchId: 'DSP-000003' })] });
    await ctx.sim.control.despatch(await order([{ LineRef: '1', Sku: 'BAG', Quantity: 1 }]));
    const later = await ctx.api('GET', `/v1/despatches?cursor=${rest.body.NextCursor}`);
    expect(later.body.Items.map((d: Despatch) => d.DespatchId)).toEqual(['DSP-000004']);
  });
});
