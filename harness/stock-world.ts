/**
 * An end-to-end world for stock: N products in Scend (ExternalId = the NetSuite item id) with the
 * same on hand in NetSuite's mapped location, accounts for the stock sync and each movement reason.
 * Build first. Used by __tests__/stock and bench/stock-sync.ts.
 */
import { startConnectorWorld, type ConnectorWorld } from './connector-world';
import { ITEM_FIELDS, RECORDS, SCRIPTS } from '../src/ts/ids';

export interface StockSku {
  sku: string;
  onHand: number;
  lot?: boolean;
  /** NetSuite's on hand when it should differ from Scend's at the start. */
  netsuite?: number;
}

export interface StockWorld extends ConnectorWorld {
  items: Map<string, number>;
  accounts: { sync: number; damaged: number; lost: number; found: number; cycle: number; quarantine: number };
  onHand(sku: string): number;
  scendOnHand(): Promise<Map<string, number>>;
  adjustments(): Array<{ id: number; externalid: string; account: string; memo: string; lines: Array<{ item: number; qty: number }> }>;
  runs(): Array<{ id: number; snapshot: string; status: string; counts: Record<string, number>; fileId: number; adjustments: string }>;
  file(id: number): string;
}

export const SYNC = SCRIPTS.stockSync.deployments.main;
export const MOVES = SCRIPTS.stockMovements.deployments.main;

export async function startStockWorld(skus: StockSku[], options: { seed?: number; tolerance?: number; rateLimitPerMinute?: number } = {}): Promise<StockWorld> {
  const products = skus.map((s, i) => ({ Sku: s.sku, ExternalId: String(i + 1), Name: `Product ${s.sku}`, WeightKg: 1, ...(s.lot ? { LotTracked: true } : {}) }));
  const stock = skus.filter((s) => s.onHand > 0).map((s) => ({ Sku: s.sku, Warehouse: 'UK1', OnHand: s.onHand }));
  const world = await startConnectorWorld({
    seed: options.seed,
    ...(options.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    simulator: { catalogue: { products, stock } },
  });
  const { db, sb } = world;
  const account = (name: string) => db.seed('account', { acctname: name, accttype: 'Expense' });
  const accounts = {
    sync: account('Stock reconciliation'),
    damaged: account('Damaged stock'),
    lost: account('Shrinkage'),
    found: account('Stock found'),
    cycle: account('Cycle count variance'),
    quarantine: account('Quarantine'),
  };
  const F = RECORDS.config.fields;
  sb.record.submitFields({
    type: RECORDS.config.id,
    id: world.configId,
    values: {
      [F.stockTolerance]: options.tolerance ?? 2,
      [F.stockAccount]: accounts.sync,
      [F.damagedAccount]: accounts.damaged,
      [F.lostAccount]: accounts.lost,
      [F.foundAccount]: accounts.found,
      [F.cycleCountAccount]: accounts.cycle,
      [F.quarantineAccount]: accounts.quarantine,
    },
  });
  const items = new Map<string, number>();
  skus.forEach((s, i) => {
    const id = db.seed(s.lot ? 'lotnumberedinventoryitem' : 'inventoryitem', { itemid: s.sku, [ITEM_FIELDS.scendSku]: s.sku });
    if (id !== i + 1) throw new Error(`item ${s.sku} got id ${id}, Scend's ExternalId is ${i + 1}`);
    items.set(s.sku, id);
  });
  // NetSuite's starting stock: plain items straight into the books (as if long since received),
  // lot items by an adjustment naming two lots, as a user would post it.
  for (const s of skus) {
    const qty = s.netsuite ?? s.onHand;
    if (!s.lot && qty > 0) db.inventory.adjustOnHand(items.get(s.sku)!, world.location, qty, 'opening stock');
  }
  const lots = skus.filter((s) => s.lot && (s.netsuite ?? s.onHand) > 0);
  if (lots.length) {
    const adj = sb.record.create({ type: 'inventoryadjustment' });
    adj.setValue({ fieldId: 'account', value: accounts.sync });
    adj.setValue({ fieldId: 'adjlocation', value: world.location });
    lots.forEach((s, line) => {
      const qty = s.netsuite ?? s.onHand;
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line, value: items.get(s.sku) });
      adj.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line, value: qty });
      const d = adj.getSublistSubrecord({ sublistId: 'inventory', fieldId: 'inventorydetail', line });
      const first = Math.ceil(qty / 2);
      d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: 0, value: `${s.sku}-L1` });
      d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 0, value: first });
      if (qty - first > 0) {
        d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'receiptinventorynumber', line: 1, value: `${s.sku}-L2` });
        d.setSublistValue({ sublistId: 'inventoryassignment', fieldId: 'quantity', line: 1, value: qty - first });
      }
    });
    adj.save();
  }
  type Row = { id: string; getValue(o: string | { name: string }): unknown };
  return {
    ...world,
    items,
    accounts,
    onHand: (sku) => db.stockLevel(items.get(sku)!, world.location).onHand,
    async scendOnHand() {
      const out = new Map<string, number>();
      for (let page = 1; ; page++) {
        const body = await world.scend<{ Items: Array<{ Sku: string; Warehouse: string; OnHand: number }>; TotalItems: number; PageSize: number }>(`/stock?warehouse=UK1&page=${page}&pageSize=500`);
        for (const i of body.Items) out.set(i.Sku, (out.get(i.Sku) ?? 0) + i.OnHand);
        if (page * body.PageSize >= body.TotalItems) return out;
      }
    },
    adjustments() {
      const out: ReturnType<StockWorld['adjustments']> = [];
      for (const rec of db.store.ofType('inventoryadjustment')) {
        const d = rec.data;
        out.push({
          id: rec.id,
          externalid: String(d.fields.externalid ?? ''),
          account: String(d.fields.account ?? ''),
          memo: String(d.fields.memo ?? ''),
          lines: (d.sublists.inventory ?? []).map((l) => ({ item: Number(l.item), qty: Number(l.adjustqtyby) })),
        });
      }
      return out;
    },
    runs() {
      const R = RECORDS.stockRun.fields;
      const rows: ReturnType<StockWorld['runs']> = [];
      sb.search
        .create({ type: RECORDS.stockRun.id, filters: [], columns: [R.snapshotId, R.status, R.counts, R.fileId, R.adjustments] })
        .run()
        .each((r: Row) => {
          rows.push({
            id: Number(r.id),
            snapshot: String(r.getValue({ name: R.snapshotId })),
            status: String(r.getValue({ name: R.status })),
            counts: JSON.parse(String(r.getValue({ name: R.counts }) || '{}')),
            fileId: Number(r.getValue({ name: R.fileId })),
            adjustments: String(r.getValue({ name: R.adjustments }) ?? ''),
          });
          return true;
        });
      return rows.sort((a, b) => a.id - b.id);
    },
    file: (id) => sb.host.files.find(id)!.contents,
  };
}
