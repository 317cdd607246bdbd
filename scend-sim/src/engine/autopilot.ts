import type { AdjustableClock } from './clock';
import { outstanding } from './despatch-plan';
import { ScendApiError, SimControlError } from './errors';
import { SeededRng } from './rng';
import { StepQueue, stepBefore } from './step-queue';
import type { DespatchLineSpec, OrderRecord, ReceiveMode } from './types';
import type { WarehouseEngine } from './warehouse-engine';

/** How the warehouse moves by itself: delays per step (simulator-clock ms) and seeded chances. */
export interface AutopilotSettings {
  enabled: boolean;
  /** RECEIVED → release (allocate; short stock puts the order ON_HOLD). */
  releaseAfterMs: number;
  /** An ON_HOLD order held for short stock or an unknown SKU is released again after this (manual holds are left alone). */
  holdRetryMs: number;
  /** RELEASED → PICKING. */
  pickAfterMs: number;
  /** PICKING → PACKING (the cancel window closes). */
  packAfterMs: number;
  /** PACKING → PACKED. */
  finishPackingAfterMs: number;
  /** PACKED → a despatch (after the last one, for what a partial despatch left). */
  despatchAfterMs: number;
  /** Chance a despatch ships only part of what is outstanding (the order stays PACKED until the rest). */
  partialDespatchRate: number;
  /** Parcels per despatch: uniform in 1..parcelsMax. */
  parcelsMax: number;
  /** AWAITING_DELIVERY → one receipt, this long after the ASN was announced. */
  receiveAfterMs: number;
  /** Chances a delivery arrives short (half), over (+10%) or with damaged units; else in full. */
  shortReceiptRate: number;
  overReceiptRate: number;
  damagedRate: number;
  /** Chance a despatched order comes back (part of one line), `returnAfterMs` after despatch; damagedRate decides the condition. */
  returnRate: number;
  returnAfterMs: number;
  /** Poisson rates of stock events (CYCLE_COUNT ±1..2, DAMAGED 1..2 of available stock). */
  cycleCountRatePerHour: number;
  damageRatePerHour: number;
}

export const DEFAULT_AUTOPILOT: AutopilotSettings = {
  enabled: false,
  releaseAfterMs: 5 * 60_000,
  holdRetryMs: 60 * 60_000,
  pickAfterMs: 30 * 60_000,
  packAfterMs: 30 * 60_000,
  finishPackingAfterMs: 10 * 60_000,
  despatchAfterMs: 60 * 60_000,
  partialDespatchRate: 0,
  parcelsMax: 1,
  receiveAfterMs: 2 * 3600_000,
  shortReceiptRate: 0,
  overReceiptRate: 0,
  damagedRate: 0,
  returnRate: 0,
  returnAfterMs: 3 * 24 * 3600_000,
  cycleCountRatePerHour: 0,
  damageRatePerHour: 0,
};

const RATES = ['partialDespatchRate', 'shortReceiptRate', 'overReceiptRate', 'damagedRate', 'returnRate'] as const;

export interface AutopilotLogEntry {
  at: string;
  step: string;
  id: string;
  outcome: string;
}

interface Step {
  at: number;
  /** Steps due at the same instant run in this order, then by id. */
  rank: number;
  id: string;
  name: string;
  run: (at: number) => string;
}

/** Holds released for these reasons are retried; a person's hold ('query', ...) is not. */
const RETRIED_HOLD = /^(short stock|unknown SKU)/;
const MAX_STEPS_PER_RUN = 200_000;

/**
 * The warehouse's own work, run when the simulator clock moves: every step due up to the new
 * instant runs at its due time, in time order (ties by kind, then id), with the clock pinned there
 * so its timestamps say when it happened. Deterministic for a seed and the same calls.
 */
export class Autopilot {
  settings: AutopilotSettings = { ...DEFAULT_AUTOPILOT };
  private rng: SeededRng;
  /** Nothing runs before this instant (the autopilot never rewrites the past it was not running in). */
  private floor = 0;
  private readonly notBefore = new Map<string, number>();
  private readonly done = new Set<string>();
  private nextCycleCount: number | undefined;
  private nextDamage: number | undefined;
  private running = false;
  /** Each order's next step; orders the engine says changed (and steps just run) are rescheduled first. */
  private readonly orderSteps = new StepQueue();
  private readonly changed = new Set<string>();
  readonly log: AutopilotLogEntry[] = [];

  constructor(
    private readonly engine: WarehouseEngine,
    private readonly clock: AdjustableClock,
    private readonly seed = 1,
  ) {
    this.rng = new SeededRng(seed ^ 0xa070);
    engine.onOrderChanged((orderId) => this.changed.add(orderId));
    this.rescheduleAll();
  }

  /** Change settings (only the keys given); enabling starts from now. Bad values are refused with INVALID. */
  configure(patch: Partial<AutopilotSettings>): AutopilotSettings {
    const next = { ...this.settings, ...patch };
    for (const [key, value] of Object.entries(next)) {
      if (!(key in DEFAULT_AUTOPILOT)) throw new SimControlError('INVALID', `unknown autopilot setting ${key}`);
      if (key === 'enabled') {
        if (typeof value !== 'boolean') throw new SimControlError('INVALID', 'enabled must be a boolean');
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new SimControlError('INVALID', `${key} must be a number >= 0`);
      }
    }
    for (const key of RATES) if (next[key] > 1) throw new SimControlError('INVALID', `${key} must be in 0..1`);
    if (next.shortReceiptRate + next.overReceiptRate + next.damagedRate > 1) throw new SimControlError('INVALID', 'shortReceiptRate + overReceiptRate + damagedRate must be <= 1');
    if (!Number.isInteger(next.parcelsMax) || next.parcelsMax < 1) throw new SimControlError('INVALID', 'parcelsMax must be an integer >= 1');
    const wasEnabled = this.settings.enabled;
    this.settings = next;
    this.rescheduleAll(); // every delay may have changed
    const now = this.clock.now();
    if (next.enabled && !wasEnabled) this.floor = now;
    if (next.enabled) {
      this.nextCycleCount = this.nextPoisson(Math.max(now, this.floor), next.cycleCountRatePerHour);
      this.nextDamage = this.nextPoisson(Math.max(now, this.floor), next.damageRatePerHour);
    }
    return { ...this.settings };
  }

  /** Forget per-order state and start the RNG again (with /_sim/reset). Settings stay. */
  reset(): void {
    this.rng = new SeededRng(this.seed ^ 0xa070);
    this.notBefore.clear();
    this.done.clear();
    this.rescheduleAll();
    this.log.length = 0;
    this.floor = this.clock.now();
    if (this.settings.enabled) this.configure({});
  }

  /** When the next step is due (epoch ms), if any. */
  nextDueAt(): number | undefined {
    return this.settings.enabled ? this.nextStep()?.at : undefined;
  }

  /** Run every step due up to `target` (default: now), each at its due time. Returns how many ran. */
  runUntil(target = this.clock.now()): number {
    if (!this.settings.enabled || this.running) return 0;
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        const step = this.nextStep();
        if (!step || step.at > target) break;
        if (++ran > MAX_STEPS_PER_RUN) throw new Error(`autopilot: more than ${MAX_STEPS_PER_RUN} steps in one run (a step that never settles?)`);
        const at = Math.max(step.at, this.floor);
        this.floor = at;
        this.clock.pin(at);
        this.notBefore.delete(step.id); // a step may set it again (a hold that stays a hold)
        let outcome: string;
        try {
          outcome = step.run(at);
        } catch (error) {
          if (!(error instanceof SimControlError || error instanceof ScendApiError)) throw error;
          // The books refused (someone changed stock or the order meanwhile): try again later, never loop.
          this.notBefore.set(step.id, at + this.settings.holdRetryMs);
          outcome = `refused: ${error.message}`;
        } finally {
          this.clock.pin();
        }
        this.changed.add(step.id); // its hold-off or done mark may have changed even if the order did not
        this.log.push({ at: new Date(at).toISOString(), step: step.name, id: step.id, outcome });
        if (this.log.length > 1000) this.log.splice(0, this.log.length - 1000);
      }
    } finally {
      this.running = false;
    }
    if (target > this.floor) this.floor = target;
    return ran;
  }

  // ------------------------------------------------------------ what is due

  private nextStep(): Step | undefined {
    let best: Step | undefined;
    const consider = (step: Step | undefined) => {
      if (!step) return;
      const at = Math.max(step.at, this.notBefore.get(step.id) ?? 0);
      if (!best || stepBefore({ ...step, at }, best)) best = { ...step, at };
    };
    consider(this.nextOrderStep());
    for (const asn of this.engine.asnRecords()) {
      if (asn.Status !== 'AWAITING_DELIVERY' || this.done.has(asn.AsnId)) continue;
      consider({ at: asn.createdAt + this.settings.receiveAfterMs, rank: 6, id: asn.AsnId, name: 'receive', run: () => this.receive(asn.AsnId) });
    }
    if (this.nextCycleCount !== undefined) consider({ at: this.nextCycleCount, rank: 8, id: '~cycle-count', name: 'cycleCount', run: (at) => this.cycleCount(at) });
    if (this.nextDamage !== undefined) consider({ at: this.nextDamage, rank: 9, id: '~damage', name: 'damage', run: (at) => this.damage(at) });
    return best;
  }

  /** The order step due first: changed orders rescheduled, then the queue's top checked against the order itself. */
  private nextOrderStep(): Step | undefined {
    for (const id of this.changed) this.reschedule(id);
    this.changed.clear();
    for (;;) {
      const top = this.orderSteps.peek();
      if (!top) return undefined;
      const order = this.engine.orderRecord(top.id);
      const step = order && this.orderStep(order);
      const at = step && Math.max(step.at, this.notBefore.get(step.id) ?? 0);
      if (step && at === top.at && step.rank === top.rank) return step;
      this.reschedule(top.id); // changed without a word from the engine: never run a stale step
    }
  }

  private reschedule(orderId: string): void {
    const order = this.engine.orderRecord(orderId);
    const step = order && this.orderStep(order);
    this.orderSteps.set(orderId, step && { at: Math.max(step.at, this.notBefore.get(orderId) ?? 0), rank: step.rank });
  }

  private rescheduleAll(): void {
    this.orderSteps.clear();
    this.changed.clear();
    for (const order of this.engine.orderRecords()) this.reschedule(order.OrderId);
  }

  private orderStep(order: OrderRecord): Step | undefined {
    const s = this.settings;
    const since = Date.parse(order.StatusChangedAt);
    const id = order.OrderId;
    switch (order.Status) {
      case 'RECEIVED':
        return { at: since + s.releaseAfterMs, rank: 0, id, name: 'release', run: () => this.release(id) };
      case 'ON_HOLD':
        if (!RETRIED_HOLD.test(order.holdReason ?? '')) return undefined;
        return { at: since + s.holdRetryMs, rank: 0, id, name: 'release', run: (at) => this.release(id, at) };
      case 'RELEASED':
        return { at: since + s.pickAfterMs, rank: 1, id, name: 'pick', run: () => this.status(this.engine.pick(id)) };
      case 'PICKING':
        return { at: since + s.packAfterMs, rank: 2, id, name: 'pack', run: () => this.status(this.engine.pack(id)) };
      case 'PACKING':
        return { at: since + s.finishPackingAfterMs, rank: 3, id, name: 'finishPacking', run: () => this.status(this.engine.finishPacking(id)) };
      case 'PACKED':
        return { at: Math.max(since, order.lastDespatchAt ?? 0) + s.despatchAfterMs, rank: 4, id, name: 'despatch', run: () => this.despatch(order) };
      case 'DESPATCHED':
        if (s.returnRate <= 0 || this.done.has(`return:${id}`)) return undefined;
        return { at: since + s.returnAfterMs, rank: 5, id, name: 'return', run: () => this.maybeReturn(order) };
      default:
        return undefined;
    }
  }

  // ------------------------------------------------------------ steps

  private status(order: { Status: string }): string {
    return order.Status;
  }

  private release(orderId: string, at?: number): string {
    const order = this.engine.release(orderId);
    // A hold that stays a hold keeps its StatusChangedAt: wait another holdRetryMs before trying again.
    if (order.Status === 'ON_HOLD' && at !== undefined) this.notBefore.set(orderId, at + this.settings.holdRetryMs);
    return order.Status;
  }

  private despatch(order: OrderRecord): string {
    const open = outstanding(order);
    const units = open.reduce((n, l) => n + l.Quantity, 0);
    let lines: DespatchLineSpec[] | undefined;
    if (units >= 2 && this.rng.next() < this.settings.partialDespatchRate) {
      lines = open.map((l) => ({ LineRef: l.LineRef, Quantity: Math.floor(l.Quantity / 2) })).filter((l) => l.Quantity > 0);
      if (lines.length === 0) lines = [open[0]]; // single units on several lines: ship the first line now
    }
    const parcels = this.rng.int(1, this.settings.parcelsMax);
    const despatch = this.engine.despatch(order.OrderId, { ...(lines && { Lines: lines }), Parcels: parcels });
    return `${despatch.DespatchId} ${lines ? 'partial' : 'full'}, ${despatch.Parcels.length} parcel(s)`;
  }

  private maybeReturn(order: OrderRecord): string {
    this.done.add(`return:${order.OrderId}`);
    if (this.rng.next() >= this.settings.returnRate) return 'no return';
    const shipped = order.Lines.filter((l) => (order.despatched.get(l.LineRef) ?? 0) > 0);
    if (shipped.length === 0) return 'nothing shipped';
    const line = this.rng.pick(shipped);
    const quantity = this.rng.int(1, order.despatched.get(line.LineRef)!);
    const Condition = this.rng.next() < this.settings.damagedRate ? 'DAMAGED' : 'RESTOCK';
    const ret = this.engine.bookReturn({ OrderId: order.OrderId, Lines: [{ Sku: line.Sku, Quantity: quantity, Condition, Reason: 'Customer return' }] });
    return `${ret.ReturnId} ${quantity} ${Condition}`;
  }

  private receive(asnId: string): string {
    this.done.add(asnId);
    const s = this.settings;
    const u = this.rng.next();
    const mode: ReceiveMode = u < s.shortReceiptRate ? 'short' : u < s.shortReceiptRate + s.overReceiptRate ? 'over' : u < s.shortReceiptRate + s.overReceiptRate + s.damagedRate ? 'damaged' : 'full';
    try {
      return `${this.engine.receiveAsn(asnId, { Mode: mode }).ReceiptId} ${mode}`;
    } catch (error) {
      // Half of a single unit is nothing: a short delivery that brought nothing for this ASN yet.
      if (mode === 'short' && error instanceof SimControlError && error.code === 'INVALID') return 'short: nothing arrived';
      throw error;
    }
  }

  private cycleCount(at: number): string {
    this.nextCycleCount = this.nextPoisson(at, this.settings.cycleCountRatePerHour);
    const items = this.engine.stockItems();
    if (items.length === 0) return 'no stock';
    const item = this.rng.pick(items);
    let delta = this.rng.pick([-2, -1, 1, 2]);
    if (delta < 0 && -delta > item.Available) delta = item.Available > 0 ? -item.Available : 1;
    this.engine.bookMovement({ Sku: item.Sku, Warehouse: item.Warehouse, Quantity: delta, Reason: 'CYCLE_COUNT', Reference: 'AUTOPILOT-COUNT' });
    return `${item.Warehouse}/${item.Sku} ${delta > 0 ? '+' : ''}${delta}`;
  }

  private damage(at: number): string {
    this.nextDamage = this.nextPoisson(at, this.settings.damageRatePerHour);
    const items = this.engine.stockItems().filter((i) => i.Available > 0);
    if (items.length === 0) return 'no available stock';
    const item = this.rng.pick(items);
    const quantity = this.rng.int(1, Math.min(2, item.Available));
    this.engine.bookMovement({ Sku: item.Sku, Warehouse: item.Warehouse, Quantity: -quantity, Reason: 'DAMAGED', Reference: 'AUTOPILOT-DAMAGE' });
    return `${item.Warehouse}/${item.Sku} -${quantity}`;
  }

  /** Next event of a Poisson process with `perHour` events an hour after `from` (undefined when the rate is 0). */
  private nextPoisson(from: number, perHour: number): number | undefined {
    if (perHour <= 0) return undefined;
    return from + Math.max(1, Math.round((-Math.log(1 - this.rng.next()) / perHour) * 3600_000));
  }
}
