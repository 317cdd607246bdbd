import type { Product, ProductUpsert, SkuInUseDetail } from '../contract/types';
import { ScendApiError } from './errors';

/** The item master: keyed by ExternalId, with a unique Sku index (a rename frees the old Sku). */
export class Catalogue {
  private readonly byId = new Map<string, Product>();
  private readonly bySku = new Map<string, string>();

  upsert(body: ProductUpsert): { product: Product; created: boolean } {
    const holder = this.bySku.get(body.Sku);
    if (holder !== undefined && holder !== body.ExternalId) {
      const detail: SkuInUseDetail = { Sku: body.Sku, ExternalId: holder };
      throw new ScendApiError(409, 'SKU_IN_USE', `Sku ${body.Sku} is held by product ${holder}`, [detail]);
    }
    const existing = this.byId.get(body.ExternalId);
    if (existing && existing.Sku !== body.Sku) this.bySku.delete(existing.Sku);
    const product: Product = {
      Sku: body.Sku,
      ExternalId: body.ExternalId,
      Name: body.Name,
      ...(body.Barcode !== undefined && { Barcode: body.Barcode }),
      WeightKg: body.WeightKg,
      ...(body.LengthCm !== undefined && { LengthCm: body.LengthCm }),
      ...(body.WidthCm !== undefined && { WidthCm: body.WidthCm }),
      ...(body.HeightCm !== undefined && { HeightCm: body.HeightCm }),
      LotTracked: body.LotTracked ?? false,
      SerialTracked: body.SerialTracked ?? false,
      Discontinued: body.Discontinued ?? false,
      Physical: body.Physical ?? true,
    };
    this.byId.set(product.ExternalId, product);
    this.bySku.set(product.Sku, product.ExternalId);
    return { product: { ...product }, created: !existing };
  }

  get(externalId: string): Product | undefined {
    return this.byId.get(externalId);
  }

  findBySku(sku: string): Product | undefined {
    const id = this.bySku.get(sku);
    return id === undefined ? undefined : this.byId.get(id);
  }

  list(): Product[] {
    return [...this.byId.values()];
  }

  rename(externalId: string, newSku: string): Product {
    const product = this.byId.get(externalId);
    if (!product) throw new ScendApiError(404, 'NOT_FOUND', `product ${externalId} not found`);
    return this.upsert({ ...product, Sku: newSku }).product;
  }

  remove(externalId: string): boolean {
    const product = this.byId.get(externalId);
    if (!product) return false;
    this.byId.delete(externalId);
    this.bySku.delete(product.Sku);
    return true;
  }
}
