/** NetSuite item -> the Scend product upsert body. NetSuite is the item master. */
import type { ProductUpsert } from '../../scend/contract';
import { isProduct, type ItemSnapshot } from './item';
import { toKilograms } from './weight';

export class NotAProductError extends Error {
  override readonly name = 'NotAProductError';
  readonly code = 'SCEND_NOT_A_PRODUCT';
  readonly retry = 'permanent' as const;
  constructor(readonly itemInternalId: string, readonly type: string) {
    super(`Item ${itemInternalId} is a ${type}: only inventory and assembly items (matrix children, not their parent) are Scend products`);
  }
}

const present = (v: string | null): v is string => v !== null && v.trim() !== '';
const positive = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

export function toProductUpsert(item: ItemSnapshot): ProductUpsert {
  if (!isProduct(item)) throw new NotAProductError(item.id, item.matrixParent ? 'matrix parent' : item.type);
  const body: ProductUpsert = {
    Sku: item.itemId,
    ExternalId: item.id,
    Name: present(item.displayName) ? item.displayName.trim() : item.itemId,
    WeightKg: toKilograms(item.weight, item.weightUnit),
    LotTracked: item.lotTracked,
    SerialTracked: item.serialTracked,
    Discontinued: item.inactive,
    Physical: true,
  };
  if (present(item.upcCode)) body.Barcode = item.upcCode.trim();
  if (positive(item.lengthCm)) body.LengthCm = item.lengthCm;
  if (positive(item.widthCm)) body.WidthCm = item.widthCm;
  if (positive(item.heightCm)) body.HeightCm = item.heightCm;
  return body;
}
