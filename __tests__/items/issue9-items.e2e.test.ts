/**
 * End to end (issue 9, item master): lot-numbered, serialized and matrix items; a product Scend
 * lost; orders held on an item Scend does not know, retried from the backlog within the hour.
 * The built bundle in the sandbox, against the Scend simulator (rate limit on).
 */
import { skuMismatchKey } from '../../src/ts/core/items/issues';
import { SCRIPTS } from '../../src/ts/ids';
import { createOrder, ledger, makeDue, openExceptions, startOrderWorld, type OrderWorld } from '../orders/support/order-world';
import { createItem, editItem, itemFlags, type NewItem } from './support/item-world';

const BACKLOG = SCRIPTS.orderBacklog.deployments.main;
let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld({ seed: 9 });
});

afterAll(async () => {
  await w?.close();
});

const product = async (id: string) => {
  const res = await fetch(`${w.sim.url}/v1/products/${encodeURIComponent(id)}`, { headers: { 'X-Api-Key': w.sim.apiKey } });
  return res.status === 404 ? undefined : ((await res.json()) as { Sku: string; LotTracked: boolean; SerialTracked: boolean });
};

describe('lot-numbered and serialized inventory items', () => {
  it('the item user event is deployed on each item record type the connector syncs', () => {
    const deployed = (type: string) => w.sb.userEventsFor(type).map((d) => d.deploymentId);
    expect(deployed('lotnumberedinventoryitem')).toContain(SCRIPTS.itemSync.deployments.lotInventory);
    expect(deployed('serializedinventoryitem')).toContain(SCRIPTS.itemSync.deployments.serialInventory);
  });

  it('creating a lot-numbered or serialized item creates its product, tracked as such, and records the SKU', async () => {
    const lot = createItem(w.sb, { itemid: 'HONEY-LOT' }, 'lotnumberedinventoryitem');
    const serial = createItem(w.sb, { itemid: 'DRILL-SER' }, 'serializedinventoryitem');
    expect(await product(lot)).toMatchObject({ Sku: 'HONEY-LOT', LotTracked: true, SerialTracked: false });
    expect(await product(serial)).toMatchObject({ Sku: 'DRILL-SER', LotTracked: false, SerialTracked: true });
    expect(itemFlags(w.sb, lot, 'lotnumberedinventoryitem')).toEqual({ scendSku: 'HONEY-LOT', aligned: true });
    expect(itemFlags(w.sb, serial, 'serializedinventoryitem')).toEqual({ scendSku: 'DRILL-SER', aligned: true });
  });

  it('an order for a lot-numbered item is sent under its SKU', async () => {
    const lot = createItem(w.sb, { itemid: 'JAM-LOT' }, 'lotnumberedinventoryitem');
    createOrder(w, { lines: [{ item: Number(lot), quantity: 2 }], externalid: 'LOT-1', status: 'B' });
    expect((await w.scendOrders('LOT-1')).map((o) => o.Lines.map((l) => l.Sku))).toEqual([['JAM-LOT']]);
  });
});

describe('matrix items: "Parent : Child" from search never renames a Scend SKU', () => {
  let parent: string;
  let child: string;

  beforeAll(() => {
    parent = createItem(w.sb, { itemid: 'SHIRT', matrixtype: 'PARENT' } as NewItem);
    const rec = w.sb.record.create({ type: 'inventoryitem' });
    rec.setValue({ fieldId: 'itemid', value: 'SHIRT-RED-M' });
    rec.setValue({ fieldId: 'parent', value: Number(parent) });
    rec.setValue({ fieldId: 'matrixtype', value: 'CHILD' });
    child = String(rec.save());
  });

  it('the matrix parent is a template, not a product: Scend never gets it', async () => {
    expect(await product(parent)).toBeUndefined();
  });

  it('search and lookupFields show the child as "SHIRT : SHIRT-RED-M" (NetSuite, without Only Show Last Subitem)', () => {
    const found = w.sb.search.lookupFields({ type: 'item', id: child, columns: ['itemid'] }) as Record<string, unknown>;
    expect(found.itemid).toBe('SHIRT : SHIRT-RED-M');
  });

  it('the item user event sends the child under its own name', async () => {
    expect((await product(child))?.Sku).toBe('SHIRT-RED-M');
    expect(itemFlags(w.sb, child)).toEqual({ scendSku: 'SHIRT-RED-M', aligned: true });
  });

  it('an order for the child is sent, not held on an SKU mismatch', async () => {
    const id = createOrder(w, { lines: [{ item: Number(child), quantity: 1 }], externalid: 'MATRIX-1', status: 'B' });
    const sent = await w.scendOrders('MATRIX-1');
    expect(sent.map((o) => o.Lines.map((l) => l.Sku))).toEqual([['SHIRT-RED-M']]);
    expect(openExceptions(w).filter((e) => e.dedupeKey.endsWith(`:order:${id}`))).toEqual([]);
  });

  it('an order with many lines (item facts read by one search, not lookupFields) sends the child under its own name too', async () => {
    const others = Array.from({ length: 9 }, (_, i) => Number(createItem(w.sb, { itemid: `SOCK-${i}` })));
    createOrder(w, { lines: [Number(child), ...others].map((item) => ({ item, quantity: 1 })), externalid: 'MATRIX-2', status: 'B' });
    const sent = await w.scendOrders('MATRIX-2');
    expect(sent).toHaveLength(1);
    expect(sent[0].Lines.map((l) => l.Sku)).toContain('SHIRT-RED-M');
  });

  it('the catalogue check (a search) finds the child in sync: no rename in Scend, nothing held', async () => {
    const run = await w.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.daily);
    expect(run.status).toBe('COMPLETE');
    expect((await product(child))?.Sku).toBe('SHIRT-RED-M');
    expect(itemFlags(w.sb, child)).toEqual({ scendSku: 'SHIRT-RED-M', aligned: true });
    expect(openExceptions(w).filter((e) => e.dedupeKey === skuMismatchKey(child))).toEqual([]);
    expect(await product(parent)).toBeUndefined();
  });
});

describe('a product Scend lost', () => {
  it('saving the item again, with nothing changed, recreates it in Scend', async () => {
    const id = createItem(w.sb, { itemid: 'LAMP-1', displayname: 'Lamp' });
    await w.sim.control.removeProduct(id);
    expect(await product(id)).toBeUndefined();
    editItem(w.sb, id, { displayname: 'Lamp' });
    expect((await product(id))?.Sku).toBe('LAMP-1');
  });
});

describe('the backlog retries the product push of a held order within the hour', () => {
  it('an item never created in Scend: the backlog creates the product, then sends the order', async () => {
    // Seeded without user events: an item that existed before the connector, never synced.
    const item = w.item('KETTLE-OLD', { inScend: false });
    const id = createOrder(w, { lines: [{ item, quantity: 1 }], externalid: 'HELD-1', status: 'B' });
    expect(openExceptions(w).map((e) => e.dedupeKey)).toContain(`unmappedSku:order:${id}`);
    expect(await w.scendOrders('HELD-1')).toHaveLength(0);

    makeDue(w, id);
    const run = await w.sb.runMapReduce(BACKLOG);
    expect([run.input.error, run.map.errors, run.summarizeError]).toEqual([null, [], null]);
    expect((await product(String(item)))?.Sku).toBe('KETTLE-OLD');
    expect(itemFlags(w.sb, String(item))).toEqual({ scendSku: 'KETTLE-OLD', aligned: true });
    expect((await w.scendOrders('HELD-1')).map((o) => o.Lines.map((l) => l.Sku))).toEqual([['KETTLE-OLD']]);
    expect(String(ledger(w, id)?.state)).toMatch(/^sent$/i);
    expect(openExceptions(w).filter((e) => e.dedupeKey.endsWith(`:order:${id}`))).toEqual([]);
  });

  it('a backlog key restarted anywhere (at a random governed call) still ends with one product and one Scend order', async () => {
    const item = w.item('KETTLE-NEW', { inScend: false });
    const id = createOrder(w, { lines: [{ item, quantity: 1 }], externalid: 'HELD-3', status: 'B' });
    makeDue(w, id);
    await w.sb.runMapReduce(BACKLOG, { restart: { random: true } });
    const again = (await w.scendOrders('HELD-3')).length === 0;
    if (again) {
      makeDue(w, id);
      await w.sb.runMapReduce(BACKLOG);
    }
    expect((await w.scendProducts()).filter((p) => p.ExternalId === String(item)).map((p) => p.Sku)).toEqual(['KETTLE-NEW']);
    expect(await w.scendOrders('HELD-3')).toHaveLength(1);
  });

  it('a product deleted in Scend (Scend refused the order for an unknown SKU): the backlog recreates it and sends', async () => {
    const item = createItem(w.sb, { itemid: 'TOASTER-9' });
    await w.sim.control.removeProduct(item);
    const id = createOrder(w, { lines: [{ item: Number(item), quantity: 1 }], externalid: 'HELD-2', status: 'B' });
    expect(await w.scendOrders('HELD-2')).toHaveLength(0);
    expect(String(ledger(w, id)?.state)).toMatch(/^blocked$/i);

    makeDue(w, id);
    const run = await w.sb.runMapReduce(BACKLOG);
    expect([run.input.error, run.map.errors, run.summarizeError]).toEqual([null, [], null]);
    expect((await product(item))?.Sku).toBe('TOASTER-9');
    expect(await w.scendOrders('HELD-2')).toHaveLength(1);
    expect(String(ledger(w, id)?.state)).toMatch(/^sent$/i);
  });
});
