/** Valid contract bodies, typed against the contract so they cannot drift from it. */
import type {
  AsnCreate,
  Despatch,
  Order,
  OrderCreate,
  OrderEvent,
  Product,
  ProductUpsert,
  Receipt,
  Return,
  StockItem,
  StockMovement,
  WebhookRegistration,
} from '../../../src/ts/scend/contract';

export const productUpsert: ProductUpsert = { Sku: 'MUG-01', ExternalId: '1001', Name: 'Mug', WeightKg: 0.4, Barcode: '5012345678900' };

export const product: Product = {
  Sku: 'MUG-01',
  ExternalId: '1001',
  Name: 'Mug',
  Barcode: '5012345678900',
  WeightKg: 0.4,
  LotTracked: false,
  SerialTracked: false,
  Discontinued: false,
  Physical: true,
};

export const orderCreate: OrderCreate = {
  ClientReference: 'SO-1001',
  OrderNumber: 'SO1001',
  OrderDate: '2026-11-02T10:00:00Z',
  ShipTo: { Name: 'Ada Lovelace', Line1: '1 Analytical St', Town: 'London', PostCode: 'N1 1AA', CountryCode: 'GB' },
  Lines: [{ LineRef: '1', Sku: 'MUG-01', Quantity: 2 }],
};

export const order: Order = {
  OrderId: 'ORD-1',
  ClientReference: 'SO-1001',
  OrderNumber: 'SO1001',
  Status: 'RECEIVED',
  StatusChangedAt: '2026-11-02T10:00:01Z',
  ShipTo: orderCreate.ShipTo,
  Lines: orderCreate.Lines,
  Despatches: [],
};

export const orderEvent = (seq: number): OrderEvent => ({
  Seq: seq,
  OrderId: `ORD-${seq}`,
  ClientReference: `SO-${seq}`,
  Status: 'RELEASED',
  At: '2026-11-02T11:00:00Z',
});

export const despatch: Despatch = {
  DespatchId: 'DSP-1',
  OrderId: 'ORD-1',
  ClientReference: 'SO-1001',
  DespatchedAt: '2026-11-03T09:00:00Z',
  Carrier: 'Royal Mail',
  Service: 'TRACKED48',
  Parcels: [
    {
      TrackingNumber: 'RM123',
      TrackingUrl: 'https://track.example/RM123',
      WeightKg: 0.9,
      Lines: [{ LineRef: '1', Sku: 'MUG-01', Quantity: 2, Lot: 'L1', Serials: [] }],
    },
  ],
};

export const stockItem = (sku: string): StockItem => ({
  Sku: sku,
  ExternalId: `ext-${sku}`,
  Warehouse: 'MAIN',
  OnHand: 10,
  Allocated: 2,
  Available: 8,
  Damaged: 0,
});

export const movement: StockMovement = {
  MovementId: 'MOV-1',
  Sku: 'MUG-01',
  Warehouse: 'MAIN',
  Quantity: -3,
  Reason: 'DAMAGED',
  Reference: 'CC-7',
  OccurredAt: '2026-11-03T12:00:00Z',
};

export const asnCreate: AsnCreate = {
  ClientReference: 'PO-77',
  Warehouse: 'MAIN',
  Supplier: 'Potters Ltd',
  Lines: [{ LineRef: '1', Sku: 'MUG-01', QuantityExpected: 100 }],
};

export const receipt: Receipt = {
  ReceiptId: 'RCP-1',
  AsnId: 'ASN-1',
  ClientReference: 'PO-77',
  ReceivedAt: '2026-11-04T08:00:00Z',
  Lines: [{ LineRef: '1', Sku: 'MUG-01', QuantityReceived: 98, QuantityDamaged: 2 }],
};

export const returned: Return = {
  ReturnId: 'RET-1',
  OrderId: 'ORD-1',
  ClientReference: 'SO-1001',
  ReceivedAt: '2026-11-05T08:00:00Z',
  Lines: [{ Sku: 'MUG-01', Quantity: 1, Condition: 'RESTOCK', Reason: 'unwanted' }],
};

export const webhookRegistration: WebhookRegistration = {
  Url: 'https://example.invalid/hooks/scend',
  Events: ['despatch.created', 'order.status_changed'],
  Secret: 'hook-secret-for-tests',
};
