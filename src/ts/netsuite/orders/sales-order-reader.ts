/**
 * A sales order snapshot from an N/record (a user event's newRecord costs nothing; a loaded one
 * 10 units). Only the fields the order handoff needs.
 */
import * as record from 'N/record';
import { NS } from '../../ids';
import type { SalesOrderLine, SalesOrderSnapshot, ShippingAddress } from '../../core/orders/sales-order';
import { isoDate, optionalText, plain, bool } from './values';

type Rec = record.Record | record.ClientCurrentRecord;

const ADDRESS: Array<[keyof ShippingAddress, string]> = [
  ['addressee', 'addressee'],
  ['attention', 'attention'],
  ['addr1', 'addr1'],
  ['addr2', 'addr2'],
  ['addr3', 'addr3'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['country', 'country'],
  ['phone', 'addrphone'],
];

function shipTo(rec: Rec): ShippingAddress | undefined {
  let sub: Pick<record.Record, 'getValue'>;
  try {
    sub = (rec as record.Record).getSubrecord({ fieldId: 'shippingaddress' });
  } catch {
    // NetSuite throws when the order has no shipping address at all: the planner reports it missing.
    return undefined;
  }
  const out: ShippingAddress = {};
  for (const [key, fieldId] of ADDRESS) {
    const v = optionalText(sub.getValue({ fieldId }));
    if (v) out[key] = v;
  }
  return out;
}

function lines(rec: Rec): SalesOrderLine[] {
  const sublistId = 'item';
  const count = rec.getLineCount({ sublistId });
  const out: SalesOrderLine[] = [];
  for (let i = 0; i < count; i++) {
    const get = (fieldId: string) => rec.getSublistValue({ sublistId, fieldId, line: i });
    const rate = get('rate');
    const conversion = Number(get('unitconversionrate'));
    const createPo = optionalText(get('createpo'));
    out.push({
      line: plain(get('line')) || String(i + 1),
      itemId: plain(get('item')),
      itemType: plain(get('itemtype')),
      quantity: Number(get('quantity')) || 0,
      locationId: optionalText(get('location')),
      isClosed: bool(get('isclosed')),
      ...(rate === '' || rate === null || rate === undefined || isNaN(Number(rate)) ? {} : { rate: Number(rate) }),
      ...(createPo ? { createPo } : {}),
      ...(conversion > 0 ? { unitConversionRate: conversion } : {}),
    });
  }
  return out;
}

export function snapshotOf(rec: Rec): SalesOrderSnapshot {
  const get = (fieldId: string) => rec.getValue({ fieldId });
  return {
    id: plain(rec.id),
    tranId: plain(get('tranid')) || plain(rec.id),
    externalId: optionalText(get('externalid')),
    poNumber: optionalText(get('otherrefnum')),
    status: plain(get('orderstatus')),
    tranDate: isoDate(get('trandate')) ?? new Date().toISOString().slice(0, 10),
    shipDate: isoDate(get('shipdate')),
    shipMethodId: optionalText(get('shipmethod')),
    locationId: optionalText(get('location')),
    customerName: optionalText(rec.getText({ fieldId: 'entity' })),
    memo: optionalText(get('memo')),
    shipTo: shipTo(rec),
    lines: lines(rec),
  };
}

export function loadSnapshot(id: string): SalesOrderSnapshot {
  return snapshotOf(record.load({ type: NS.types.salesOrder, id }));
}
