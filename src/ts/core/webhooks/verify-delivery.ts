/**
 * Scend webhook deliveries, checked before anything is queued: signed (`X-Scend-Signature:
 * sha256=<hex HMAC-SHA256(secret, raw body)>`, compared in constant time), fresh (OccurredAt, which
 * the signature covers, within a window of now), and of an event that maps to a feed import. A
 * delivery only ever queues an import: the feeds stay the source of truth, so a lost or forged
 * webhook can neither skip nor invent a despatch.
 */
import type { WebhookEvent } from '../../scend/contract';

/** How far OccurredAt may be from now (either way) before a delivery counts as stale or replayed. */
export const WEBHOOK_WINDOW_MS = 5 * 60 * 1000;

/** Which import each event queues (events other imports own are accepted and ignored here). */
export const IMPORT_FOR_EVENT: Partial<Record<WebhookEvent, 'despatchImport' | 'statusSync'>> = {
  'despatch.created': 'despatchImport',
  'order.status_changed': 'statusSync',
};

export type Verdict =
  | { ok: true; event: WebhookEvent; deliveryId: string; queue?: 'despatchImport' | 'statusSync' }
  | { ok: false; reason: 'unsigned' | 'bad-signature' | 'malformed' | 'stale' };

/** The hex digest of a `sha256=<hex>` header, lower case; undefined when absent or another scheme. */
export function signatureDigest(header: string | undefined): string | undefined {
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec((header ?? '').trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** Equal strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  return diff === 0;
}

/** `hmacHex(body)` computes the expected digest (N/crypto in NetSuite). */
export function verifyDelivery(header: string | undefined, body: string, hmacHex: (body: string) => string, now: Date): Verdict {
  const given = signatureDigest(header);
  if (!given) return { ok: false, reason: 'unsigned' };
  if (!constantTimeEqual(given, hmacHex(body).toLowerCase())) return { ok: false, reason: 'bad-signature' };
  let parsed: { DeliveryId?: unknown; Event?: unknown; OccurredAt?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const at = typeof parsed.OccurredAt === 'string' ? Date.parse(parsed.OccurredAt) : NaN;
  if (typeof parsed.Event !== 'string' || typeof parsed.DeliveryId !== 'string' || isNaN(at)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() - at) > WEBHOOK_WINDOW_MS) return { ok: false, reason: 'stale' };
  const event = parsed.Event as WebhookEvent;
  const queue = IMPORT_FOR_EVENT[event];
  return { ok: true, event, deliveryId: parsed.DeliveryId, ...(queue ? { queue } : {}) };
}
