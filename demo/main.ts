/**
 * `npm start`: the order handoff end to end. Builds the bundle, starts the Scend simulator and
 * the NetSuite sandbox, seeds a small brand, and approves a few hundred orders through the
 * deployed scripts while the known failure modes are injected. Ends with a summary.
 */
import { build } from '../tools/build/build';
import { RECORDS, SCRIPTS } from '../src/ts/ids';
import { CATALOGUE, orders as brandOrders, type OrderSpec } from './brand';
import { enterOrder, startBrandWorld, type BrandWorld } from './world';

const ORDERS = Number(process.env.DEMO_ORDERS ?? 300);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const step = (text: string) => console.log(`[${elapsed()}] ${text}`);

type Row = { getValue(o: { name: string }): unknown; getText(o: { name: string }): string; id: string };

function rows(w: BrandWorld, type: string, columns: string[]): Row[] {
  const out: Row[] = [];
  w.sb.search.create({ type, filters: [], columns }).run().each((r: unknown) => {
    out.push(r as Row);
    return true;
  });
  return out;
}


/**
 * Orders arrive through the day, not all in one instant: the one clock (sandbox and Scend) moves
 * `spacingMs` before each, so Scend's rate limit (120 requests a minute) sees a normal flow.
 */
function approveAll(w: BrandWorld, specs: OrderSpec[], ids: string[], how: 'button' | 'created-approved', spacingMs = 2000): void {
  for (const spec of specs) {
    w.sb.clock.advance(spacingMs);
    if (how === 'created-approved') ids.push(enterOrder(w, spec, 'B'));
    else {
      const id = enterOrder(w, spec, 'A');
      w.db.approveSalesOrder(id);
      ids.push(id);
    }
  }
}

async function runBacklog(w: BrandWorld): Promise<void> {
  w.sb.clock.advance(65 * 60_000); // past the hourly re-check of blocked orders
  const run = await w.sb.runMapReduce(SCRIPTS.orderBacklog.deployments.main, { restart: { random: true } });
  const units = run.usage.reduce((s: number, u: { units: number }) => s + u.units, 0);
  step(`  backlog map/reduce, with an app-server restart injected at a random point: ${run.status}, ${run.map.keys.length} order(s), ${run.restarts.length} restart(s), ${units} units`);
  const scheduled = await w.sb.advance(60 * 60_000);
  const backlog = scheduled.filter((r) => r.deploymentId === SCRIPTS.orderBacklog.deployments.main);
  step(`  the next hour on the clock: the scheduled backlog deployment ran ${backlog.length} time(s) by itself`);
}

async function main(): Promise<void> {
  step(`Building the SuiteScript bundle…`);
  await build();
  step('Starting the Scend simulator and the NetSuite sandbox; creating the brand as a NetSuite user…');
  const w = await startBrandWorld({ customers: 60 });
  try {
    const products = await w.scendProducts();
    step(`  ${CATALOGUE.length} NetSuite items (a kit, a service, a digital product, a charge, a discount); the item user event put ${products.length} physical products into Scend`);

    const specs = brandOrders(ORDERS, 60);
    const ids: string[] = [];
    const quarter = Math.floor(ORDERS / 4);

    step(`Phase 1 — normal trading: ${quarter} orders approved with the Approve button, ${Math.floor(quarter / 2)} entered already approved`);
    approveAll(w, specs.slice(0, quarter), ids, 'button');
    approveAll(w, specs.slice(quarter, quarter + Math.floor(quarter / 2)), ids, 'created-approved');

    step('Phase 2 — Scend outage (503 on every order POST): approvals must still succeed');
    const outage = await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', action: { kind: 'status', status: 503 } });
    const p2 = specs.slice(quarter + Math.floor(quarter / 2), 2 * quarter);
    approveAll(w, p2, ids, 'button');
    await w.sim.control.removeFault(outage.id);
    step(`  ${p2.length} orders approved during the outage; they wait in the ledger for the backlog`);

    step('Phase 3 — Scend commits orders but the answer is lost (commit-then-fail on 25% of POSTs)');
    const ctf = await w.sim.control.addFault({ method: 'POST', path: '/v1/orders', probability: 0.25, action: { kind: 'commitThenFail', then: 'drop' } });
    approveAll(w, specs.slice(2 * quarter, 3 * quarter), ids, 'button');
    await w.sim.control.removeFault(ctf.id);

    step('Phase 4 — an SKU renamed in NetSuite while Scend is unreachable for the product update');
    const socks = w.items['socks'];
    const putFault = await w.sim.control.addFault({ method: 'PUT', path: '/v1/products/{ExternalId}', times: 1, action: { kind: 'status', status: 503 } });
    w.sb.record.submitFields({ type: 'inventoryitem', id: socks, values: { itemid: 'SOCK-3PK-V2' } });
    await w.sim.control.removeFault(putFault.id);
    const sockOrders = specs.slice(3 * quarter).map((s) => ({ ...s, lines: [...s.lines, { itemKey: 'socks', quantity: 1 }] }));
    approveAll(w, sockOrders.slice(0, 20), ids, 'button');
    step('  20 orders with the renamed socks approved: held, not sent to fail in the warehouse');

    const rest = sockOrders.slice(20).map((s) => ({ ...s, lines: s.lines.filter((l) => l.itemKey !== 'socks') }));
    const flash = rest.slice(0, Math.floor(rest.length / 2));
    const imported = rest.slice(flash.length);

    step(`Phase 5 — a flash sale: ${flash.length} approvals in a burst while Scend allows 20 requests a minute`);
    await w.sim.control.configure({ rateLimitPerMinute: 20 });
    const limitedBefore = await rateLimited(w);
    approveAll(w, flash, ids, 'button', 0);
    await w.sim.control.configure({ rateLimitPerMinute: 120 });
    w.sb.clock.advance(60_000); // the burst's rate window passes
    step(`  Scend answered 429 (Retry-After) ${(await rateLimited(w)) - limitedBefore} time(s); those orders wait for the backlog, nothing waits in a script`);

    step('Phase 6 — orders imported with scripts off (no user event ran): the backlog must find them');
    for (const spec of imported) ids.push(importOrder(w, spec));
    step(`  ${imported.length} approved orders imported; no user event saw them`);

    step('Fixing the SKU: the item is saved again and reaches Scend; the backlog retries everything due');
    const item = w.sb.record.load({ type: 'inventoryitem', id: socks });
    item.save();
    await runBacklog(w);

    step('Cancellations: one order still waiting in Scend, one already being packed, one while Scend is unreachable');
    const ledgerRows = rows(w, RECORDS.sync.id, [RECORDS.sync.fields.transaction, RECORDS.sync.fields.scendId, RECORDS.sync.fields.state]);
    const sent = ledgerRows.filter((r) => r.getValue({ name: RECORDS.sync.fields.scendId }));
    const [early, packing, unreachable] = sent.slice(0, 3).map((r) => ({ so: String(r.getValue({ name: RECORDS.sync.fields.transaction })), scendId: String(r.getValue({ name: RECORDS.sync.fields.scendId })) }));
    w.db.cancelSalesOrder(early.so);
    step(`  order ${early.so}: Scend cancelled it (${(await w.sim.control.order(early.scendId)).Status}); NetSuite cancelled too`);
    await w.sim.control.release(packing.scendId);
    await w.sim.control.pick(packing.scendId);
    await w.sim.control.pack(packing.scendId);
    try {
      w.db.cancelSalesOrder(packing.so);
      step(`  order ${packing.so}: unexpectedly cancelled`);
    } catch (e) {
      step(`  order ${packing.so}: refused — "${(e as Error).message}"`);
    }
    const down = await w.sim.control.addFault({ method: '*', path: '*', action: { kind: 'drop' } });
    try {
      w.db.cancelSalesOrder(unreachable.so);
    } catch (e) {
      step(`  order ${unreachable.so}: refused — "${(e as Error).message}"`);
    }
    await w.sim.control.removeFault(down.id);

    await summary(w, specs, ids);
  } finally {
    await w.close();
  }
}

async function rateLimited(w: BrandWorld): Promise<number> {
  return ((await w.sim.control.requests()) as Array<{ status?: number }>).filter((r) => r.status === 429).length;
}

/** An approved order written by an import that runs no scripts (db.seed fires no user events). */
function importOrder(w: BrandWorld, spec: OrderSpec): string {
  const customer = w.customers[spec.customerKey];
  return String(
    w.db.seed('salesorder', {
      fields: { entity: customer.id, location: w.locations.warehouse, orderstatus: 'B', externalid: spec.externalId ?? undefined, shipmethod: w.shipMethods.standard },
      sublists: { item: spec.lines.map((l) => ({ item: w.items[l.itemKey], quantity: l.quantity, rate: CATALOGUE.find((c) => c.key === l.itemKey)?.rate })) },
      subrecords: customer.spec.address ? { shippingaddress: { ...customer.spec.address } } : {},
    }),
  );
}

async function summary(w: BrandWorld, specs: OrderSpec[], ids: string[]): Promise<void> {
  const S = RECORDS.sync.fields;
  const ledger = rows(w, RECORDS.sync.id, [S.kind, S.state, S.clientReference]).filter((r) => /order/i.test(String(r.getValue({ name: S.kind }))));
  const byState = new Map<string, number>();
  for (const r of ledger) byState.set(r.getText({ name: S.state }), (byState.get(r.getText({ name: S.state })) ?? 0) + 1);

  const scend = await w.scendOrders();
  const perRef = new Map<string, number>();
  for (const o of scend) perRef.set(o.ClientReference, (perRef.get(o.ClientReference) ?? 0) + 1);
  const duplicates = [...perRef.values()].filter((n) => n > 1).length;
  const requests = (await w.sim.control.requests()) as Array<{ method: string; template?: string; committed?: boolean }>;
  const lost = requests.filter((r) => r.method === 'POST' && r.template === '/v1/orders' && r.committed).length;

  const nonPhysical = new Set(CATALOGUE.filter((c) => c.type !== 'inventoryitem' && c.type !== 'kititem').map((c) => c.key));
  const filtered = specs.reduce((n, s) => n + s.lines.filter((l) => nonPhysical.has(l.itemKey)).length, 0);

  const byTypeOwner = new Map<string, number>();
  for (const e of w.exceptions()) {
    const key = `${e.type} → ${e.owner} (${e.status})`;
    byTypeOwner.set(key, (byTypeOwner.get(key) ?? 0) + 1);
  }

  const ue = w.sb.usage.query({ scriptId: SCRIPTS.orderUserEvent.id }).filter((u: { units: number }) => u.units > 0);
  const ueUnits = ue.map((u: { units: number }) => u.units);
  const mr = w.sb.usage.query({ scriptId: SCRIPTS.orderBacklog.id });
  const totalUnits = [...ue, ...mr].reduce((s: number, u: { units: number }) => s + u.units, 0);
  const sentCount = byState.get('Sent') ?? 0;

  console.log('\n=== Summary ===');
  console.log(`Sales orders entered:             ${ids.length}`);
  console.log(`Sent to Scend (ledger "Sent"):     ${sentCount}   Scend holds ${scend.length} orders (${scend.filter((o) => o.Status === 'CANCELLED').length} cancelled) for ${perRef.size} ClientReferences`);
  console.log(`Duplicate Scend orders:           ${duplicates}   (${lost} order POSTs committed by Scend while NetSuite saw a failure — each resolved by a ClientReference lookup instead of a resend)`);
  console.log(`Ledger states:                    ${[...byState.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`Lines filtered before sending:    ${filtered} (service, digital, shipping charge, discount lines)`);
  console.log('Exceptions by type → owner (status):');
  for (const [k, v] of [...byTypeOwner.entries()].sort()) console.log(`  ${String(v).padStart(4)}  ${k}`);
  console.log(`Governance: user event ${ueUnits.length} pushes/checks, avg ${(ueUnits.reduce((a: number, b: number) => a + b, 0) / Math.max(1, ueUnits.length)).toFixed(1)} units, max ${Math.max(0, ...ueUnits)} (limit 1,000);`);
  console.log(`            order scripts in all ${totalUnits} units = ${(totalUnits / Math.max(1, sentCount)).toFixed(1)} units per order sent`);
  console.log(`Secrets leaked into logs or email: ${w.sb.secrets.leaks().length}`);
  console.log(`Done in ${elapsed()}.`);
  if (duplicates > 0) throw new Error(`${duplicates} ClientReferences have more than one Scend order`);
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
