import { createHmac } from 'node:crypto';
import type { WebhookDelivery, WebhookEvent } from '../contract/types';
import type { WarehouseEngine } from '../engine/warehouse-engine';

export interface DeliveryRecord {
  DeliveryId: string;
  WebhookId: string;
  Event: WebhookEvent;
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  delivered: boolean;
}

export interface WebhookOptions {
  /** Attempts per delivery before giving up. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. Default 1000 ms. */
  backoffMs?: number;
}

export function signature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Pushes engine events to registered webhooks: signed, at least once, retried with backoff on non-2xx. */
export class WebhookDispatcher {
  private readonly records: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;
  private stopped = false;

  constructor(
    private readonly engine: WarehouseEngine,
    private readonly options: WebhookOptions = {},
  ) {
    engine.onWebhookEvent((event, data) => this.publish(event, data));
  }

  deliveries(): DeliveryRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.records.length = 0;
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private publish(event: WebhookEvent, data: unknown): void {
    if (this.stopped) return;
    for (const hook of this.engine.webhooks()) {
      if (!hook.Events.includes(event)) continue;
      const delivery = { DeliveryId: `DLV-${String(++this.seq).padStart(6, '0')}`, Event: event, OccurredAt: this.engine.nowIso(), Data: data } as WebhookDelivery;
      const record: DeliveryRecord = { DeliveryId: delivery.DeliveryId, WebhookId: hook.WebhookId, Event: event, attempts: 0, delivered: false };
      this.records.push(record);
      this.schedule(0, () => this.attempt(hook.Url, hook.Secret, JSON.stringify(delivery), record));
    }
  }

  private schedule(ms: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(url: string, secret: string, raw: string, record: DeliveryRecord): Promise<void> {
    if (this.stopped) return;
    record.attempts += 1;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Scend-Signature': signature(secret, raw) },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      record.lastStatus = res.status;
      await res.arrayBuffer();
      if (res.ok) {
        record.delivered = true;
        return;
      }
    } catch (e) {
      record.lastError = (e as Error).message;
    }
    const max = this.options.maxAttempts ?? 5;
    if (record.attempts < max) this.schedule((this.options.backoffMs ?? 1000) * 2 ** (record.attempts - 1), () => this.attempt(url, secret, raw, record));
  }
}
