/** One movement -> one adjustment plan, or an exception, or nothing (RETURN_RESTOCK). */
import { planMovement } from '../../src/ts/core/stock/movement';
import { parseStockSettings, type StockSettings } from '../../src/ts/core/stock/settings';
import type { StockMovement } from '../../src/ts/scend/contract';

const settings = (parseStockSettings({ tolerance: 1, syncAccount: '9', reasonAccounts: { DAMAGED: '1', LOST: '2' }, reportFolder: null }) as { settings: StockSettings }).settings;
const m = (over: Partial<StockMovement>): StockMovement => ({ MovementId: 'MOV-1', Sku: 'A', Warehouse: 'UK1', Quantity: -2, Reason: 'DAMAGED', OccurredAt: '2026-01-05T09:00:00Z', ...over });
const item = { itemId: '5', sku: 'A', numbered: null };

describe('planMovement', () => {
  test('adjusts by the signed quantity at the mapped location, with the reason\'s account (falling back to the sync account)', () => {
    const plan = planMovement(m({}), item, { '10': 'UK1' }, settings);
    expect(plan).toMatchObject({ kind: 'adjust', adjustment: { externalId: 'movement:MOV-1', account: '1', locationId: '10', itemId: '5', quantity: -2, pickLots: false } });
    expect(planMovement(m({ Reason: 'FOUND', Quantity: 1 }), item, { '10': 'UK1' }, settings)).toMatchObject({ adjustment: { account: '9' } });
  });

  test('RETURN_RESTOCK is skipped: the returns import receives those units', () => {
    expect(planMovement(m({ Reason: 'RETURN_RESTOCK', Quantity: 1 }), item, { '10': 'UK1' }, settings).kind).toBe('skip');
  });

  test('unknown warehouse or SKU, serials, and lots arriving are exceptions for operations', () => {
    const owner = (p: ReturnType<typeof planMovement>) => (p.kind === 'exception' ? p.draft.owner : p.kind);
    expect(owner(planMovement(m({ Warehouse: 'UK9' }), item, { '10': 'UK1' }, settings))).toBe('operations');
    expect(owner(planMovement(m({}), undefined, { '10': 'UK1' }, settings))).toBe('operations');
    expect(owner(planMovement(m({}), { ...item, numbered: 'serial' }, { '10': 'UK1' }, settings))).toBe('operations');
    expect(owner(planMovement(m({ Reason: 'FOUND', Quantity: 2 }), { ...item, numbered: 'lot' }, { '10': 'UK1' }, settings))).toBe('operations');
    expect(planMovement(m({}), { ...item, numbered: 'lot' }, { '10': 'UK1' }, settings)).toMatchObject({ kind: 'adjust', adjustment: { pickLots: true } });
  });

  test('settings: the sync account is required; tolerance a whole number', () => {
    expect(parseStockSettings({ tolerance: -1, syncAccount: null, reasonAccounts: {}, reportFolder: null }).ok).toBe(false);
    expect(parseStockSettings(null).ok).toBe(false);
  });
});
