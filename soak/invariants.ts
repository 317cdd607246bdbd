/**
 * What the soak proves at the end, read from both systems' books (never from the connector's own
 * account of itself): nothing sent or booked twice, nothing lost, stock equal, no secret written
 * anywhere, no unhandled error. `collectFacts` reads the world into plain facts; `judge` decides, so
 * a unit test can feed it a world that breaks each rule. Each invariant names what broke it.
 */
import type { MapReduceRun } from '../sandbox/src/runners/mapreduce/types';
import type { Despatch, FeedPage, Receipt, StockMovement } from '../src/ts/scend/contract';
import { RECORDS } from '../src/ts/ids';
import { CATALOGUE, STOCKED, type SoakWorld } from './world';

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

type SkuQuantity = { sku: string; quantity: number };

/** Both systems' books at the end of a soak, as plain data. */
export interface SoakFacts {
  scendOrders: Array<{ orderId: string; clientReference: string; status: string }>;
  /** The connector's order ledger in NetSuite: one row per sales order it handed over. */
  ledger: Array<{ transaction: string; scendId: string; attempts: number }>;
  /** Every sales order entered, as NetSuite has it now. */
  salesOrders: Array<{ id: string; status: string; physical: boolean }>;
  /** Open exceptions: what they point at (transaction id, Scend reference, dedupe key). */
  openExceptions: Array<{ transaction: string; scendReference: string; dedupeKey: string }>;
  despatches: Array<{ id: string; lines: SkuQuantity[] }>;
  receipts: Array<{ id: string; lines: SkuQuantity[] }>;
  movements: Array<{ id: string; sku: string; quantity: number }>;
  /** externalids of NetSuite's item fulfilments, item receipts and inventory adjustments. */
  fulfilments: string[];
  itemReceipts: string[];
  adjustments: string[];
  stock: Array<{ sku: string; netsuite: number; scend: number }>;
  /** SKUs the last stock run itself named as a timing difference (in flight), with its words. */
  timingNamed: Record<string, string>;
  /** Places (log entry, email, record, file) holding the secret. */
  secretFoundIn: string[];
  unhandledErrors: string[];
  /** Map/reduce keys that met a transient Scend failure and were left for the next run, by deployment. */
  leftToNextRun: Record<string, number>;
}

/** The connector's classified transient Scend failures: a key failing with one is retried by the next run (and the nothing-lost invariants prove it was). */
const TRANSIENT = /"name":"(RateLimitedError|ServerError|TransportFailedError|MalformedResponseError)"/;

const sample = (xs: string[], n = 8): string => (xs.length ? `: ${xs.slice(0, n).join(', ')}${xs.length > n ? ` … (${xs.length})` : ''}` : '');
const dupes = (xs: string[]): string[] => {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const x of xs) (seen.has(x) ? out : seen).add(x);
  return [...out];
};
const countBy = <T>(xs: T[], key: (x: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const prefixed = (ids: string[], prefix: string): string[] => ids.filter((x) => x.startsWith(prefix)).map((x) => x.slice(prefix.length));

/** The invariants over the facts. Pure: the same facts give the same verdicts. */
export function judge(f: SoakFacts): Invariant[] {
  const out: Invariant[] = [];
  const add = (name: string, bad: string[], what: string, good = 'holds') => out.push({ name, ok: bad.length === 0, detail: bad.length ? `${bad.length} ${what}${sample(bad)}` : good });

  // An open exception covers a Scend id when it points at it: its Scend reference or a part of its dedupe key.
  const covered = new Set<string>();
  const openForTransaction = new Set<string>();
  for (const e of f.openExceptions) {
    if (e.transaction) openForTransaction.add(e.transaction);
    if (e.scendReference) covered.add(e.scendReference);
    for (const part of e.dedupeKey.split(/[:/|]/)) if (part) covered.add(part);
  }

  // --- Nothing twice ------------------------------------------------------------------------------
  const perRef = countBy(f.scendOrders, (o) => o.clientReference);
  add('no Scend order twice for one sales order', [...perRef].filter(([, n]) => n > 1).map(([ref, n]) => `${ref} ×${n}`), 'sales orders with more than one Scend order');
  const perTransaction = countBy(f.ledger.filter((l) => l.scendId), (l) => l.transaction);
  const scendIds = new Set(f.scendOrders.map((o) => o.orderId));
  add(
    'each sales order handed over once (one ledger row, its Scend id real and its own)',
    [
      ...[...perTransaction].filter(([, n]) => n > 1).map(([t, n]) => `SO ${t} has ${n} ledger rows with a Scend id`),
      ...dupes(f.ledger.map((l) => l.scendId).filter(Boolean)).map((id) => `${id} on two ledger rows`),
      ...f.ledger.filter((l) => l.scendId && !scendIds.has(l.scendId)).map((l) => `${l.scendId} (SO ${l.transaction}) not in Scend`),
    ],
    'ledger faults',
  );
  add('no fulfilment twice', dupes(f.fulfilments), 'fulfilment externalids used twice');
  add('no item receipt twice', dupes(f.itemReceipts), 'item receipt externalids used twice');
  add('no adjustment twice', dupes(f.adjustments), 'adjustment externalids used twice');

  // --- Nothing lost -------------------------------------------------------------------------------
  const inScend = new Set(f.ledger.filter((l) => scendIds.has(l.scendId)).map((l) => l.transaction));
  const lost = f.salesOrders.filter((so) => so.physical && !['A', 'C', 'H'].includes(so.status) && !inScend.has(so.id) && !openForTransaction.has(so.id));
  add('every approved physical order is in Scend or has an open exception', lost.map((so) => `SO ${so.id} (status ${so.status})`), 'approved physical orders neither in Scend nor excepted');
  const scendStatus = new Map(f.scendOrders.map((o) => [o.orderId, o.status]));
  const cancelledLive = f.salesOrders
    .filter((so) => so.status === 'C' && !openForTransaction.has(so.id))
    .flatMap((so) => f.ledger.filter((l) => l.transaction === so.id && scendIds.has(l.scendId) && scendStatus.get(l.scendId) !== 'CANCELLED').map((l) => `SO ${so.id} → ${l.scendId} ${scendStatus.get(l.scendId)}`));
  add('every order cancelled in NetSuite is cancelled in Scend or has an open exception', cancelledLive, 'cancelled orders still live in Scend, unexcepted');

  const fulfilled = countBy(prefixed(f.fulfilments, 'despatch:'), (x) => x);
  add(
    'every despatch has exactly one fulfilment or an open exception',
    f.despatches.filter((d) => (fulfilled.get(d.id) ?? 0) !== 1 && !((fulfilled.get(d.id) ?? 0) === 0 && covered.has(d.id))).map((d) => `${d.id} (${fulfilled.get(d.id) ?? 0} fulfilments)`),
    'despatches without exactly one fulfilment and no open exception',
  );
  const despatchIds = new Set(f.despatches.map((d) => d.id));
  add('every fulfilment is of a despatch Scend made', [...fulfilled.keys()].filter((id) => !despatchIds.has(id)), 'fulfilments of despatches Scend does not have');

  const received = new Set(prefixed(f.itemReceipts, 'receipt:'));
  add('every receipt has an item receipt or an open exception', f.receipts.filter((r) => !received.has(r.id) && !covered.has(r.id)).map((r) => r.id), 'receipts neither booked nor excepted');
  const adjusted = new Set(prefixed(f.adjustments, 'movement:'));
  add('every stock movement has an adjustment or an open exception', f.movements.filter((m) => !adjusted.has(m.id) && !covered.has(m.id)).map((m) => m.id), 'movements neither booked nor excepted');
  const movementIds = new Set(f.movements.map((m) => m.id));
  add('every movement adjustment is of a movement Scend booked', [...adjusted].filter((id) => !movementIds.has(id)), 'adjustments for movements Scend does not have');

  // --- Stock equal, except differences the books name ----------------------------------------------
  // What Scend did that NetSuite has not booked, because a person must look first (an open exception):
  // NetSuite minus Scend for a SKU is then exactly these units.
  const waiting = new Map<string, number>();
  const expect = (sku: string, q: number) => waiting.set(sku, (waiting.get(sku) ?? 0) + q);
  for (const d of f.despatches) if (!fulfilled.has(d.id) && covered.has(d.id)) for (const l of d.lines) expect(l.sku, l.quantity);
  for (const r of f.receipts) if (!received.has(r.id) && covered.has(r.id)) for (const l of r.lines) expect(l.sku, -l.quantity);
  for (const m of f.movements) if (!adjusted.has(m.id) && covered.has(m.id)) expect(m.sku, -m.quantity);
  const unequal: string[] = [];
  const named: string[] = [];
  for (const s of f.stock) {
    const diff = s.netsuite - s.scend;
    if (diff === 0 && !waiting.get(s.sku)) continue;
    if (diff === (waiting.get(s.sku) ?? 0)) named.push(`${s.sku} ${diff > 0 ? '+' : ''}${diff} (Scend work awaiting a person)`);
    else if (f.timingNamed[s.sku]) named.push(`${s.sku} ${diff > 0 ? '+' : ''}${diff} (${f.timingNamed[s.sku]})`);
    else unequal.push(`${s.sku} (NetSuite ${s.netsuite}, Scend ${s.scend}, explained ${waiting.get(s.sku) ?? 0})`);
  }
  out.push({
    name: 'stock equal in both systems after the final sync, except differences it names',
    ok: unequal.length === 0,
    detail: unequal.length ? `${unequal.length} SKUs differ unexplained${sample(unequal)}` : named.length ? `holds; named differences${sample(named)}` : 'holds: every SKU equal',
  });

  add('no secret in any log, email, record or file', f.secretFoundIn, 'places holding the API key');
  add('no unhandled error (map/reduce stages, scheduled scripts, user saves)', f.unhandledErrors, 'unhandled errors');
  return out;
}

/** Where `secret` appears verbatim among `sources` ({ where, text } pairs, read lazily). */
export function findSecret(secret: string, sources: Iterable<{ where: string; text: string }>): string[] {
  const found: string[] = [];
  for (const s of sources) if (s.text.includes(secret)) found.push(s.where);
  return found;
}

function* textsOf(w: SoakWorld): Generator<{ where: string; text: string }> {
  for (const e of w.sb.logs.entries) yield { where: `log ${e.title}`, text: `${e.title} ${e.details}` };
  for (const m of w.sb.outbox) yield { where: `email ${m.subject}`, text: `${m.subject} ${m.body}` };
  for (const type of w.db.store.types()) for (const r of w.db.store.ofType(type)) yield { where: `${type} ${r.id}`, text: JSON.stringify(r.data) };
  for (const file of w.sb.host.files.files.values()) yield { where: `file ${file.id} ${file.name}`, text: String(file.contents) };
}

export interface CheckInput {
  ordersEntered: string[];
  runs: MapReduceRun[];
  scheduledErrors: string[];
  actionErrors: string[];
}

export interface Checked {
  invariants: Invariant[];
  physicalApproved: number;
  ledgerAttempts: number;
  counts: { scendOrders: number; despatches: number; fulfilments: number; receipts: number; itemReceipts: number; movements: number; adjustments: number };
  exceptionsByType: Record<string, { open: number; resolved: number; ignored: number }>;
  errors: { unhandled: number; loggedErrors: number; samples: string[]; leftToNextRun: Record<string, number> };
}

async function feed<T>(w: SoakWorld, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await w.scend<FeedPage<T>>(`${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.Items);
    cursor = page.NextCursor;
    if (!page.HasMore) return items;
  }
}
const uniqueBy = <T>(xs: T[], id: (x: T) => string): T[] => [...new Map(xs.map((x) => [id(x), x])).values()];

/** Reads both systems into facts (Scend through its public API, NetSuite from the sandbox's records). */
export async function collectFacts(w: SoakWorld, input: CheckInput): Promise<SoakFacts> {
  const { db } = w;
  const S = RECORDS.sync.fields;
  const E = RECORDS.exception.fields;
  const externalIds = (type: string) => [...db.store.ofType(type)].map((r) => String(r.data.fields.externalid ?? '')).filter(Boolean);
  const physicalItems = new Set(CATALOGUE.filter((c) => c.type === 'inventoryitem' || c.type === 'kititem').map((c) => w.items[c.key]));
  const skuOf = new Map(STOCKED.map((c) => [w.items[c.key], c.itemid]));

  const despatches = uniqueBy(await feed<Despatch>(w, '/despatches'), (d) => d.DespatchId);
  const receipts = uniqueBy(await feed<Receipt>(w, '/receipts'), (r) => r.ReceiptId);
  const movements = uniqueBy(await feed<StockMovement>(w, '/stock-movements'), (m) => m.MovementId);
  const scendStock = new Map<string, number>();
  for (let page = 1; ; page++) {
    const body = await w.scend<{ Items: Array<{ Sku: string; OnHand: number }>; TotalItems: number; PageSize: number }>(`/stock?page=${page}&pageSize=500`);
    for (const i of body.Items) scendStock.set(i.Sku, (scendStock.get(i.Sku) ?? 0) + i.OnHand);
    if (page * body.PageSize >= body.TotalItems) break;
  }

  const entered = new Set(input.ordersEntered);
  const openIds = new Set(w.exceptions({ open: true }).map((e) => e.id));
  const unhandled: string[] = [...input.scheduledErrors, ...input.actionErrors];
  const leftToNextRun: Record<string, number> = {};
  for (const run of input.runs) {
    if (run.input.error) unhandled.push(`${run.deploymentId} getInputData: ${run.input.error.slice(0, 200)}`);
    for (const e of [...run.map.errors, ...run.reduce.errors]) {
      // A key cut by an app-server restart is rerun by NetSuite: that error is the restart, not the script's.
      if (/SSS_APP_SERVER_RESTART/.test(e.error)) continue;
      if (TRANSIENT.test(e.error)) leftToNextRun[run.deploymentId] = (leftToNextRun[run.deploymentId] ?? 0) + 1;
      else unhandled.push(`${run.deploymentId} [${e.key}]: ${e.error.slice(0, 200)}`);
    }
    if (run.summarizeError) unhandled.push(`${run.deploymentId} summarize: ${run.summarizeError.slice(0, 200)}`);
  }

  return {
    scendOrders: (await w.scendOrders()).map((o) => ({ orderId: o.OrderId, clientReference: o.ClientReference, status: o.Status })),
    ledger: [...db.store.ofType(RECORDS.sync.id)]
      .map((r) => r.data.fields)
      .filter((x) => entered.has(String(x[S.transaction] ?? '')))
      .map((x) => ({ transaction: String(x[S.transaction]), scendId: String(x[S.scendId] ?? ''), attempts: Number(x[S.attempts] ?? 0) })),
    salesOrders: input.ordersEntered.map((id) => {
      const so = db.peek('salesorder', Number(id));
      const lines = (so.sublists.item ?? []) as Array<Record<string, unknown>>;
      return { id, status: String(so.fields.orderstatus), physical: lines.some((l) => physicalItems.has(Number(l.item))) };
    }),
    openExceptions: [...db.store.ofType(RECORDS.exception.id)]
      .filter((r) => openIds.has(String(r.id)))
      .map((r) => ({ transaction: String(r.data.fields[E.transaction] ?? ''), scendReference: String(r.data.fields[E.scendReference] ?? ''), dedupeKey: String(r.data.fields[E.dedupeKey] ?? '') })),
    despatches: despatches.map((d) => ({ id: d.DespatchId, lines: d.Parcels.flatMap((p) => p.Lines.map((l) => ({ sku: l.Sku, quantity: l.Quantity }))) })),
    receipts: receipts.map((r) => ({ id: r.ReceiptId, lines: r.Lines.map((l) => ({ sku: l.Sku, quantity: l.QuantityReceived - l.QuantityDamaged })) })),
    movements: movements.map((m) => ({ id: m.MovementId, sku: m.Sku, quantity: m.Quantity })),
    fulfilments: externalIds('itemfulfillment'),
    itemReceipts: externalIds('itemreceipt'),
    adjustments: externalIds('inventoryadjustment'),
    stock: [...skuOf].map(([item, sku]) => ({ sku, netsuite: db.stockLevel(item, w.location).onHand, scend: scendStock.get(sku) ?? 0 })),
    timingNamed: lastRunTiming(w),
    secretFoundIn: findSecret(w.sim.apiKey, textsOf(w)),
    unhandledErrors: unhandled,
    leftToNextRun,
  };
}

export async function checkInvariants(w: SoakWorld, input: CheckInput): Promise<Checked> {
  const facts = await collectFacts(w, input);
  const exceptionsByType: Checked['exceptionsByType'] = {};
  for (const e of w.exceptions()) {
    const t = (exceptionsByType[e.type] ??= { open: 0, resolved: 0, ignored: 0 });
    if (/open/i.test(e.status)) t.open += 1;
    else if (/ignored/i.test(e.status)) t.ignored += 1;
    else t.resolved += 1;
  }
  return {
    invariants: judge(facts),
    physicalApproved: facts.salesOrders.filter((so) => so.physical && !['A', 'C', 'H'].includes(so.status)).length,
    ledgerAttempts: facts.ledger.reduce((n, l) => n + l.attempts, 0),
    counts: {
      scendOrders: facts.scendOrders.length,
      despatches: facts.despatches.length,
      fulfilments: facts.fulfilments.length,
      receipts: facts.receipts.length,
      itemReceipts: facts.itemReceipts.length,
      movements: facts.movements.length,
      adjustments: facts.adjustments.length,
    },
    exceptionsByType,
    errors: { unhandled: facts.unhandledErrors.length, loggedErrors: w.sb.logs.entries.filter((l) => l.level === 'ERROR' || l.level === 'EMERGENCY').length, samples: facts.unhandledErrors.slice(0, 5), leftToNextRun: facts.leftToNextRun },
  };
}

/** SKUs the last stock run named as a timing difference or in flight (from its comparison file), with the status. */
function lastRunTiming(w: SoakWorld): Record<string, string> {
  const R = RECORDS.stockRun.fields;
  const runs = [...w.db.store.ofType(RECORDS.stockRun.id)].sort((a, b) => b.id - a.id);
  const out: Record<string, string> = {};
  const fileId = Number(runs[0]?.data.fields[R.fileId] ?? 0);
  const file = fileId ? w.sb.host.files.find(fileId) : undefined;
  if (!file) return out;
  const [header, ...lines] = String(file.contents).split(/\r?\n/);
  const cols = header.split(',');
  const skuCol = cols.findIndex((c) => /sku/i.test(c));
  const statusCol = cols.findIndex((c) => /status/i.test(c));
  for (const line of lines) {
    const cells = line.split(',');
    if (/timing|inFlight/i.test(cells[statusCol] ?? '')) out[cells[skuCol]] = `the stock run named it: ${cells[statusCol]}`;
  }
  return out;
}
