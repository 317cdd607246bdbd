/** Webhook delivery checks (pure): signature scheme, constant-time compare, freshness window, event routing. */
import { createHmac } from 'node:crypto';
import { constantTimeEqual, signatureDigest, verifyDelivery, WEBHOOK_WINDOW_MS } from '../../src/ts/core/webhooks/verify-delivery';

const secret = 's3cret';
const hmac = (body: string) => createHmac('sha256', secret).update(body).digest('hex');
const now = new Date('2025-01-01T12:00:00Z');
const body = (event: string, at = now) => JSON.stringify({ DeliveryId: 'DLV-1', Event: event, OccurredAt: at.toISOString(), Data: {} });

describe('verifying a webhook delivery', () => {
  it('accepts a signed, fresh delivery and says which import to queue', () => {
    const b = body('despatch.created');
    expect(verifyDelivery(`sha256=${hmac(b)}`, b, hmac, now)).toEqual({ ok: true, event: 'despatch.created', deliveryId: 'DLV-1', queue: 'despatchImport' });
    const s = body('order.status_changed');
    expect(verifyDelivery(`sha256=${hmac(s).toUpperCase()}`, s, hmac, now)).toMatchObject({ ok: true, queue: 'statusSync' });
    const r = body('receipt.created');
    expect(verifyDelivery(`sha256=${hmac(r)}`, r, hmac, now)).toEqual({ ok: true, event: 'receipt.created', deliveryId: 'DLV-1' });
  });

  it('refuses unsigned, wrongly signed, malformed and stale deliveries', () => {
    const b = body('despatch.created');
    expect(verifyDelivery(undefined, b, hmac, now)).toEqual({ ok: false, reason: 'unsigned' });
    expect(verifyDelivery(`sha256=${'0'.repeat(64)}`, b, hmac, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyDelivery(`sha256=${hmac('{')}`, '{', hmac, now)).toEqual({ ok: false, reason: 'malformed' });
    const old = body('despatch.created', new Date(now.getTime() - WEBHOOK_WINDOW_MS - 1));
    expect(verifyDelivery(`sha256=${hmac(old)}`, old, hmac, now)).toEqual({ ok: false, reason: 'stale' });
    const future = body('despatch.created', new Date(now.getTime() + WEBHOOK_WINDOW_MS + 1));
    expect(verifyDelivery(`sha256=${hmac(future)}`, future, hmac, now)).toEqual({ ok: false, reason: 'stale' });
  });

  it('reads only the sha256 scheme and compares digests fully', () => {
    expect(signatureDigest('sha1=abc')).toBeUndefined();
    expect(signatureDigest(` sha256=${'A'.repeat(64)} `)).toBe('a'.repeat(64));
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });
});
