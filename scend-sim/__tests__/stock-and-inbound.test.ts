import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signature } from '../src/http/webhook-dispatcher';
import { validateSchema } from '../src/contract/openapi-validator';
import { orderBody, stockOf, useSimulator } from './support';

describe('stock, movements, inbound, returns and webhooks over HTTP', () => {
  const ctx = useSimulator({ webhooks: { backoffMs: 20, maxAttempts: 4 } });

  it('keeps every page of a snapshot walk identical while stock changes underneath', async () => {
    const first = await ctx.api('GET', '/v1/stock?pageSize=2');
    expect(first.body.TotalItems).toBe(5);
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await ctx.sim.control.release(body.OrderId);
    await ctx.sim.control.setStock({ Sku: 'GPS', Warehouse: 'UK1', OnHand: 1 });
    const items = [...first.body.Items];
    for (let page = 2; page <= 3; page++) {
      const next = await ctx.api('GET', `/v1/stock?pageSize=2&page=${page}&snapshotId=${first.body.SnapshotId}`);
      expect(next.body).toMatchObject({ SnapshotId: first.body.SnapshotId, AsOf: first.body.AsOf });
      items.push(...next.body.Items);
    }
    expect(stockOf(items, 'TENT')).toMatchObject({ Allocated: 0, Available: 10 });
    expect(stockOf(items, 'GPS').OnHand).toBe(4);
    const fresh = await ctx.api('GET', '/v1/stock?pageSize=500');
    expect(fresh.body.SnapshotId).not.toBe(first.body.SnapshotId);
    expect(stockOf(fresh.body.Items, 'TENT')).toMatchObject({ Allocated: 2, Available: 8 });
    expect(stockOf(fresh.body.Items, 'GPS').OnHand).toBe(1);
  });

  it('filters the snapshot by warehouse and refuses an unknown snapshotId with 400', async () => {
    const uk2 = await ctx.api('GET', '/v1/stock?warehouse=UK2');
    expect(uk2.body.Items).toEqual([expect.objectContaining({ Sku: 'TENT', Warehouse: 'UK2', OnHand: 5 })]);
    const bad = await ctx.api('GET', '/v1/stock?snapshotId=SNP-999');
    expect(bad.status).toBe(400);
    expect(bad.body.Code).toBe('VALIDATION_FAILED');
  });

  it('books movements into the feed with signed quantities and moves DAMAGED units out of OnHand', async () => {
    await ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED', Reference: 'CHK-1' });
    await ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: -1, Reason: 'LOST' });
    await ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: 3, Reason: 'FOUND' });
    await ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: -4, Reason: 'QUARANTINE' });
    await ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: 4, Reason: 'QUARANTINE' });
    await ctx.sim.control.setStock({ Sku: 'BAG', Warehouse: 'UK1', OnHand: 25 });
    await expect(ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: 1, Reason: 'LOST' })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(ctx.sim.control.bookMovement({ Sku: 'BAG', Warehouse: 'UK1', Quantity: -99, Reason: 'LOST' })).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const feed = await ctx.api('GET', '/v1/stock-movements');
    expect(feed.body.Items.map((m: { Reason: string; Quantity: number }) => `${m.Reason}${m.Quantity}`)).toEqual([
      'DAMAGED-2', 'LOST-1', 'FOUND3', 'QUARANTINE-4', 'QUARANTINE4', 'CYCLE_COUNT5',
    ]);
    expect(stockOf(await ctx.sim.control.stock(), 'BAG')).toMatchObject({ OnHand: 25, Damaged: 2 });
  });

  it('accepts an ASN once (409 DUPLICATE_ASN names the first) and rejects unknown SKUs and warehouses', async () => {
    const asn = { ClientReference: 'PO-1', Warehouse: 'UK1', Supplier: 'Acme', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: 10 }, { LineRef: '2', Sku: 'GAS', QuantityExpected: 8 }] };
    const created = await ctx.api('POST', '/v1/asns', asn);
    expect(created).toMatchObject({ status: 201, body: { AsnId: expect.any(String), Status: 'AWAITING_DELIVERY' } });
    const dup = await ctx.api('POST', '/v1/asns', asn);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ Code: 'DUPLICATE_ASN', Details: [{ AsnId: created.body.AsnId }] });
    expect((await ctx.api('POST', '/v1/asns', { ...asn, ClientReference: 'PO-2', Lines: [{ LineRef: '1', Sku: 'NOPE', QuantityExpected: 1 }] })).body.Code).toBe('UNKNOWN_SKU');
    expect((await ctx.api('POST', '/v1/asns', { ...asn, ClientReference: 'PO-3', Warehouse: 'XX9' })).status).toBe(400);
    expect((await ctx.api('POST', '/v1/asns', { ...asn, ClientReference: 'PO-4', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: -1 }] })).status).toBe(400);
  });

  it('receives short, over and damaged deliveries into the receipts feed and the books', async () => {
    const { body } = await ctx.api('POST', '/v1/asns', { ClientReference: 'PO-9', Warehouse: 'UK2', Lines: [{ LineRef: '1', Sku: 'GAS', QuantityExpected: 10 }] });
    const short = await ctx.sim.control.receiveAsn(body.AsnId, { Mode: 'short' });
    expect(short.Lines).toEqual([{ LineRef: '1', Sku: 'GAS', QuantityReceived: 5, QuantityDamaged: 0, Lot: expect.any(String) }]);
    expect((await ctx.sim.control.asn(body.AsnId)).Status).toBe('PART_RECEIVED');
    const damaged = await ctx.sim.control.receiveAsn(body.AsnId, { Lines: [{ LineRef: '1', QuantityReceived: 4, QuantityDamaged: 1, Lot: 'L1' }] });
    expect(damaged.Lines[0]).toMatchObject({ QuantityReceived: 4, QuantityDamaged: 1, Lot: 'L1' });
    const over = await ctx.sim.control.receiveAsn(body.AsnId, { Mode: 'over' });
    expect(over.Lines[0].QuantityReceived).toBe(2);
    expect((await ctx.sim.control.asn(body.AsnId)).Status).toBe('RECEIVED');
    await ctx.sim.control.closeAsn(body.AsnId);
    await expect(ctx.sim.control.receiveAsn(body.AsnId)).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const feed = await ctx.api('GET', '/v1/receipts');
    expect(feed.body.Items.map((r: { ReceiptId: string }) => r.ReceiptId)).toEqual([short.ReceiptId, damaged.ReceiptId, over.ReceiptId]);
    expect(stockOf(await ctx.sim.control.stock(), 'GAS', 'UK2')).toMatchObject({ OnHand: 10, Damaged: 1 });
  });

  it('breaks receiving of a line whose SKU was renamed after the ASN', async () => {
    const { body } = await ctx.api('POST', '/v1/asns', { ClientReference: 'PO-R', Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'BAG', QuantityExpected: 3 }] });
    await ctx.sim.control.renameProduct('102', 'BAG-V2');
    await expect(ctx.sim.control.receiveAsn(body.AsnId)).rejects.toMatchObject({ code: 'UNKNOWN_SKU' });
    expect((await ctx.api('GET', '/v1/receipts')).body.Items).toEqual([]);
  });

  it('books returns: RESTOCK back on hand with a RETURN_RESTOCK movement, DAMAGED into Damaged', async () => {
    const { body } = await ctx.api('POST', '/v1/orders', orderBody());
    await expect(ctx.sim.control.bookReturn({ OrderId: body.OrderId, Lines: [{ Sku: 'TENT', Quantity: 1, Condition: 'RESTOCK' }] })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await ctx.sim.control.despatch(body.OrderId);
    const ret = await ctx.sim.control.bookReturn({ OrderId: body.OrderId, Lines: [{ Sku: 'TENT', Quantity: 1, Condition: 'RESTOCK', Reason: 'unwanted' }, { Sku: 'TENT', Quantity: 1, Condition: 'DAMAGED' }] });
    await expect(ctx.sim.control.bookReturn({ OrderId: body.OrderId, Lines: [{ Sku: 'TENT', Quantity: 1, Condition: 'RESTOCK' }] })).rejects.toMatchObject({ code: 'INVALID' });
    const feed = await ctx.api('GET', '/v1/returns');
    expect(feed.body.Items).toEqual([ret]);
    expect(ret).toMatchObject({ OrderId: body.OrderId, ClientReference: 'SO-1001' });
    const moves = await ctx.api('GET', '/v1/stock-movements');
    expect(moves.body.Items).toEqual([expect.objectContaining({ Reason: 'RETURN_RESTOCK', Quantity: 1, Reference: ret.ReturnId, Sku: 'TENT' })]);
    expect(stockOf(await ctx.sim.control.stock(), 'TENT')).toMatchObject({ OnHand: 9, Damaged: 1 });
  });

  it.each(['/v1/order-events', '/v1/despatches', '/v1/stock-movements', '/v1/receipts', '/v1/returns'])(
    '%s: limit outside 1..500 and unknown cursors are 400, an empty feed still gives a cursor',
    async (path) => {
      const empty = await ctx.api('GET', path);
      expect(empty.body).toMatchObject({ Items: [], HasMore: false, NextCursor: expect.any(String) });
      expect((await ctx.api('GET', `${path}?cursor=${empty.body.NextCursor}`)).status).toBe(200);
      for (const q of ['limit=0', 'limit=501', 'limit=abc', 'cursor=bogus', `cursor=${Buffer.from('x:1:0').toString('base64url')}`]) {
        const res = await ctx.api('GET', `${path}?${q}`);
        expect([q, res.status, res.body.Code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      }
    },
  );

  it('invalidates cursors on reset (a stale cursor is 400, not a silent restart)', async () => {
    const { body } = await ctx.api('GET', '/v1/order-events');
    await ctx.sim.control.reset();
    expect((await ctx.api('GET', `/v1/order-events?cursor=${body.NextCursor}`)).status).toBe(400);
  });

  it('registers a webhook (secret never echoed) and delivers signed events at least once, retrying non-2xx', async () => {
    const received: { raw: string; sig: string | undefined }[] = [];
    let failuresLeft = 1;
    const hook = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ raw, sig: req.headers['x-scend-signature'] as string | undefined });
        res.statusCode = failuresLeft-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const secret = 'whsec-0123456789abcdef';
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const reg = await ctx.api('POST', '/v1/webhooks', { Url: url, Events: ['order.status_changed'], Secret: secret });
      expect(reg.status).toBe(201);
      expect(reg.body).toEqual({ WebhookId: expect.any(String), Url: url, Events: ['order.status_changed'] });
      expect((await ctx.api('POST', '/v1/webhooks', { Url: url, Events: ['nope'], Secret: secret })).status).toBe(400);
      await ctx.api('POST', '/v1/orders', orderBody());
      for (let i = 0; i < 100 && !(await ctx.sim.control.webhookDeliveries()).every((d) => d.delivered); i++) await new Promise((r) => setTimeout(r, 20));
      const deliveries = await ctx.sim.control.webhookDeliveries();
      expect(deliveries).toEqual([expect.objectContaining({ Event: 'order.status_changed', delivered: true, attempts: 2 })]);
      expect(received).toHaveLength(2);
      expect(received[0].raw).toBe(received[1].raw);
      for (const r of received) {
        expect(r.sig).toBe(signature(secret, r.raw));
        expect(validateSchema('WebhookDelivery', JSON.parse(r.raw))).toEqual([]);
      }
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });
});
