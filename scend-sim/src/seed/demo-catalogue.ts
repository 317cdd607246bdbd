import type { SeedCatalogue } from '../engine/types';

/**
 * A small outdoor-gear brand: twelve products (two lot-tracked, two serial-tracked, one digital
 * gift card that Scend must reject, one discontinued) with stock in UK1 and UK2.
 * ExternalIds stand for NetSuite item internal ids.
 */
export function demoCatalogue(): SeedCatalogue {
  return {
    products: [
      { Sku: 'FS-TENT-2P', ExternalId: '1001', Name: 'Fellside 2-Person Tent', Barcode: '5060000000011', WeightKg: 2.4, LengthCm: 55, WidthCm: 20, HeightCm: 20 },
      { Sku: 'FS-TENT-4P', ExternalId: '1002', Name: 'Fellside 4-Person Tent', Barcode: '5060000000028', WeightKg: 5.1, LengthCm: 70, WidthCm: 28, HeightCm: 28 },
      { Sku: 'FS-BAG-3S', ExternalId: '1003', Name: '3-Season Sleeping Bag', Barcode: '5060000000035', WeightKg: 1.3 },
      { Sku: 'FS-MAT-SI', ExternalId: '1004', Name: 'Self-Inflating Mat', Barcode: '5060000000042', WeightKg: 0.9 },
      { Sku: 'FS-STOVE-GAS', ExternalId: '1005', Name: 'Compact Gas Stove', Barcode: '5060000000059', WeightKg: 0.3 },
      { Sku: 'FS-GAS-230', ExternalId: '1006', Name: 'Gas Canister 230g', Barcode: '5060000000066', WeightKg: 0.38, LotTracked: true },
      { Sku: 'FS-WAX-PROOF', ExternalId: '1007', Name: 'Proofing Wax 100ml', Barcode: '5060000000073', WeightKg: 0.12, LotTracked: true },
      { Sku: 'FS-GPS-TREK', ExternalId: '1008', Name: 'Trek GPS Unit', Barcode: '5060000000080', WeightKg: 0.2, SerialTracked: true },
      { Sku: 'FS-LAMP-500', ExternalId: '1009', Name: 'Headlamp 500lm', Barcode: '5060000000097', WeightKg: 0.09, SerialTracked: true },
      { Sku: 'FS-SOCK-MER', ExternalId: '1010', Name: 'Merino Hiking Socks', Barcode: '5060000000103', WeightKg: 0.08 },
      { Sku: 'FS-MUG-TI', ExternalId: '1011', Name: 'Titanium Mug (old model)', Barcode: '5060000000110', WeightKg: 0.1, Discontinued: true },
      { Sku: 'FS-GIFT-25', ExternalId: '1012', Name: 'E-Gift Card £25', WeightKg: 0, Physical: false },
    ],
    stock: [
      { Sku: 'FS-TENT-2P', Warehouse: 'UK1', OnHand: 40 },
      { Sku: 'FS-TENT-2P', Warehouse: 'UK2', OnHand: 12 },
      { Sku: 'FS-TENT-4P', Warehouse: 'UK1', OnHand: 15, Damaged: 1 },
      { Sku: 'FS-BAG-3S', Warehouse: 'UK1', OnHand: 60 },
      { Sku: 'FS-BAG-3S', Warehouse: 'UK2', OnHand: 25 },
      { Sku: 'FS-MAT-SI', Warehouse: 'UK1', OnHand: 80 },
      { Sku: 'FS-STOVE-GAS', Warehouse: 'UK1', OnHand: 35 },
      { Sku: 'FS-GAS-230', Warehouse: 'UK1', OnHand: 200 },
      { Sku: 'FS-GAS-230', Warehouse: 'UK2', OnHand: 120 },
      { Sku: 'FS-WAX-PROOF', Warehouse: 'UK1', OnHand: 150 },
      { Sku: 'FS-GPS-TREK', Warehouse: 'UK1', OnHand: 10 },
      { Sku: 'FS-LAMP-500', Warehouse: 'UK1', OnHand: 45 },
      { Sku: 'FS-LAMP-500', Warehouse: 'UK2', OnHand: 20 },
      { Sku: 'FS-SOCK-MER', Warehouse: 'UK2', OnHand: 300 },
      { Sku: 'FS-MUG-TI', Warehouse: 'UK1', OnHand: 3 },
    ],
  };
}
