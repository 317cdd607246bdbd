/** Stateful in-memory stand-ins for the order ports (no mocks: they keep books tests can read). */
import type { ExceptionDraft, ExceptionType } from '../../src/ts/core/exceptions/exception';
import { planRaise } from '../../src/ts/core/exceptions/exception';
import type { ExceptionSink, LedgerCreateResult, LedgerStore, OrderPorts, ScendOrders } from '../../src/ts/core/orders/ports';
import type { LedgerEntry, LedgerPatch, NewLedgerEntry } from '../../src/ts/core/sync/ledger';
import type { CancelResult, Order, OrderAmend, OrderCreate, OrderCreated, OrderStatus } from '../../src/ts/scend/contract';
import { AmendTooLateError, CancelTooLateError, NotFoundError, type ScendError } from '../../src/ts/scend/errors';

export class MemoryLedger implements LedgerStore {
  readonly entries = new Map<string, LedgerEntry>();
  private seq = 0;
  constructor(private readonly clock: () => Date) {}
  find(key: string): LedgerEntry | undefined {
    const e = this.entries.get(key);
    return e ? { ...e } : undefined;
  }
  create(entry: NewLedgerEntry): LedgerCreateResult {
    if (this.entries.has(entry.key)) return { created: false };
    const id = String(++this.seq);
    this.entries.set(entry.key, { ...entry, id, createdAt: this.clock() });
    return { created: true, id };
  }
  update(id: string, patch: LedgerPatch): void {
    const e = Array.from(this.entries.values()).find((x) => x.id === id);
    if (!e) throw new Error(`no ledger entry ${id}`);
    for (const [k, v] of Object.entries(patch)) (e as unknown as Record<string, unknown>)[k] = v === null ? undefined : v;
  }
  claim(seen: LedgerEntry, patch: LedgerPatch): boolean {
    const e = Array.from(this.entries.values()).find((x) => x.id === seen.id);
    if (!e || e.state !== seen.state || e.attempts !== seen.attempts) return false;
    this.update(seen.id, patch);
    return true;
  }
  byOrder(orderId: string): LedgerEntry | undefined {
    return this.entries.get(`order:${orderId}`);
  }
}

export interface StoredException extends ExceptionDraft {
  id: string;
  status: 'open' | 'resolved';
  occurrences: number;
}

export class MemoryExceptions implements ExceptionSink {
  readonly all: StoredException[] = [];
  raise(draft: ExceptionDraft, now: Date): void {
    const open = this.all.find((x) => x.status === 'open' && x.dedupeKey === draft.dedupeKey);
    const write = planRaise(open ? { id: open.id, dedupeKey: open.dedupeKey, occurrences: open.occurrences, firstSeen: now } : undefined, draft, now);
    if (write.kind === 'update' && open) Object.assign(open, { message: write.values.message, occurrences: write.values.occurrences });
    else this.all.push({ ...draft, id: String(this.all.length + 1), status: 'open', occurrences: 1 });
  }
  resolveForTransaction(transactionId: string, types: readonly ExceptionType[], _now: Date): number {
    let n = 0;
    for (const x of this.all) {
      if (x.status === 'open' && x.transactionId === transactionId && types.indexOf(x.type) >= 0) {
        x.status = 'resolved';
        n++;
      }
    }
    return n;
  }
  open(): StoredException[] {
    return this.all.filter((x) => x.status === 'open');
  }
}

/** A tiny Scend: keeps orders (duplicates allowed, like the real default), with scripted faults. */
export class MemoryScend implements ScendOrders {
  readonly orders: Order[] = [];
  /** Faults for the next calls of an operation; `commit` applies the write before failing. */
  private faults: Array<{ op: string; error: ScendError | Error; commit: boolean }> = [];
  calls: string[] = [];

  failNext(op: keyof ScendOrders, error: ScendError | Error, commit = false): void {
    this.faults.push({ op, error, commit });
  }
  private fault(op: string): { error: ScendError | Error; commit: boolean } | undefined {
    const i = this.faults.findIndex((f) => f.op === op);
    return i >= 0 ? this.faults.splice(i, 1)[0] : undefined;
  }
  setStatus(orderId: string, status: OrderStatus): void {
    const o = this.orders.find((x) => x.OrderId === orderId);
    if (o) o.Status = status;
  }
  createOrder(body: OrderCreate): OrderCreated {
    this.calls.push('createOrder');
    const f = this.fault('createOrder');
    if (f && !f.commit) throw f.error;
    const order: Order = {
      OrderId: `SO-${this.orders.length + 1}`,
      ClientReference: body.ClientReference,
      OrderNumber: body.OrderNumber,
      Status: 'RECEIVED',
      StatusChangedAt: '2025-01-06T09:00:00.000Z',
      ShipTo: body.ShipTo,
      Lines: body.Lines,
      Despatches: [],
    };
    this.orders.push(order);
    if (f) throw f.error;
    return { OrderId: order.OrderId, ClientReference: order.ClientReference, Status: 'RECEIVED' };
  }
  findOrdersByClientReference(ref: string): Order[] {
    this.calls.push('findOrdersByClientReference');
    const f = this.fault('findOrdersByClientReference');
    if (f) throw f.error;
    return this.orders.filter((o) => o.ClientReference === ref);
  }
  getOrder(orderId: string): Order {
    this.calls.push('getOrder');
    const f = this.fault('getOrder');
    if (f) throw f.error;
    const o = this.orders.find((x) => x.OrderId === orderId);
    if (!o) throw new NotFoundError({ operation: 'getOrder', method: 'GET', path: `/orders/${orderId}` }, 404, 'not found', []);
    return o;
  }
  cancelOrder(orderId: string): CancelResult {
    this.calls.push('cancelOrder');
    const f = this.fault('cancelOrder');
    if (f) throw f.error;
    const o = this.getOrder(orderId);
    if (['PACKING', 'PACKED', 'DESPATCHED'].indexOf(o.Status) >= 0) {
      throw new CancelTooLateError({ operation: 'cancelOrder', method: 'POST', path: `/orders/${orderId}/cancel` }, 409, 'too late', [{ Status: o.Status }], o.Status);
    }
    o.Status = 'CANCELLED';
    return { Status: 'CANCELLED' };
  }
  amendOrder(orderId: string, body: OrderAmend): Order {
    this.calls.push('amendOrder');
    const f = this.fault('amendOrder');
    if (f) throw f.error;
    const o = this.getOrder(orderId);
    if (o.Status !== 'RECEIVED') {
      throw new AmendTooLateError({ operation: 'amendOrder', method: 'PATCH', path: `/orders/${orderId}` }, 409, 'too late', [{ Status: o.Status }], o.Status);
    }
    if (body.ShipTo) o.ShipTo = body.ShipTo;
    if (body.Lines) o.Lines = body.Lines;
    return o;
  }
}

export function memoryPorts(clock: () => Date): OrderPorts & { ledger: MemoryLedger; exceptions: MemoryExceptions; scend: MemoryScend } {
  return { ledger: new MemoryLedger(clock), exceptions: new MemoryExceptions(), scend: new MemoryScend() };
}
