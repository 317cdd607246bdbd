/** Which fields NetSuite masters differ between the product NetSuite wants and the one Scend holds. */
import type { Product, ProductUpsert } from '../../scend/contract';
import { sameWeight } from './weight';

export type ProductField =
  | 'Sku'
  | 'Name'
  | 'Barcode'
  | 'WeightKg'
  | 'LengthCm'
  | 'WidthCm'
  | 'HeightCm'
  | 'LotTracked'
  | 'SerialTracked'
  | 'Discontinued'
  | 'Physical';

const sameOptional = (a: number | undefined, b: number | undefined): boolean =>
  a === undefined || b === undefined ? a === b : sameWeight(a, b);

/** Fields whose values differ, in a stable order. Absent booleans take Scend's defaults. */
export function productDifferences(wanted: ProductUpsert, held: Product): ProductField[] {
  const diffs: ProductField[] = [];
  if (wanted.Sku !== held.Sku) diffs.push('Sku');
  if (wanted.Name !== held.Name) diffs.push('Name');
  if ((wanted.Barcode ?? '') !== (held.Barcode ?? '')) diffs.push('Barcode');
  if (!sameWeight(wanted.WeightKg, held.WeightKg)) diffs.push('WeightKg');
  if (!sameOptional(wanted.LengthCm, held.LengthCm)) diffs.push('LengthCm');
  if (!sameOptional(wanted.WidthCm, held.WidthCm)) diffs.push('WidthCm');
  if (!sameOptional(wanted.HeightCm, held.HeightCm)) diffs.push('HeightCm');
  if ((wanted.LotTracked ?? false) !== held.LotTracked) diffs.push('LotTracked');
  if ((wanted.SerialTracked ?? false) !== held.SerialTracked) diffs.push('SerialTracked');
  if ((wanted.Discontinued ?? false) !== held.Discontinued) diffs.push('Discontinued');
  if ((wanted.Physical ?? true) !== held.Physical) diffs.push('Physical');
  return diffs;
}

/** The same comparison between two upsert bodies (a NetSuite edit: before vs after). */
export function upsertDifferences(before: ProductUpsert, after: ProductUpsert): ProductField[] {
  const asHeld: Product = {
    ...before,
    LotTracked: before.LotTracked ?? false,
    SerialTracked: before.SerialTracked ?? false,
    Discontinued: before.Discontinued ?? false,
    Physical: before.Physical ?? true,
  };
  return productDifferences(after, asHeld);
}
