/** End to end: the built catalogue map/reduce in the sandbox against the Scend simulator. */
import { unknownProductKey } from '../../src/ts/core/items/issues';
import { SCRIPTS } from '../../src/ts/ids';
import type { Product } from '../../src/ts/scend/contract';
import { itemFlags, openExceptions, startItemWorld, type ItemWorld } from './support/item-world';

const ITEMS = 12;
let world: ItemWorld;
let ids: string[];

/** Items that exist before the connector is installed: seeded without user events. */
function seedItems(w: ItemWorld, n: number): string[] {
  const db = w.sb.data.db as { seed(type: string, values: Record<string, unknown>): number };
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(String(db.seed('inventoryitem', { itemid: `CAT-${i}`, displayname: `Catalogue item ${i}`, upccode: `50000000000${i}`, weight: i, weightunit: '3' })));
  }
  db.seed('serviceitem', { itemid: 'SVC-GIFTWRAP' });
  return out;
}

const bySku = (products: Product[]) => new Map(products.map((p) => [p.Sku, p]));

beforeAll(async () => {
  world = await startItemWorld({ seed: 7 });
  ids = seedItems(world, ITEMS);
});

afterAll(async () => {
  await world?.close();
});

describe('catalogue check', () => {
  it('bulk-loads an empty Scend with every physical item, and nothing else', async () => {
    const run = await world.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.bulkLoad);
    expect(run.status).toBe('COMPLETE');
    const products = await world.products();
    expect(products.map((p) => p.ExternalId).sort()).toEqual([...ids].sort());
    expect(bySku(products).has('SVC-GIFTWRAP')).toBe(false);
    expect(bySku(products).get('CAT-3')).toMatchObject({ WeightKg: 3, Barcode: '500000000003' });
    expect(itemFlags(world.sb, ids[0])).toEqual({ scendSku: 'CAT-1', aligned: true });
    const reduceUnits = run.usage.filter((u) => u.entryPoint === 'reduce').map((u) => u.units);
    // Per created product: one https call (10) + the item's flags (5) + config/list lookups from N/cache.
    // The first reduce may also pay a cold list-id lookup (10 units) that the rest read from N/cache.
    const warm = [...reduceUnits].sort((a, b) => a - b).slice(0, -1);
    expect(Math.max(...warm)).toBeLessThanOrEqual(40);
    expect(Math.max(...reduceUnits)).toBeLessThanOrEqual(50);
    const total = run.usage.reduce((sum, u) => sum + u.units, 0);
    console.log(`bulk load: ${total} units for ${ITEMS} items; reduce per item max ${Math.max(...reduceUnits)}, min ${Math.min(...reduceUnits)}`);
  });

  it('repairs what NetSuite is master of and raises an exception for a product NetSuite does not know', async () => {
    await world.sim.control.renameProduct(ids[1], 'CAT-2-RENAMED-IN-SCEND');
    await world.sim.control.removeProduct(ids[2]);
    await world.sim.control.upsertProduct({ Sku: 'CAT-5', ExternalId: ids[4], Name: 'Catalogue item 5', Barcode: 'WRONG', WeightKg: 99 });
    await world.sim.control.upsertProduct({ Sku: 'STRAY-1', ExternalId: 'not-in-netsuite', Name: 'Stray', WeightKg: 1 });

    const run = await world.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.daily);
    expect(run.status).toBe('COMPLETE');

    expect((await world.product(ids[1]))?.Sku).toBe('CAT-2');
    expect(await world.product(ids[2])).toMatchObject({ Sku: 'CAT-3' });
    expect(await world.product(ids[4])).toMatchObject({ Barcode: '500000000005', WeightKg: 5 });
    expect(await world.product('not-in-netsuite')).toMatchObject({ Sku: 'STRAY-1' });
    expect(openExceptions(world.sb).map((e) => e.dedupeKey)).toContain(unknownProductKey('not-in-netsuite'));
  });

  it('resolves the unknown-product exception once the product is gone from Scend', async () => {
    await world.sim.control.removeProduct('not-in-netsuite');
    const run = await world.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.daily);
    expect(run.summarizeError).toBeNull();
    expect(openExceptions(world.sb).map((e) => e.dedupeKey)).not.toContain(unknownProductKey('not-in-netsuite'));
  });

  it('survives map/reduce restarts at random points without duplicate products or exceptions', async () => {
    await world.sim.control.removeProduct(ids[6]);
    await world.sim.control.renameProduct(ids[7], 'CAT-8-OLD');
    await world.sim.control.upsertProduct({ Sku: 'STRAY-2', ExternalId: 'stray-2', Name: 'Stray 2', WeightKg: 1 });
    const run = await world.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.daily, { restart: [{ random: true }, { random: true }, { random: true }] });
    expect({ status: run.status, summarizeError: run.summarizeError, input: run.input.error }).toEqual({ status: 'COMPLETE', summarizeError: null, input: null });
    expect(run.restarts.length).toBeGreaterThan(0);

    const products = await world.products();
    expect(products).toHaveLength(ITEMS + 1);
    expect(new Set(products.map((p) => p.ExternalId)).size).toBe(products.length);
    expect((await world.product(ids[6]))?.Sku).toBe('CAT-7');
    expect((await world.product(ids[7]))?.Sku).toBe('CAT-8');
    const strays = openExceptions(world.sb).filter((e) => e.dedupeKey === unknownProductKey('stray-2'));
    expect(strays).toHaveLength(1);
  });

  it('measures governance per item', async () => {
    const run = await world.sb.runMapReduce(SCRIPTS.catalogueCheck.deployments.daily);
    const units = run.usage.reduce((sum, u) => sum + u.units, 0);
    const perItem = units / ITEMS;
    // An in-sync catalogue costs no writes: the search pages, one Scend page walk and the summary sweep.
    expect(perItem).toBeLessThan(15);
    console.log(`catalogue check, in sync: ${units} units for ${ITEMS} items (${perItem.toFixed(1)} per item)`);
  });
});
