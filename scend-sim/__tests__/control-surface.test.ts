import { useSimulator } from './support';

describe('the /_sim control surface', () => {
  const ctx = useSimulator();

  it('needs no API key, and its routes are not part of the contract', async () => {
    const res = await fetch(`${ctx.sim.url}/_sim/health`);
    expect(await res.json()).toEqual({ ok: true });
    const viaApi = await fetch(`${ctx.sim.url}/_sim/health`, { headers: { 'X-Api-Key': 'nope' } });
    expect(viaApi.status).toBe(200);
  });

  it('exposes the books: stock ledger entries add up to the rows', async () => {
    await ctx.sim.control.setStock({ Sku: 'BAG', Warehouse: 'UK2', OnHand: 7 });
    const { rows, entries } = await ctx.sim.control.ledger();
    const bag = rows.find((r) => r.externalId === '102' && r.warehouse === 'UK2')!;
    expect(bag.onHand).toBe(7);
    expect(entries.filter((e) => e.externalId === '102' && e.warehouse === 'UK2').reduce((n, e) => n + e.onHand, 0)).toBe(7);
  });

  it('upserts, renames and removes products; reports refusals with status and code', async () => {
    expect((await ctx.sim.control.upsertProduct({ Sku: 'MUG', ExternalId: '300', Name: 'Mug', WeightKg: 0.2 })).Sku).toBe('MUG');
    expect((await ctx.sim.control.renameProduct('300', 'MUG-TI')).Sku).toBe('MUG-TI');
    await expect(ctx.sim.control.renameProduct('300', 'TENT')).rejects.toMatchObject({ status: 409, code: 'SKU_IN_USE' });
    await ctx.sim.control.removeProduct('300');
    await expect(ctx.sim.control.removeProduct('300')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(ctx.sim.control.release('ORD-404')).rejects.toMatchObject({ status: 404 });
  });

  it('lists, removes and clears fault rules, and records requests', async () => {
    const rule = await ctx.sim.control.addFault({ path: '/v1/products', action: { kind: 'status', status: 500 } });
    expect(rule).toMatchObject({ id: expect.any(String), method: '*', fired: 0 });
    expect((await ctx.api('GET', '/v1/products')).status).toBe(500);
    await ctx.sim.control.removeFault(rule.id);
    expect((await ctx.api('GET', '/v1/products')).status).toBe(200);
    expect((await ctx.sim.control.requests()).map((r) => [r.status, r.faults])).toEqual([[500, [rule.id]], [200, []]]);
    await ctx.sim.control.clearRequests();
    expect(await ctx.sim.control.requests()).toEqual([]);
    await ctx.sim.control.addFault({ action: { kind: 'drop' } });
    await ctx.sim.control.clearFaults();
    expect(await ctx.sim.control.faults()).toEqual([]);
  });

  it('moves the clock and stamps events with it', async () => {
    await ctx.sim.control.setClock({ at: '2030-06-01T12:00:00Z', frozen: true });
    expect((await ctx.sim.control.now()).now).toBe('2030-06-01T12:00:00.000Z');
    await ctx.sim.control.setStock({ Sku: 'BAG', Warehouse: 'UK1', OnHand: 1 });
    expect((await ctx.api('GET', '/v1/stock-movements')).body.Items[0].OccurredAt).toBe('2030-06-01T12:00:00.000Z');
    await ctx.sim.control.setClock({ resume: true });
    expect(Math.abs(Date.parse((await ctx.sim.control.now()).now) - Date.now())).toBeLessThan(5000);
  });

  it('resets to the seeded catalogue and keeps configuration changes visible', async () => {
    await ctx.sim.control.removeProduct('101');
    expect(await ctx.sim.control.configure({ uniqueClientReference: true })).toEqual({ uniqueClientReference: true, rateLimitPerMinute: 0 });
    await ctx.sim.control.reset();
    expect((await ctx.api('GET', '/v1/products/101')).status).toBe(200);
    expect((await ctx.sim.control.config()).uniqueClientReference).toBe(true);
  });
});
