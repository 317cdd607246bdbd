/**
 * A small seeded brand for the demo and the order-push benchmark: a catalogue with a kit, a
 * service, a digital product and non-stock lines; customers with and without a usable ship-to
 * address; and orders mixing all of them. Pure data from a seed: same seed, same brand.
 */
import { Rng } from '../sandbox/src/runners/rng';

export interface ItemSpec {
  key: string;
  type: 'inventoryitem' | 'kititem' | 'serviceitem' | 'downloaditem' | 'otherchargeitem' | 'discountitem';
  itemid: string;
  displayname: string;
  upccode?: string;
  weightKg?: number;
  members?: Array<{ key: string; quantity: number }>;
  rate: number;
}

export interface AddressSpec {
  addressee: string;
  addr1: string;
  city: string;
  zip: string;
  country: string;
}

export interface CustomerSpec {
  key: string;
  companyname: string;
  email: string;
  address: AddressSpec | null;
}

export interface OrderSpec {
  externalId: string | null;
  customerKey: string;
  lines: Array<{ itemKey: string; quantity: number }>;
  shipMethod: 'standard' | 'express';
}

export const CATALOGUE: ItemSpec[] = [
  { key: 'tee-s', type: 'inventoryitem', itemid: 'TEE-BLK-S', displayname: 'Black tee, small', upccode: '5012345000011', weightKg: 0.2, rate: 18 },
  { key: 'tee-m', type: 'inventoryitem', itemid: 'TEE-BLK-M', displayname: 'Black tee, medium', upccode: '5012345000028', weightKg: 0.22, rate: 18 },
  { key: 'tee-l', type: 'inventoryitem', itemid: 'TEE-BLK-L', displayname: 'Black tee, large', upccode: '5012345000035', weightKg: 0.24, rate: 18 },
  { key: 'hoodie', type: 'inventoryitem', itemid: 'HOOD-GRY-M', displayname: 'Grey hoodie', upccode: '5012345000042', weightKg: 0.6, rate: 45 },
  { key: 'cap', type: 'inventoryitem', itemid: 'CAP-NVY', displayname: 'Navy cap', upccode: '5012345000059', weightKg: 0.1, rate: 15 },
  { key: 'mug', type: 'inventoryitem', itemid: 'MUG-WHT', displayname: 'White mug', upccode: '5012345000066', weightKg: 0.35, rate: 9 },
  { key: 'tote', type: 'inventoryitem', itemid: 'TOTE-NAT', displayname: 'Natural tote bag', upccode: '5012345000073', weightKg: 0.15, rate: 12 },
  { key: 'socks', type: 'inventoryitem', itemid: 'SOCK-3PK', displayname: 'Socks, 3 pack', upccode: '5012345000080', weightKg: 0.12, rate: 10 },
  { key: 'bundle', type: 'kititem', itemid: 'KIT-STARTER', displayname: 'Starter bundle (tee + mug)', members: [{ key: 'tee-m', quantity: 1 }, { key: 'mug', quantity: 1 }], rate: 24 },
  { key: 'giftwrap', type: 'serviceitem', itemid: 'SVC-GIFTWRAP', displayname: 'Gift wrapping', rate: 3 },
  { key: 'ebook', type: 'downloaditem', itemid: 'DL-LOOKBOOK', displayname: 'Digital lookbook', rate: 5 },
  { key: 'shipping', type: 'otherchargeitem', itemid: 'CHG-SHIPPING', displayname: 'Shipping charge', rate: 4.95 },
  { key: 'promo', type: 'discountitem', itemid: 'DISC-WELCOME', displayname: 'Welcome discount', rate: -5 },
];

/** Deterministic random numbers in [0, 1) from a seed (the sandbox's mulberry32). */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const TOWNS = ['Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Cardiff', 'Norwich', 'York', 'Brighton'];

export function customers(count: number, seed = 7): CustomerSpec[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const town = TOWNS[Math.floor(next() * TOWNS.length)];
    return {
      key: `c${i + 1}`,
      companyname: `Customer ${i + 1}`,
      email: `customer${i + 1}@example.com`,
      // Every 25th customer has no usable ship-to address (a marketplace order imported without one).
      address: i % 25 === 24 ? null : { addressee: `Customer ${i + 1}`, addr1: `${i + 1} High Street`, city: town, zip: `AB${(i % 90) + 10} 1CD`, country: 'GB' },
    };
  });
}

const PHYSICAL = ['tee-s', 'tee-m', 'tee-l', 'hoodie', 'cap', 'mug', 'tote', 'socks'];

/** Orders: mostly physical, some with a kit, service, shipping charge or discount, a few digital-only. */
export function orders(count: number, customerCount: number, seed = 11): OrderSpec[] {
  const next = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const lines: OrderSpec['lines'] = [];
    if (i % 40 === 39) {
      lines.push({ itemKey: 'ebook', quantity: 1 });
    } else {
      const n = 1 + Math.floor(next() * 3);
      for (let l = 0; l < n; l++) lines.push({ itemKey: pick(PHYSICAL), quantity: 1 + Math.floor(next() * 3) });
      if (next() < 0.2) lines.push({ itemKey: 'bundle', quantity: 1 });
      if (next() < 0.25) lines.push({ itemKey: 'giftwrap', quantity: 1 });
      if (next() < 0.15) lines.push({ itemKey: 'ebook', quantity: 1 });
      lines.push({ itemKey: 'shipping', quantity: 1 });
      if (next() < 0.1) lines.push({ itemKey: 'promo', quantity: 1 });
    }
    return {
      externalId: i % 3 === 0 ? `SHOP-${100000 + i}` : null,
      customerKey: `c${(i % customerCount) + 1}`,
      lines,
      shipMethod: next() < 0.3 ? 'express' : 'standard',
    };
  });
}

/**
 * The trading-week brand: a few hundred SKUs (apparel and homeware variants, kits of them,
 * lot-tracked consumables, serialized electronics, services, digital products, a shipping charge
 * and a discount). Keys are stable; the same seed gives the same catalogue.
 */
export type WeekItemType = ItemSpec['type'] | 'lotnumberedinventoryitem' | 'serializedinventoryitem';
export interface WeekItemSpec extends Omit<ItemSpec, 'type'> {
  type: WeekItemType;
}

const FAMILIES: Array<{ code: string; name: string; kg: number; rate: number; sizes: string[] }> = [
  { code: 'TEE', name: 'Organic tee', kg: 0.2, rate: 18, sizes: ['S', 'M', 'L', 'XL'] },
  { code: 'HOOD', name: 'Loopback hoodie', kg: 0.6, rate: 45, sizes: ['S', 'M', 'L', 'XL'] },
  { code: 'JUMP', name: 'Lambswool jumper', kg: 0.45, rate: 60, sizes: ['S', 'M', 'L'] },
  { code: 'SOCK', name: 'Socks, 3 pack', kg: 0.12, rate: 10, sizes: ['4-7', '8-11'] },
  { code: 'CAP', name: 'Cord cap', kg: 0.1, rate: 15, sizes: ['OS'] },
  { code: 'BEAN', name: 'Ribbed beanie', kg: 0.08, rate: 14, sizes: ['OS'] },
  { code: 'MUG', name: 'Stoneware mug', kg: 0.35, rate: 9, sizes: ['OS'] },
  { code: 'TOTE', name: 'Canvas tote', kg: 0.15, rate: 12, sizes: ['OS'] },
  { code: 'BOTL', name: 'Steel bottle', kg: 0.3, rate: 22, sizes: ['500', '750'] },
  { code: 'NOTE', name: 'Dot-grid notebook', kg: 0.25, rate: 8, sizes: ['A5', 'A4'] },
];
const COLOURS = ['BLK', 'WHT', 'NVY', 'OLV', 'RST', 'GRY', 'SND', 'TEA', 'BRN', 'PNK', 'YEL', 'RED'];
const LOT_ITEMS = ['Soy candle, fig', 'Soy candle, cedar', 'Ground coffee, house', 'Ground coffee, decaf', 'Hand soap, bergamot', 'Beard oil'];
const SERIAL_ITEMS = ['Bluetooth speaker', 'Smart bottle', 'Wireless earbuds'];

/** `physical`: the number of plain stock variants (the rest of the catalogue comes on top). */
export function weekCatalogue(physical = 220): WeekItemSpec[] {
  const out: WeekItemSpec[] = [];
  let upc = 5012345100000;
  const variants: WeekItemSpec[] = [];
  for (const colour of COLOURS) {
    for (const f of FAMILIES) {
      for (const size of f.sizes) {
        if (variants.length >= physical) break;
        const itemid = `${f.code}-${colour}-${size}`;
        variants.push({ key: itemid.toLowerCase(), type: 'inventoryitem', itemid, displayname: `${f.name}, ${colour.toLowerCase()}, ${size}`, upccode: String(upc++), weightKg: f.kg, rate: f.rate });
      }
    }
  }
  out.push(...variants);
  for (let k = 0; k < 8; k++) {
    const a = variants[(k * 7) % variants.length];
    const b = variants[(k * 13 + 5) % variants.length];
    out.push({ key: `kit-${k + 1}`, type: 'kititem', itemid: `KIT-GIFT-${k + 1}`, displayname: `Gift set ${k + 1} (${a.itemid} + ${b.itemid})`, members: [{ key: a.key, quantity: 1 }, { key: b.key, quantity: 1 }], rate: a.rate + b.rate - 5 });
  }
  LOT_ITEMS.forEach((name, i) => out.push({ key: `lot-${i + 1}`, type: 'lotnumberedinventoryitem', itemid: `LOT-${name.split(/[ ,]+/)[0].toUpperCase()}-${i + 1}`, displayname: name, upccode: String(upc++), weightKg: 0.3, rate: 16 }));
  SERIAL_ITEMS.forEach((name, i) => out.push({ key: `serial-${i + 1}`, type: 'serializedinventoryitem', itemid: `SER-${name.split(' ')[0].toUpperCase()}-${i + 1}`, displayname: name, upccode: String(upc++), weightKg: 0.5, rate: 79 }));
  out.push(
    { key: 'giftwrap', type: 'serviceitem', itemid: 'SVC-GIFTWRAP', displayname: 'Gift wrapping', rate: 3 },
    { key: 'engrave', type: 'serviceitem', itemid: 'SVC-ENGRAVE', displayname: 'Engraving', rate: 6 },
    { key: 'ebook', type: 'downloaditem', itemid: 'DL-LOOKBOOK', displayname: 'Digital lookbook', rate: 5 },
    { key: 'egift', type: 'downloaditem', itemid: 'DL-EGIFT-25', displayname: 'E-gift card £25', rate: 25 },
    { key: 'pattern', type: 'downloaditem', itemid: 'DL-PATTERN', displayname: 'Knitting pattern (PDF)', rate: 4 },
    { key: 'shipping', type: 'otherchargeitem', itemid: 'CHG-SHIPPING', displayname: 'Shipping charge', rate: 4.95 },
    { key: 'promo', type: 'discountitem', itemid: 'DISC-WELCOME', displayname: 'Welcome discount', rate: -5 },
  );
  return out;
}

/** The week's orders: mostly plain variants, some kits, lot and serial items, services and digital lines; a few digital-only. */
export function weekOrders(count: number, catalogue: WeekItemSpec[], customerCount: number, seed = 11): OrderSpec[] {
  const next = rng(seed);
  const of = (type: WeekItemType) => catalogue.filter((c) => c.type === type).map((c) => c.key);
  const plain = of('inventoryitem');
  const kits = of('kititem');
  const lots = of('lotnumberedinventoryitem');
  const serials = of('serializedinventoryitem');
  const digital = of('downloaditem');
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const lines: OrderSpec['lines'] = [];
    if (i % 40 === 39) {
      lines.push({ itemKey: pick(digital), quantity: 1 });
    } else {
      const n = 1 + Math.floor(next() * 3);
      const used = new Set<string>();
      for (let l = 0; l < n; l++) {
        const key = pick(plain);
        if (used.has(key)) continue;
        used.add(key);
        lines.push({ itemKey: key, quantity: 1 + Math.floor(next() * 3) });
      }
      if (next() < 0.12) lines.push({ itemKey: pick(kits), quantity: 1 });
      if (next() < 0.08) lines.push({ itemKey: pick(lots), quantity: 1 + Math.floor(next() * 2) });
      if (next() < 0.04) lines.push({ itemKey: pick(serials), quantity: 1 });
      if (next() < 0.2) lines.push({ itemKey: 'giftwrap', quantity: 1 });
      if (next() < 0.05) lines.push({ itemKey: 'engrave', quantity: 1 });
      if (next() < 0.12) lines.push({ itemKey: pick(digital), quantity: 1 });
      lines.push({ itemKey: 'shipping', quantity: 1 });
      if (next() < 0.1) lines.push({ itemKey: 'promo', quantity: 1 });
    }
    return { externalId: i % 3 === 0 ? `SHOP-${100000 + i}` : null, customerKey: `c${(i % customerCount) + 1}`, lines, shipMethod: next() < 0.3 ? 'express' : 'standard' };
  });
}
