/** A small brand: a warehouse location, items of every kind, and a typical approved order. */
import type { ItemFacts } from '../../src/ts/core/orders/items';
import type { SalesOrderSnapshot } from '../../src/ts/core/orders/sales-order';
import type { PushSettings } from '../../src/ts/core/orders/push-order';

export const WAREHOUSE_LOCATION = '1';
export const OTHER_LOCATION = '9';
export const NOW = new Date('2025-01-06T09:00:00.000Z');

export const settings: PushSettings = {
  referenceSource: 'externalIdElseTranId',
  defaultCourierService: 'STANDARD',
  despatchLeadDays: 2,
  locations: { [WAREHOUSE_LOCATION]: 'MAIN' },
  shipMethods: { '50': { courierService: 'NEXT_DAY', priorityDays: 0 } },
  maxAttempts: 4,
  stalledAfterHours: 4,
  goLiveDate: null,
};

const item = (id: string, type: string, name: string, extra: Partial<ItemFacts> = {}): ItemFacts => ({
  id, type, name, scendSku: name, skuAligned: true, ...extra,
});

export const items = new Map<string, ItemFacts>([
  ['10', item('10', 'InvtPart', 'MUG-RED')],
  ['11', item('11', 'InvtPart', 'MUG-BLUE')],
  ['12', item('12', 'Assembly', 'GIFT-BOX')],
  ['20', item('20', 'Service', 'GIFT-WRAP', { scendSku: undefined })],
  ['21', item('21', 'DwnLdItem', 'EBOOK', { scendSku: undefined })],
  ['30', { id: '30', type: 'Kit', name: 'MUG-PAIR', skuAligned: true, members: [{ itemId: '10', quantity: 1 }, { itemId: '11', quantity: 2 }, { itemId: '20', quantity: 1 }] }],
  ['40', item('40', 'InvtPart', 'MUG-GREEN-V2', { scendSku: 'MUG-GREEN', skuAligned: false })],
  ['41', item('41', 'InvtPart', 'MUG-NEW', { scendSku: undefined, skuAligned: false })],
]);

export function order(overrides: Partial<SalesOrderSnapshot> = {}): SalesOrderSnapshot {
  return {
    id: '500',
    tranId: 'SO1001',
    externalId: 'SHOP-1001',
    status: 'B',
    tranDate: '2025-01-06',
    locationId: WAREHOUSE_LOCATION,
    customerName: 'Ada Lovelace',
    shipTo: { addressee: 'Ada Lovelace', addr1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country: 'GB' },
    lines: [
      { line: '1', itemId: '10', itemType: 'InvtPart', quantity: 2, isClosed: false, rate: 8 },
      { line: '2', itemId: '20', itemType: 'Service', quantity: 1, isClosed: false },
    ],
    ...overrides,
  };
}
