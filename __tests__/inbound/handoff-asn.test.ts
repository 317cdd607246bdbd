/** The ASN handoff with in-memory ports: exactly once, DUPLICATE_ASN linked, failures classified. */
import { handoffAsn, type AsnPorts } from '../../src/ts/core/inbound/send-asn';
import type { InboundDoc } from '../../src/ts/core/inbound/inbound-doc';
import type { ItemFacts } from '../../src/ts/core/orders/items';
import type { AsnCreate, AsnCreated } from '../../src/ts/scend/contract';
import { DuplicateAsnError, ServerError, TransportFailedError, UnknownSkuError, type ScendError } from '../../src/ts/scend/errors';
import { MemoryExceptions, MemoryLedger } from '../orders/fakes';

const ctx = { operation: 'createAsn', method: 'POST' as const, path: '/v1/asns' };
const items = new Map<string, ItemFacts>([['1', { id: '1', type: 'InvtPart', name: 'TENT', scendSku: 'TENT', skuAligned: true }]]);
const config = { locations: { '10': 'UK1' }, maxAttempts: 3 };
const doc: InboundDoc = { id: '500', type: 'purchaseorder', tranId: 'PO42', status: 'B', location: '10', lines: [{ line: '1', itemId: '1', itemType: 'InvtPart', quantity: 5, isClosed: false }] };

class MemoryAsns {
  readonly asns: AsnCreate[] = [];
  readonly faults: Array<(body: AsnCreate) => ScendError | undefined> = [];
  createAsn(body: AsnCreate): AsnCreated {
    const fault = this.faults.shift();
    const existing = this.asns.findIndex((a) => a.ClientReference === body.ClientReference);
    if (existing >= 0) throw new DuplicateAsnError(ctx, 409, 'duplicate', [{ AsnId: `ASN-${existing + 1}` }], { AsnId: `ASN-${existing + 1}` });
    const error = fault?.(body);
    if (error?.retry === 'ambiguous') {
      this.asns.push(body); // committed, then the answer was lost
      throw error;
    }
    if (error) throw error;
    this.asns.push(body);
    return { AsnId: `ASN-${this.asns.length}`, Status: 'AWAITING_DELIVERY' };
  }
}

let now: Date;
let ports: AsnPorts & { ledger: MemoryLedger; exceptions: MemoryExceptions; scend: MemoryAsns };
beforeEach(() => {
  now = new Date('2026-03-01T10:00:00Z');
  ports = { ledger: new MemoryLedger(() => now), exceptions: new MemoryExceptions(), scend: new MemoryAsns() };
});
const run = (actor: 'user-event' | 'backlog' = 'user-event') => handoffAsn({ doc, items, config, now, actor }, ports);

describe('handoffAsn', () => {
  it('creates the ledger entry before the POST and sends once; later saves are done', () => {
    expect(run()).toEqual({ kind: 'sent', asnId: 'ASN-1', linked: false });
    expect(ports.ledger.find('asn:500')).toMatchObject({ state: 'sent', scendId: 'ASN-1', attempts: 1, clientReference: 'PO42' });
    expect(run()).toEqual({ kind: 'done', state: 'sent' });
    expect(ports.scend.asns).toHaveLength(1);
  });

  it('an ambiguous failure stays sending; the resend after the backoff links the DUPLICATE_ASN answer', () => {
    ports.scend.faults.push(() => new ServerError(ctx, 500, 'INTERNAL', 'boom'));
    expect(run()).toMatchObject({ kind: 'deferred', state: 'sending' });
    expect(run('backlog')).toEqual({ kind: 'in-flight' }); // not due yet
    now = new Date(now.getTime() + 60 * 60_000);
    expect(run('backlog')).toEqual({ kind: 'sent', asnId: 'ASN-1', linked: true });
    expect(ports.ledger.find('asn:500')).toMatchObject({ state: 'sent', scendId: 'ASN-1', attempts: 2, scendStatus: 'DUPLICATE_ASN (linked)' });
    expect(ports.scend.asns).toHaveLength(1);
  });

  it('a refusal blocks it with an operations exception; the send after the fix resolves it', () => {
    ports.scend.faults.push(() => new UnknownSkuError(ctx, 422, 'unknown', [{ LineRef: '1', Sku: 'TENT' }], [{ LineRef: '1', Sku: 'TENT' }]));
    expect(run()).toEqual({ kind: 'blocked', exceptions: ['asnProblem'] });
    expect(ports.exceptions.open()).toEqual([expect.objectContaining({ type: 'asnProblem', owner: 'operations', transactionId: '500' })]);
    now = new Date(now.getTime() + 2 * 60 * 60_000);
    expect(run('backlog')).toMatchObject({ kind: 'sent' });
    expect(ports.exceptions.open()).toEqual([]);
  });

  it('gives up after maxAttempts with an exception saying a resend is safe', () => {
    for (let i = 0; i < 3; i++) ports.scend.faults.push(() => new TransportFailedError({ ...ctx, method: 'POST' }, 'connect', 'refused'));
    expect(run()).toMatchObject({ kind: 'deferred', state: 'retrying' });
    for (let i = 0; i < 2; i++) {
      now = new Date(now.getTime() + 24 * 60 * 60_000);
      run('backlog');
    }
    expect(ports.ledger.find('asn:500')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(ports.exceptions.open()[0].message).toMatch(/DUPLICATE_ASN/);
    expect(ports.scend.asns).toHaveLength(0);
  });

  it('a second actor racing the first finds the entry and sends nothing', () => {
    ports.ledger.create({ key: 'asn:500', transactionId: '500', clientReference: 'PO42', state: 'sending', attempts: 1, nextAttemptAt: new Date(now.getTime() + 600_000), claimedBy: 'user-event' });
    expect(run('backlog')).toEqual({ kind: 'in-flight' });
    expect(ports.scend.asns).toHaveLength(0);
  });
});
