/**
 * A sales order as the order handoff needs it, read once by an adapter (from a user event's
 * newRecord or a loaded record) so every decision below is a pure function of it.
 */

/** NetSuite order statuses: A pending approval, B pending fulfilment, C cancelled, H closed, ... */
export type OrderStatusCode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

export interface ShippingAddress {
  addressee?: string;
  attention?: string;
  addr1?: string;
  addr2?: string;
  addr3?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
}

export interface SalesOrderLine {
  /** NetSuite's stable line id (`line`), used as Scend's LineRef. */
  line: string;
  itemId: string;
  /** The line's `itemtype` (InvtPart, Assembly, Kit, Service, DwnLdItem, ...). */
  itemType: string;
  quantity: number;
  locationId?: string;
  isClosed: boolean;
  rate?: number;
  /** `createpo`: 'DropShip' or 'SpecOrd' when a purchase order ships or supplies the line (the warehouse never picks it). */
  createPo?: string;
  /**
   * `unitconversionrate`: base units per line unit when units of measure are used (the line's
   * `quantity` is in its `units`); absent or 0 without units of measure.
   */
  unitConversionRate?: number;
}

export interface SalesOrderSnapshot {
  id: string;
  tranId: string;
  externalId?: string;
  /** `otherrefnum`: the customer's PO number. */
  poNumber?: string;
  status: OrderStatusCode | string;
  /** ISO date (yyyy-mm-dd) or date-time. */
  tranDate: string;
  shipDate?: string;
  shipMethodId?: string;
  /** Header location, used for lines without their own. */
  locationId?: string;
  customerName?: string;
  email?: string;
  currency?: string;
  memo?: string;
  shipTo?: ShippingAddress;
  lines: SalesOrderLine[];
}

export const isApprovedStatus = (status: string): boolean => status === 'B';
