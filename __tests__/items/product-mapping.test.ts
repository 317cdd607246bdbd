import { NotAProductError, toProductUpsert } from '../../src/ts/core/items/product';
import { toKilograms, UnknownWeightUnitError } from '../../src/ts/core/items/weight';
import { anItem } from './fixtures';

describe('NetSuite item -> Scend product upsert', () => {
  it('keys the product by the item internal id and uses itemid as the SKU', () => {
    const body = toProductUpsert(anItem({ id: '7', itemId: 'TEE-RED-M' }));
    expect(body.ExternalId).toBe('7');
    expect(body.Sku).toBe('TEE-RED-M');
  });

  it('names the product by display name, else by itemid', () => {
    expect(toProductUpsert(anItem({ displayName: 'Red tee, M' })).Name).toBe('Red tee, M');
    expect(toProductUpsert(anItem({ itemId: 'TEE-RED-M', displayName: null })).Name).toBe('TEE-RED-M');
    expect(toProductUpsert(anItem({ itemId: 'TEE-RED-M', displayName: '  ' })).Name).toBe('TEE-RED-M');
  });

  it('sends the UPC as barcode only when there is one', () => {
    expect(toProductUpsert(anItem({ upcCode: '123' })).Barcode).toBe('123');
    expect(toProductUpsert(anItem({ upcCode: null }))).not.toHaveProperty('Barcode');
  });

  it('marks inactive items discontinued and carries lot/serial tracking', () => {
    const body = toProductUpsert(anItem({ inactive: true, lotTracked: true, serialTracked: false }));
    expect(body).toMatchObject({ Discontinued: true, LotTracked: true, SerialTracked: false, Physical: true });
  });

  it('sends dimensions only when present and positive', () => {
    const withDims = toProductUpsert(anItem({ lengthCm: 10, widthCm: 8, heightCm: 12 }));
    expect(withDims).toMatchObject({ LengthCm: 10, WidthCm: 8, HeightCm: 12 });
    const without = toProductUpsert(anItem({ lengthCm: null, widthCm: 0, heightCm: null }));
    expect(without).not.toHaveProperty('LengthCm');
    expect(without).not.toHaveProperty('WidthCm');
  });

  it('treats assemblies as products and refuses kits, services and digital items', () => {
    expect(toProductUpsert(anItem({ type: 'Assembly' })).Sku).toBe('MUG-BLUE');
    for (const type of ['Kit', 'Service', 'DwnLdItem', 'NonInvtPart'] as const) {
      expect(() => toProductUpsert(anItem({ type }))).toThrow(NotAProductError);
    }
  });
});

describe('weight conversion to kilograms', () => {
  it.each([
    [1, 'lb', 0.454],
    [16, 'oz', 0.454],
    [2.5, 'kg', 2.5],
    [400, 'g', 0.4],
    [1, '1', 0.454],
    [1, '2', 0.028],
    [1, '3', 1],
    [250, '4', 0.25],
    [2, 'LBS', 0.907],
  ])('%s %s is %s kg', (weight, unit, kg) => {
    expect(toKilograms(weight, unit)).toBeCloseTo(kg, 3);
  });

  it('gives 0 when the item has no weight', () => {
    expect(toKilograms(null, 'kg')).toBe(0);
    expect(toKilograms(null, null)).toBe(0);
  });

  it('takes a weight without unit as pounds, NetSuite default', () => {
    expect(toKilograms(10, null)).toBeCloseTo(4.536, 3);
  });

  it('names an unknown unit instead of guessing', () => {
    expect(() => toKilograms(1, 'stone')).toThrow(UnknownWeightUnitError);
  });
});
