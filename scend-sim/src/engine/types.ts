import type {
  MovementReason,
  OrderLine,
  OrderStatus,
  ProductUpsert,
  ReturnCondition,
  ShipTo,
} from '../contract/types';

/** An order as the warehouse keeps it: the contract's fields plus where its stock is allocated. */
export interface OrderRecord {
  OrderId: string;
  ClientReference: string;
  OrderNumber: string;
  OrderDate: string;
  Channel?: string;
  CourierService?: string;
  RequiredDespatchDate?: string;
  Notes?: string;
  ShipTo: ShipTo;
  Lines: OrderLine[];
  Status: OrderStatus;
  StatusChangedAt: string;
  Despatches: string[];
  /** Set at release; all lines ship from one warehouse. */
  warehouse?: string;
  /** Outstanding allocation per LineRef (the product is resolved by Sku at release). */
  allocations: Map<string, { externalId: string; warehouse: string; quantity: number }>;
  despatched: Map<string, number>;
  /** Units returned per ExternalId (a return cannot exceed what was despatched). */
  returned: Map<string, number>;
  holdReason?: string;
  /** Epoch ms of the last despatch (a partial despatch leaves the status as it was). */
  lastDespatchAt?: number;
}

export interface SeedStock {
  Sku: string;
  Warehouse: string;
  OnHand: number;
  Damaged?: number;
}

/** The item master and opening stock the engine starts (and resets) with. */
export interface SeedCatalogue {
  products: ProductUpsert[];
  stock: SeedStock[];
}

export interface DespatchLineSpec {
  LineRef: string;
  Quantity: number;
  Lot?: string;
  Serials?: string[];
}

export interface ParcelSpec {
  Lines: DespatchLineSpec[];
  TrackingNumber?: string;
  WeightKg?: number;
}

/**
 * How to despatch: by default everything outstanding in one parcel. `Lines` picks a partial
 * despatch; `Parcels` as a number splits the lines over that many parcels, or gives each parcel.
 */
export interface DespatchSpec {
  Lines?: DespatchLineSpec[];
  Parcels?: number | ParcelSpec[];
  Carrier?: string;
  Service?: string;
}

export interface MovementSpec {
  Sku: string;
  Warehouse: string;
  /** Signed: DAMAGED and LOST are negative, FOUND and RETURN_RESTOCK positive, QUARANTINE negative into / positive out of quarantine. */
  Quantity: number;
  Reason: MovementReason;
  Reference?: string;
}

export interface ReturnSpec {
  OrderId: string;
  Lines: { Sku: string; Quantity: number; Condition: ReturnCondition; Reason?: string }[];
}

export type ReceiveMode = 'full' | 'short' | 'over' | 'damaged';

export interface ReceiveSpec {
  /** Shortcut when Lines is absent: full (what is still expected), short (half), over (+10%, at least 1), damaged (full with a quarter damaged). */
  Mode?: ReceiveMode;
  Lines?: { LineRef: string; QuantityReceived: number; QuantityDamaged?: number; Lot?: string }[];
}

export interface SetStockSpec {
  Sku: string;
  Warehouse: string;
  OnHand: number;
}

export interface AsnRecord {
  AsnId: string;
  ClientReference: string;
  Supplier?: string;
  Warehouse: string;
  ExpectedAt?: string;
  Lines: { LineRef: string; Sku: string; QuantityExpected: number; received: number }[];
  Status: 'AWAITING_DELIVERY' | 'PART_RECEIVED' | 'RECEIVED' | 'CLOSED';
  /** Epoch ms when the ASN was announced. */
  createdAt: number;
}
