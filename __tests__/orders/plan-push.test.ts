import { planPush } from '../../src/ts/core/orders/plan-push';
import { items, NOW, order, OTHER_LOCATION, settings } from './fixtures';

describe('planning what an approved order sends to Scend', () => {
  it('sends only the physical lines, with the external id as ClientReference', () => {
    const plan = planPush(order(), items, settings, NOW);
    expect(plan.kind).toBe('send');
    if (plan.kind !== 'send') return;
    expect(plan.body.ClientReference).toBe('SHOP-1001');
    expect(plan.body.Lines).toEqual([{ LineRef: '1', Sku: 'MUG-RED', Quantity: 2, UnitPrice: 8 }]);
    expect(plan.filtered).toEqual([{ line: '2', itemId: '20', itemType: 'Service', reason: 'not-physical' }]);
  });

  it('uses the document number when the order has no external id, or when configured to', () => {
    const noExternal = planPush(order({ externalId: undefined }), items, settings, NOW);
    const tranIdConfigured = planPush(order(), items, { ...settings, referenceSource: 'tranId' }, NOW);
    expect(noExternal.clientReference).toBe('SO1001');
    expect(tranIdConfigured.clientReference).toBe('SO1001');
  });

  it('drops download, closed and unmapped-location lines and explodes kits into physical members', () => {
    const plan = planPush(
      order({
        lines: [
          { line: '1', itemId: '30', itemType: 'Kit', quantity: 3, isClosed: false },
          { line: '2', itemId: '21', itemType: 'DwnLdItem', quantity: 1, isClosed: false },
          { line: '3', itemId: '11', itemType: 'InvtPart', quantity: 1, isClosed: true },
          { line: '4', itemId: '12', itemType: 'Assembly', quantity: 1, isClosed: false, locationId: OTHER_LOCATION },
          { line: '5', itemId: '12', itemType: 'Assembly', quantity: 4, isClosed: false },
        ],
      }),
      items,
      settings,
      NOW,
    );
    expect(plan.kind).toBe('send');
    if (plan.kind !== 'send') return;
    expect(plan.body.Lines.map((l) => [l.LineRef, l.Sku, l.Quantity])).toEqual([
      ['1.10', 'MUG-RED', 3],
      ['1.11', 'MUG-BLUE', 6],
      ['5', 'GIFT-BOX', 4],
    ]);
    expect(plan.filtered.map((f) => [f.line, f.reason])).toEqual([
      ['2', 'not-physical'],
      ['3', 'closed'],
      ['4', 'unmapped-location'],
    ]);
  });

  it('does not send an order with nothing physical, and raises nothing', () => {
    const plan = planPush(order({ lines: [{ line: '1', itemId: '21', itemType: 'DwnLdItem', quantity: 1, isClosed: false }] }), items, settings, NOW);
    expect(plan.kind).toBe('nothing-physical');
  });

  it('holds an order without a complete address with a customer-service exception naming what is missing', () => {
    const plan = planPush(order({ shipTo: { addressee: 'Ada', addr1: '1 Way', country: 'GB' } }), items, settings, NOW);
    expect(plan.kind).toBe('blocked');
    if (plan.kind !== 'blocked') return;
    expect(plan.exceptions).toHaveLength(1);
    expect(plan.exceptions[0]).toMatchObject({ type: 'missingAddress', owner: 'customerService', transactionId: '500', dedupeKey: 'missingAddress:order:500' });
    expect(plan.exceptions[0].message).toContain('city, postcode');
  });

  it('holds an order with a renamed or unknown SKU with operations exceptions', () => {
    const plan = planPush(
      order({
        lines: [
          { line: '1', itemId: '40', itemType: 'InvtPart', quantity: 1, isClosed: false },
          { line: '2', itemId: '41', itemType: 'InvtPart', quantity: 1, isClosed: false },
          { line: '3', itemId: '10', itemType: 'InvtPart', quantity: 1, isClosed: false },
        ],
      }),
      items,
      settings,
      NOW,
    );
    expect(plan.kind).toBe('blocked');
    if (plan.kind !== 'blocked') return;
    expect(plan.exceptions.map((e) => [e.type, e.owner, e.itemId])).toEqual([
      ['unmappedSku', 'operations', '41'],
      ['skuMismatch', 'operations', '40'],
    ]);
    expect(plan.exceptions[1].message).toContain('MUG-GREEN-V2 (Scend: MUG-GREEN)');
  });

  it('maps the shipping method to a courier service and its priority to the despatch date', () => {
    const express = planPush(order({ shipMethodId: '50' }), items, settings, NOW);
    const unmapped = planPush(order({ shipMethodId: '77' }), items, settings, NOW);
    const dated = planPush(order({ shipDate: '2025-01-20' }), items, settings, NOW);
    if (express.kind !== 'send' || unmapped.kind !== 'send' || dated.kind !== 'send') throw new Error('expected sends');
    expect([express.body.CourierService, express.body.RequiredDespatchDate]).toEqual(['NEXT_DAY', '2025-01-06T00:00:00.000Z']);
    expect([unmapped.body.CourierService, unmapped.body.RequiredDespatchDate]).toEqual(['STANDARD', '2025-01-08T00:00:00.000Z']);
    expect(dated.body.RequiredDespatchDate).toBe('2025-01-20T00:00:00.000Z');
  });

  it('never asks for a despatch date in the past when an old order is approved late', () => {
    const plan = planPush(order({ tranDate: '2024-12-01' }), items, settings, NOW);
    if (plan.kind !== 'send') throw new Error('expected send');
    expect(plan.body.RequiredDespatchDate).toBe('2025-01-06T00:00:00.000Z');
  });
});
