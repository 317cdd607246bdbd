/**
 * A month of real work for the reconciliation, through the connector's own flows against the
 * simulator: orders despatched and imported as fulfilments, one despatch not yet imported, one
 * order fulfilled by hand in NetSuite, a damaged-stock movement imported, a cycle count booked in
 * Scend but not imported, an over-delivered purchase-order receipt (a receipt variance), then a
 * stock sync (one SKU-location adjusted within tolerance, one true variance for finance). Items
 * carry a Purchase Price. Shared by the reconciliation tests in the sandbox and in the browser.
 */
import { startStockWorld, MOVES, SYNC, type StockWorld } from '../../../harness/stock-world';
import { ITEM_FIELDS, RECORDS, SCRIPTS } from '../../../src/ts/ids';
import { createPurchaseOrder, asnLedger, type InboundWorld } from '../../inbound/support/inbound-world';
import { approve, createOrder, type OrderWorld } from '../../orders/support/order-world';

export const COSTS: Record<string, number> = { 'RC-MUG': 2.5, 'RC-JUG': 4.1, 'RC-PLATE': 3.2, 'RC-BOWL': 1.75, 'RC-TENT': 45 };

export interface ReconWorld extends StockWorld {
  customer: number;
  /** The despatch booked in Scend after the last import (no fulfilment yet). */
  unimportedDespatchId: string;
  /** The fulfilment entered by hand (no Scend despatch). */
  handFulfilmentId: string;
  /** The month reconciled (the one the world's work happened in). */
  month: string;
}

export async function startReconWorld(): Promise<ReconWorld> {
  const w = await startStockWorld(
    [
      { sku: 'RC-MUG', onHand: 100 },
      { sku: 'RC-JUG', onHand: 60 },
      { sku: 'RC-PLATE', onHand: 40, netsuite: 52 }, // twelve more in NetSuite: a true variance for finance
      { sku: 'RC-BOWL', onHand: 20 },
      { sku: 'RC-TENT', onHand: 10 },
    ],
    { tolerance: 2 },
  );
  const { sb, db } = w;
  sb.record.submitFields({ type: RECORDS.config.id, id: w.configId, values: { [RECORDS.config.fields.defaultCourierService]: 'STANDARD' } });
  for (const [sku, cost] of Object.entries(COSTS)) sb.record.submitFields({ type: 'inventoryitem', id: w.items.get(sku)!, values: { cost } });
  const customer = db.seed('customer', { entityid: 'Ada Lovelace', companyname: 'Ada Lovelace' });
  const vendor = db.seed('vendor', { companyname: 'Fellside Supplies', entityid: 'Fellside Supplies' });
  const ow = { ...w, customer, item: () => 0 } as unknown as OrderWorld;
  const item = (sku: string) => w.items.get(sku)!;

  async function send(ref: string, lines: Array<[string, number]>): Promise<{ id: string; scendId: string }> {
    const id = createOrder(ow, { lines: lines.map(([sku, quantity]) => ({ item: item(sku), quantity })), externalid: ref });
    approve(ow, id);
    const [order] = await w.scendOrders(ref);
    if (!order) throw new Error(`order ${ref} did not reach Scend`);
    return { id, scendId: order.OrderId };
  }

  // A kit (two mugs and a jug): Scend despatches its members, NetSuite fulfils whole kits.
  const kit = db.seed('kititem', { fields: { itemid: 'RC-SET', [ITEM_FIELDS.skuAligned]: true, [ITEM_FIELDS.scendSku]: 'RC-SET' }, sublists: { member: [{ item: item('RC-MUG'), quantity: 2 }, { item: item('RC-JUG'), quantity: 1 }] } });
  w.items.set('RC-SET', kit);

  // Despatched and imported: four orders, one of them a kit.
  for (const [ref, lines] of [
    ['RC-1', [['RC-MUG', 3], ['RC-JUG', 2]]],
    ['RC-2', [['RC-MUG', 5]]],
    ['RC-3', [['RC-PLATE', 4]]],
    ['RC-6', [['RC-SET', 1]]],
  ] as Array<[string, Array<[string, number]>]>) {
    const so = await send(ref, lines);
    await w.sim.control.despatch(so.scendId);
  }
  // The clock moves without the schedules running: every import below is run by hand, in order.
  sb.clock.advance(60_000);
  await sb.runMapReduce(SCRIPTS.despatchImport.deployments.main);

  // Despatched in Scend after the import: no fulfilment yet.
  const late = await send('RC-4', [['RC-JUG', 6]]);
  const despatch = (await w.sim.control.despatch(late.scendId)) as { DespatchId: string };

  // Fulfilled by hand in NetSuite (nothing in Scend shipped it).
  const byHand = await send('RC-5', [['RC-TENT', 1]]);
  const f = sb.record.transform({ fromType: 'salesorder', fromId: byHand.id, toType: 'itemfulfillment' });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  const handFulfilmentId = String(f.save());

  // Stock movements: damage imported; a cycle count booked but not imported before the stock sync.
  await w.sim.control.bookMovement({ Sku: 'RC-MUG', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED' });
  await sb.runMapReduce(MOVES);
  await w.sim.control.bookMovement({ Sku: 'RC-JUG', Warehouse: 'UK1', Quantity: 3, Reason: 'CYCLE_COUNT' });

  // A purchase order received over its quantity: a receipt variance for finance.
  const iw = { ...w, vendor, customer, store: 0 } as unknown as InboundWorld;
  const po = createPurchaseOrder(iw, [{ item: item('RC-BOWL'), quantity: 10 }]);
  const [asn] = asnLedger(iw, po);
  const shape = (await w.sim.control.asn(asn.scendId)) as { Lines: Array<{ LineRef: string }> };
  await w.sim.control.receiveAsn(asn.scendId, { Lines: [{ LineRef: shape.Lines[0].LineRef, QuantityReceived: 11 }] });
  sb.clock.advance(60_000);
  await sb.runMapReduce(SCRIPTS.receiptImport.deployments.main);

  sb.clock.advance(60_000);
  await sb.runMapReduce(SYNC);
  return { ...w, customer, unimportedDespatchId: despatch.DespatchId, handFulfilmentId, month: sb.clock.now().toISOString().slice(0, 7) };
}
