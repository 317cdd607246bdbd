/** Stateful in-memory stand-ins for the item-master ports (fakes with state, not mocks). */
import type { ExceptionDraft } from '../../src/ts/core/exceptions/exception';
import type { ItemSnapshot } from '../../src/ts/core/items/item';
import type { ItemMasterPorts } from '../../src/ts/core/items/ports';
import type { ItemFlags } from '../../src/ts/core/items/upsert-outcome';
import type { Product, ProductUpsert } from '../../src/ts/scend/contract';
import { ServerError, SkuInUseError } from '../../src/ts/scend/errors';

const ctx = (id: string) => ({ operation: 'upsertProduct', method: 'PUT' as const, path: `/v1/products/${id}` });

/** Scend's item master: keyed by ExternalId, Sku unique, a rename frees the old Sku. */
export class FakeScendCatalogue {
  readonly products = new Map<string, Product>();
  down = false;
  calls = 0;

  upsertProduct(body: ProductUpsert): { product: Product; created: boolean } {
    this.calls += 1;
    if (this.down) throw new ServerError(ctx(body.ExternalId), 503, 'UNAVAILABLE', 'down');
    const holder = [...this.products.values()].find((p) => p.Sku === body.Sku && p.ExternalId !== body.ExternalId);
    if (holder) throw new SkuInUseError(ctx(body.ExternalId), 409, 'in use', [], [{ Sku: body.Sku, ExternalId: holder.ExternalId }]);
    const created = !this.products.has(body.ExternalId);
    const product: Product = { LotTracked: false, SerialTracked: false, Discontinued: false, Physical: true, ...body } as Product;
    this.products.set(body.ExternalId, product);
    return { product: { ...product }, created };
  }

  skus(): string[] {
    return [...this.products.values()].map((p) => p.Sku).sort();
  }
}

export class FakeItemFlags {
  readonly writes: Array<{ id: string; flags: ItemFlags }> = [];
  write(item: ItemSnapshot, flags: ItemFlags): void {
    this.writes.push({ id: item.id, flags });
  }
  /** Applies every write to an item snapshot, as NetSuite would. */
  applyTo(item: ItemSnapshot): ItemSnapshot {
    let out = item;
    for (const w of this.writes.filter((x) => x.id === item.id)) {
      out = { ...out, ...(w.flags.scendSku !== undefined && { scendSku: w.flags.scendSku }), ...(w.flags.aligned !== undefined && { skuAligned: w.flags.aligned }) };
    }
    return out;
  }
}

export class FakeExceptionLog {
  readonly byKey = new Map<string, { draft: ExceptionDraft; status: 'open' | 'resolved'; occurrences: number }>();
  raise(draft: ExceptionDraft): void {
    const existing = this.byKey.get(draft.dedupeKey);
    if (existing && existing.status === 'open') {
      existing.occurrences += 1;
      existing.draft = draft;
    } else this.byKey.set(draft.dedupeKey, { draft, status: 'open', occurrences: 1 });
  }
  resolve(key: string): void {
    const existing = this.byKey.get(key);
    if (existing) existing.status = 'resolved';
  }
  open(): ExceptionDraft[] {
    return [...this.byKey.values()].filter((e) => e.status === 'open').map((e) => e.draft);
  }
}

export function fakePorts() {
  const scend = new FakeScendCatalogue();
  const flags = new FakeItemFlags();
  const exceptions = new FakeExceptionLog();
  const ports: ItemMasterPorts = { scend, flags, exceptions };
  return { ports, scend, flags, exceptions };
}
