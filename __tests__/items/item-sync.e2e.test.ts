/** End to end: the built item user event in the sandbox, against the Scend simulator over loopback. */
import { skuMismatchKey } from '../../src/ts/core/items/issues';
import { ITEM_FIELDS, SCRIPTS } from '../../src/ts/ids';
import { createItem, editItem, itemFlags, openExceptions, startItemWorld, type ItemWorld, type NewItem } from './support/item-world';

let world: ItemWorld;

beforeAll(async () => {
  world = await startItemWorld();
});

afterAll(async () => {
  await world?.close();
});

async function orderWithSku(sku: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${world.sim.url}/v1/orders`, {
    method: 'POST',
    headers: { 'X-Api-Key': world.sim.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ClientReference: `T-${sku}-${Date.now()}`,
      OrderNumber: 'SO1',
      OrderDate: '2025-01-06T09:00:00Z',
      ShipTo: { Name: 'A', Line1: '1 High St', Town: 'Leeds', PostCode: 'LS1 1AA', CountryCode: 'GB' },
      Lines: [{ LineRef: '1', Sku: sku, Quantity: 1 }],
    }),
  });
  const body = (await res.json()) as { Code?: string };
  return { status: res.status, code: body.Code };
}

describe('item user event against Scend', () => {
  it('deploys on inventory, assembly and kit items', () => {
    const deployed = world.sb.userEventsFor('inventoryitem').map((d) => d.deploymentId);
    expect(deployed).toContain(SCRIPTS.itemSync.deployments.inventory);
    expect(world.sb.userEventsFor('kititem').map((d) => d.deploymentId)).toContain(SCRIPTS.itemSync.deployments.kit);
  });

  it('sends the packed dimensions held in the connector\'s dimension fields, and updates Scend when they change', async () => {
    const dims = { [ITEM_FIELDS.lengthCm]: 30, [ITEM_FIELDS.widthCm]: 20, [ITEM_FIELDS.heightCm]: 4.5 };
    const id = createItem(world.sb, { itemid: 'BOX-DIM', displayname: 'Boxed thing', weight: 1, weightunit: '3', ...dims } as NewItem);
    expect(await world.product(id)).toMatchObject({ LengthCm: 30, WidthCm: 20, HeightCm: 4.5 });
    editItem(world.sb, id, { [ITEM_FIELDS.heightCm]: 6 });
    expect(await world.product(id)).toMatchObject({ LengthCm: 30, WidthCm: 20, HeightCm: 6 });
  });

  it('creating an item upserts its product, keyed by internal id, and records the accepted SKU', async () => {
    const id = createItem(world.sb, { itemid: 'MUG-BLUE', displayname: 'Blue mug', upccode: '5012345678900', weight: 400, weightunit: '4' });
    expect(await world.product(id)).toMatchObject({ ExternalId: id, Sku: 'MUG-BLUE', Name: 'Blue mug', Barcode: '5012345678900', WeightKg: 0.4 });
    expect(itemFlags(world.sb, id)).toEqual({ scendSku: 'MUG-BLUE', aligned: true });
  });

  it('renaming an SKU updates Scend at once: the old SKU is no longer accepted', async () => {
    const id = createItem(world.sb, { itemid: 'TEE-RED' });
    editItem(world.sb, id, { itemid: 'TEE-CRIMSON' });
    expect((await world.product(id))?.Sku).toBe('TEE-CRIMSON');
    expect(await orderWithSku('TEE-RED')).toMatchObject({ status: 422, code: 'UNKNOWN_SKU' });
    expect(itemFlags(world.sb, id)).toEqual({ scendSku: 'TEE-CRIMSON', aligned: true });
  });

  it('a failed rename flags the item and raises an SKU mismatch for operations; the next successful sync clears both', async () => {
    const id = createItem(world.sb, { itemid: 'CAP-GREEN' });
    const fault = await world.sim.control.addFault({ method: 'PUT', path: '/v1/products/{ExternalId}', times: 1, action: { kind: 'status', status: 503 } });
    editItem(world.sb, id, { itemid: 'CAP-OLIVE' });

    expect((await world.product(id))?.Sku).toBe('CAP-GREEN');
    expect(itemFlags(world.sb, id)).toEqual({ scendSku: 'CAP-GREEN', aligned: false });
    const raised = openExceptions(world.sb).filter((e) => e.dedupeKey === skuMismatchKey(id));
    expect(raised).toHaveLength(1);
    expect(raised[0].message).toMatch(/renamed from CAP-GREEN/);
    await world.sim.control.removeFault(fault.id).catch(() => undefined);

    editItem(world.sb, id, { displayname: 'Olive cap' });
    expect((await world.product(id))?.Sku).toBe('CAP-OLIVE');
    expect(itemFlags(world.sb, id)).toEqual({ scendSku: 'CAP-OLIVE', aligned: true });
    expect(openExceptions(world.sb).filter((e) => e.dedupeKey === skuMismatchKey(id))).toEqual([]);
  });

  it('an SKU already held by another Scend product is refused and explained, not forced', async () => {
    await world.sim.control.upsertProduct({ Sku: 'TAKEN-1', ExternalId: 'legacy-1', Name: 'Legacy', WeightKg: 1 });
    const id = createItem(world.sb, { itemid: 'TAKEN-1' });
    expect(await world.product(id)).toBeUndefined();
    const raised = openExceptions(world.sb).find((e) => e.dedupeKey === skuMismatchKey(id));
    expect(raised?.message).toMatch(/ExternalId legacy-1/);
    expect(itemFlags(world.sb, id).aligned).toBe(false);
  });

  it('stays well inside the user event governance: one https call and a few units more', () => {
    createItem(world.sb, { itemid: 'GOV-WARM' });
    const id = createItem(world.sb, { itemid: 'GOV-1' });
    editItem(world.sb, id, { upccode: '1234' });
    const runs = world.sb.usageOf({ scriptId: SCRIPTS.itemSync.id });
    const [create, edit] = runs.slice(-2);
    // https 10 + flag submitFields 5 (+ 1 lookup); config and list ids come from N/cache once warm.
    expect(create.units).toBeLessThanOrEqual(20);
    expect(edit.units).toBeLessThanOrEqual(20);
    const peak = world.sb.usage.peak({ scriptId: SCRIPTS.itemSync.id });
    // The first run in a fresh account also loads the config (3 searches) and list ids (cache misses).
    expect(peak?.units).toBeLessThan(120);
    console.log(`item user event units: create ${create.units}, edit ${edit.units}, cold-cache peak ${peak?.units} of ${edit.limit}`);
  });
});
