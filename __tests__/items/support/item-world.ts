/**
 * An end-to-end world for the item master: the built bundle in the NetSuite sandbox, talking to
 * the Scend simulator in a child process over loopback. Build first: `npx tsx tools/build/build.ts`.
 */
import { exceptionRows, startConnectorWorld, type ConnectorWorld } from '../../../harness/connector-world';
import { ITEM_FIELDS } from '../../../src/ts/ids';
import type { Product } from '../../../src/ts/scend/contract';
import type { Sandbox } from '../../../sandbox/src/index';

export { ROOT } from '../../../harness/connector-world';

export interface ItemWorld extends ConnectorWorld {
  /** Scend's product by ExternalId, read over the public API (undefined on 404). */
  product(externalId: string): Promise<Product | undefined>;
  products(): Promise<Product[]>;
}

export async function startItemWorld(options: { seed?: number } = {}): Promise<ItemWorld> {
  const world = await startConnectorWorld({ seed: options.seed });
  return {
    ...world,
    product: async (id) => {
      const res = await fetch(`${world.sim.url}/v1/products/${encodeURIComponent(id)}`, { headers: { 'X-Api-Key': world.sim.apiKey } });
      if (res.status === 404) return undefined;
      return (await res.json()) as Product;
    },
    products: () => world.scendProducts(),
  };
}

export interface NewItem {
  itemid: string;
  displayname?: string;
  upccode?: string;
  weight?: number;
  weightunit?: string;
}

/** Creates an inventory item through N/record as a UI user: user events fire. */
export function createItem(sb: Sandbox, values: NewItem, type = 'inventoryitem'): string {
  const rec = sb.record.create({ type });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  return String(rec.save());
}

export function editItem(sb: Sandbox, id: string, values: Record<string, unknown>, type = 'inventoryitem'): void {
  const rec = sb.record.load({ type, id });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  rec.save();
}

export function itemFlags(sb: Sandbox, id: string, type = 'inventoryitem'): { scendSku: string; aligned: boolean } {
  const rec = sb.record.load({ type, id });
  return { scendSku: String(rec.getValue({ fieldId: ITEM_FIELDS.scendSku }) ?? ''), aligned: rec.getValue({ fieldId: ITEM_FIELDS.skuAligned }) === true };
}

/** Open exceptions (dedupe key, message, status). */
export function openExceptions(sb: Sandbox): Array<{ dedupeKey: string; message: string; status: string }> {
  return exceptionRows(sb).filter((e) => /open/i.test(e.status));
}
