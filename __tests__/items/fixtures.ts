/** Test data builders for the item-master core (plain values, no mocks). */
import type { Product } from '../../src/ts/scend/contract';
import type { ItemSnapshot } from '../../src/ts/core/items/item';

export function anItem(overrides: Partial<ItemSnapshot> = {}): ItemSnapshot {
  return {
    id: '101',
    type: 'InvtPart',
    recordType: 'inventoryitem',
    itemId: 'MUG-BLUE',
    displayName: 'Blue mug',
    upcCode: '5012345678900',
    weight: 400,
    weightUnit: 'g',
    lengthCm: null,
    widthCm: null,
    heightCm: null,
    lotTracked: false,
    serialTracked: false,
    inactive: false,
    scendSku: 'MUG-BLUE',
    skuAligned: true,
    ...overrides,
  };
}

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    Sku: 'MUG-BLUE',
    ExternalId: '101',
    Name: 'Blue mug',
    Barcode: '5012345678900',
    WeightKg: 0.4,
    LotTracked: false,
    SerialTracked: false,
    Discontinued: false,
    Physical: true,
    ...overrides,
  };
}
