/**
 * The issue's "done when" for receipts and returns: the warehouse moving by itself, feeds
 * redelivering, map keys interleaved and map/reduce runs restarted at random governed calls —
 * no item receipt twice, none lost. NetSuite itself refuses a second record with an externalid
 * (NetSuite Help: "External ID" — unique per record type), which is what every import keys on.
 */
import { RECORDS, SCRIPTS } from '../../src/ts/ids';
import type { Receipt, Return } from '../../src/ts/scend/contract';
import {
  asnLedger,
  createPurchaseOrder,
  createReturnAuthorization,
  createSalesOrder,
  despatchInScend,
  lineReceived,
  receiptsOf,
  startInboundWorld,
  type InboundWorld,
} from './support/inbound-world';

const RECEIPTS = SCRIPTS.receiptImport.deployments.main;
const RETURNS = SCRIPTS.returnImport.deployments.main;
let w: InboundWorld;
let skus: string[];
let items: number[];

beforeAll(async () => {
  w = await startInboundWorld({ seed: 7 });
  skus = ['PACK-30', 'PACK-45', 'POLE-2', 'MAT-1'];
  items = [];
  for (const s of skus) items.push(await w.item(s));
  await w.sim.control.configureFeeds({ redeliveryRate: 0.5 });
});
afterAll(async () => {
  await w?.close();
});

/** Forget where the feed was read up to: the next run reads everything again (a full redelivery). */
function forgetPosition(feed: string): void {
  const rows = w.sb.search.create({ type: RECORDS.feedCursor.id, filters: [['externalid', 'anyof', `feed:${feed}`]], columns: ['internalid'] }).run().getRange({ start: 0, end: 1 }) as Array<{ id: string | number }>;
  for (const r of rows) w.sb.record.delete({ type: RECORDS.feedCursor.id, id: r.id });
}

async function feed<T>(name: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await w.scend<{ Items: T[]; NextCursor: string; HasMore: boolean }>(`/${name}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.Items);
    cursor = page.NextCursor;
    if (!page.HasMore) return out;
  }
}

/** What each PO line must have received: min(ordered, good units Scend booked for it), one receipt per ReceiptId. */
async function expectExactlyOnce(pos: Array<{ id: string; qty: number[] }>): Promise<void> {
  const receipts = new Map<string, Receipt>();
  for (const r of await feed<Receipt>('receipts')) receipts.set(r.ReceiptId, r);
  for (const po of pos) {
    const asnId = asnLedger(w, po.id)[0].scendId;
    const mine = Array.from(receipts.values()).filter((r) => r.AsnId === asnId);
    const asn = (await w.sim.control.asn(asnId)) as { Lines: Array<{ LineRef: string }> };
    const good = asn.Lines.map((l) => mine.flatMap((r) => r.Lines).filter((x) => x.LineRef === l.LineRef).reduce((s, x) => s + x.QuantityReceived - x.QuantityDamaged, 0));
    expect(lineReceived(w, 'purchaseorder', po.id)).toEqual(po.qty.map((q, i) => Math.min(q, good[i])));
    const ext = receiptsOf(w, po.id).map((r) => r.externalid);
    expect(new Set(ext).size).toBe(ext.length);
    for (const e of ext) expect(mine.map((r) => `receipt:${r.ReceiptId}`)).toContain(e);
  }
}

describe('inbound exactly once', () => {
  it('receipts: keys interleaved, runs restarted at random calls, the feed redelivered — each ReceiptId received once', async () => {
    w.sb.concurrency.interleave({ probability: 0.3 });
    const pos: Array<{ id: string; qty: number[] }> = [];
    const modes = ['short', 'over', 'damaged', 'full'] as const;
    for (let i = 0; i < 8; i++) {
      const qty = [4 + i, 2 + (i % 3)];
      const id = createPurchaseOrder(w, [{ item: items[i % 4], quantity: qty[0] }, { item: items[(i + 1) % 4], quantity: qty[1] }]);
      pos.push({ id, qty });
      await w.sim.control.receiveAsn(asnLedger(w, id)[0].scendId, { Mode: modes[i % 4] });
      if (modes[i % 4] === 'short') await w.sim.control.receiveAsn(asnLedger(w, id)[0].scendId, { Mode: 'full' });
    }
    let restarts = 0;
    for (let run = 0; run < 4; run++) restarts += (await w.sb.runMapReduce(RECEIPTS, { restart: [{ random: true }, { random: true }] })).restarts.length;
    expect(restarts).toBeGreaterThan(0); // the premise: runs really were cut off
    await expectExactlyOnce(pos);
    // Everything again from the start of the feed, restarted again: nothing more is received.
    const before = pos.map((p) => receiptsOf(w, p.id).length);
    forgetPosition('receipts');
    await w.sb.runMapReduce(RECEIPTS, { restart: { random: true } });
    await w.sb.runMapReduce(RECEIPTS, { restart: { random: true } });
    expect(pos.map((p) => receiptsOf(w, p.id).length)).toEqual(before);
    await expectExactlyOnce(pos);
    w.sb.concurrency.interleave({ probability: 0 });
  });

  it('the warehouse receiving by itself (short, over, damaged) on the one clock: every receipt once, variances to finance', async () => {
    await w.sim.control.configureAutopilot({ enabled: true, receiveAfterMs: 2 * 3600_000, shortReceiptRate: 0.3, overReceiptRate: 0.3, damagedRate: 0.2 });
    const pos: Array<{ id: string; qty: number[] }> = [];
    for (let i = 0; i < 10; i++) {
      const qty = [10 + i, 3];
      pos.push({ id: createPurchaseOrder(w, [{ item: items[i % 4], quantity: qty[0] }, { item: items[(i + 2) % 4], quantity: qty[1] }]), qty });
      await w.advance(60_000);
    }
    w.sb.concurrency.interleave({ probability: 0.2 });
    await w.advance(4 * 3600_000); // the receipt import runs every 15 minutes
    w.sb.concurrency.interleave({ probability: 0 });
    await expectExactlyOnce(pos);
    const asnIds = new Set(pos.map((p) => asnLedger(w, p.id)[0].scendId));
    const variances = (await feed<Receipt>('receipts')).filter((r) => asnIds.has(r.AsnId) && r.Lines.some((l) => l.QuantityDamaged > 0));
    for (const r of variances) expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey === `receiptVariance:receipt:${r.ReceiptId}`)).toHaveLength(1);
    expect(pos.every((p) => receiptsOf(w, p.id).length >= 1)).toBe(true);
    await w.sim.control.configureAutopilot({ enabled: false });
  });

  it('returns: redelivered and restarted — each ReturnId received once on its authorization', async () => {
    w.sb.concurrency.interleave({ probability: 0.3 });
    const ras: Array<{ ra: string; expected: number }> = [];
    for (let i = 0; i < 5; i++) {
      const ref = `SHOP-X${i}`;
      const so = createSalesOrder(w, [{ item: items[0], quantity: 4 }], ref);
      const orderId = await despatchInScend(w, ref, [skus[0]]);
      const ra = createReturnAuthorization(w, so, [{ item: items[0], quantity: 3 }]);
      await w.sim.control.bookReturn({ OrderId: orderId, Lines: [{ Sku: skus[0], Quantity: 1 + (i % 3), Condition: 'RESTOCK' }] });
      ras.push({ ra, expected: 1 + (i % 3) });
    }
    let restarts = 0;
    for (let run = 0; run < 3; run++) restarts += (await w.sb.runMapReduce(RETURNS, { restart: [{ random: true }, { random: true }] })).restarts.length;
    expect(restarts).toBeGreaterThan(0);
    forgetPosition('returns');
    await w.sb.runMapReduce(RETURNS, { restart: { random: true } });
    w.sb.concurrency.interleave({ probability: 0 });
    for (const { ra, expected } of ras) {
      expect(lineReceived(w, 'returnauthorization', ra)).toEqual([expected]);
      expect(receiptsOf(w, ra)).toHaveLength(1);
    }
    expect((await feed<Return>('returns')).length).toBeGreaterThanOrEqual(5);
  });

  it('the warehouse shipping and taking returns by itself: returns with an authorization are received once, the others go to customer service', async () => {
    for (const sku of skus) await w.sim.control.setStock({ Sku: sku, Warehouse: 'UK1', OnHand: 500 });
    await w.sim.control.configureAutopilot({ enabled: true, returnRate: 1, returnAfterMs: 3600_000, damagedRate: 0 });
    const orders: Array<{ ref: string; so: string; ra?: string }> = [];
    for (let i = 0; i < 4; i++) {
      const ref = `SHOP-AUTO${i}`;
      const so = createSalesOrder(w, [{ item: items[1], quantity: 2 }, { item: items[2], quantity: 2 }], ref);
      orders.push({ ref, so, ...(i % 2 === 0 ? { ra: createReturnAuthorization(w, so, [{ item: items[1], quantity: 2 }, { item: items[2], quantity: 2 }]) } : {}) });
      await w.advance(60_000);
    }
    w.sb.concurrency.interleave({ probability: 0.2 });
    await w.advance(8 * 3600_000); // release, pick, pack, despatch, then the return; the return import runs every 15 minutes
    w.sb.concurrency.interleave({ probability: 0 });
    await w.sim.control.configureAutopilot({ enabled: false });
    const returns = await feed<Return>('returns');
    for (const o of orders) {
      const mine = returns.filter((r) => r.ClientReference === o.ref);
      expect(mine.length).toBeGreaterThanOrEqual(1); // the premise: the warehouse did take a return
      if (o.ra) {
        const returned = mine.flatMap((r) => r.Lines).reduce((n, l) => n + l.Quantity, 0);
        expect(lineReceived(w, 'returnauthorization', o.ra).reduce((a, b) => a + b, 0)).toBe(returned);
        expect(receiptsOf(w, o.ra).map((r) => r.externalid).sort()).toEqual(mine.map((r) => `return:${r.ReturnId}`).sort());
      } else {
        for (const r of mine) expect(w.exceptions({ open: true }).filter((e) => e.dedupeKey === `returnWithoutAuthorization:return:${r.ReturnId}`)).toHaveLength(1);
      }
    }
  });
});
