/**
 * Drift detection reads the newest stock comparison (the stock sync's run record and its CSV):
 * each SKU the sync called a variance beyond tolerance is one drift exception for finance, and a
 * later sync that finds the SKU in step lets the next drift run resolve it.
 */
import { startStockWorld, SYNC, type StockWorld } from '../../harness/stock-world';
import { SCRIPTS } from '../../src/ts/ids';
import { parseComparisonCsv } from '../../src/ts/core/stock/report-read';
import { comparisonCsv } from '../../src/ts/core/stock/report';

jest.setTimeout(120_000);

describe('stock drift in the drift check', () => {
  let w: StockWorld;
  beforeEach(async () => {
    w = await startStockWorld([{ sku: 'SD-A', onHand: 20, netsuite: 30 }, { sku: 'SD-B', onHand: 5 }], { tolerance: 2 });
  });
  afterEach(async () => w.close());

  test('a variance beyond tolerance in the latest stock run is one driftStock exception per SKU, for finance', async () => {
    await w.sb.runMapReduce(SYNC);
    await w.sb.runMapReduce(SCRIPTS.drift.deployments.main);
    const drift = w.exceptions({ open: true }).filter((e) => e.dedupeKey.startsWith('driftStock:'));
    expect(drift).toEqual([expect.objectContaining({ dedupeKey: `driftStock:item:${w.items.get('SD-A')}`, owner: 'Finance' })]);
    expect(drift[0].message).toMatch(/SD-A differs: NetSuite 30, Scend 20/);
  });
});

describe('reading the comparison file back', () => {
  test('round-trips what the stock sync writes, quoted cells included', () => {
    const csv = comparisonCsv([{ sku: 'A,"B"', itemId: '7', locationId: '1', warehouse: 'UK1', scend: 3, netsuite: 5, pending: 0, difference: -2, status: 'drift' } as never]);
    expect(parseComparisonCsv(csv)).toEqual([{ sku: 'A,"B"', itemId: '7', locationId: '1', scend: 3, netsuite: 5, pending: 0, difference: -2, status: 'drift' }]);
    expect(() => parseComparisonCsv('nope\n')).toThrow(/not a stock comparison file/);
  });
});
