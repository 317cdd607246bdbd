/** A body that breaks the contract is a MalformedResponseError naming the field, never a crash later. */
import { ScendClient } from '../../src/ts/scend/client';
import { MalformedResponseError } from '../../src/ts/scend/errors';
import * as fx from './support/fixtures';
import { testClient, thrown } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;
let client: ScendClient;

beforeAll(async () => {
  stub = await startStub();
  client = testClient(stub.baseUrl);
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const snapshot = (items: unknown[]) => ({ SnapshotId: 'S-1', AsOf: '2026-11-03T00:00:00Z', Items: items, Page: 1, PageSize: 10, TotalItems: items.length });
const items = (bad: Record<string, unknown>) => [0, 1, 2, 3].map((i) => (i === 3 ? { ...fx.stockItem(`S${i}`), ...bad } : fx.stockItem(`S${i}`)));

it.each([
  ['a wrong type deep in a list', snapshot(items({ OnHand: 'x' })), 'Items[3].OnHand', 'expected non-negative integer, got "x"'],
  ['a negative quantity', snapshot(items({ Allocated: -2 })), 'Items[3].Allocated', 'expected non-negative integer, got -2'],
  ['a fractional quantity', snapshot(items({ Damaged: 1.5 })), 'Items[3].Damaged', 'expected non-negative integer, got 1.5'],
  ['a missing required field', snapshot(items({ Sku: undefined })), 'Items[3].Sku', 'required field missing'],
  ['a null required field', snapshot(items({ Warehouse: null })), 'Items[3].Warehouse', 'expected non-empty string, got null'],
  ['a bad timestamp', { ...snapshot([]), AsOf: 'yesterday' }, 'AsOf', 'expected ISO-8601 date-time, got "yesterday"'],
  ['a list where an object belongs', [], '', 'expected object, got []'],
])('stock snapshot with %s', async (_what, body, field, problem) => {
  await stub.script('GET /v1/stock', json(200, body));
  const e = thrown(() => client.stockSnapshot());
  expect(e).toBeInstanceOf(MalformedResponseError);
  expect(e).toMatchObject({ code: 'MALFORMED_RESPONSE', field, problem, retry: 'permanent', status: 200 });
  expect(e.message).toContain(field ? `${field}: ${problem}` : problem);
});

it('names the field of a despatch line with a negative quantity', async () => {
  const bad = { ...fx.despatch, Parcels: [{ ...fx.despatch.Parcels[0], Lines: [{ LineRef: '1', Sku: 'MUG-01', Quantity: -1, Serials: [] }] }] };
  await stub.script('GET /v1/despatches', json(200, { Items: [fx.despatch, bad], NextCursor: 'c', HasMore: false }));
  expect(thrown(() => client.despatches())).toMatchObject({ field: 'Items[1].Parcels[0].Lines[0].Quantity', problem: 'expected positive integer, got -1' });
});

it('rejects an order status outside the contract', async () => {
  await stub.script('GET /v1/orders/ORD-1', json(200, { ...fx.order, Status: 'LOST_IN_SPACE' }));
  expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ field: 'Status' });
});

it('rejects an unknown movement reason', async () => {
  await stub.script('GET /v1/stock-movements', json(200, { Items: [{ ...fx.movement, Reason: 'THEFT' }], NextCursor: 'c', HasMore: false }));
  expect(thrown(() => client.stockMovements())).toMatchObject({ field: 'Items[0].Reason' });
});

it('rejects a feed page without a cursor to resume from', async () => {
  await stub.script('GET /v1/receipts', json(200, { Items: [], HasMore: false }));
  expect(thrown(() => client.receipts())).toMatchObject({ field: 'NextCursor', problem: 'required field missing' });
});

it('a body that is not JSON is malformed', async () => {
  await stub.script('GET /v1/orders/ORD-1', { status: 200, body: '<html>ok</html>' });
  expect(thrown(() => client.getOrder('ORD-1'))).toMatchObject({ constructor: MalformedResponseError, field: '' });
});

it('a malformed answer to a write is ambiguous: the write happened but its result is unreadable', async () => {
  await stub.script('POST /v1/orders', json(201, { ClientReference: 'SO-1001', Status: 'RECEIVED' }));
  expect(thrown(() => client.createOrder(fx.orderCreate))).toMatchObject({ field: 'OrderId', retry: 'ambiguous', status: 201 });
});
