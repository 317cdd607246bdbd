/** The API key reaches the wire and nowhere else: not errors, their JSON, stacks, or the client itself. */
import { inspect } from 'node:util';
import { ScendClient } from '../../src/ts/scend/client';
import * as fx from './support/fixtures';
import { newTestKey, testClient, thrown } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;
let client: ScendClient;
const key = newTestKey();

beforeAll(async () => {
  stub = await startStub();
  client = testClient(stub.baseUrl, { apiKey: key, timeoutMs: 300 });
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const renderings = (e: Error): string[] => [e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })];

it('sends the key as X-Api-Key', async () => {
  await stub.script('GET /v1/orders/ORD-1', json(200, fx.order));
  client.getOrder('ORD-1');
  expect((await stub.received())[0].headers['x-api-key']).toBe(key);
});

it.each([
  ['a 401 whose message echoes the key', json(401, { Code: 'UNAUTHORIZED', Message: `key ${key} is not valid`, Details: [{ Key: key }] })],
  ['a 500 whose HTML body echoes the key', { status: 500, body: `<pre>X-Api-Key: ${key}</pre>` }],
  ['a 400 with an unknown code echoing the key', json(400, { Code: 'WHAT', Message: key })],
  ['a malformed 200 quoting the key in a field', json(200, { ...fx.order, Status: key })],
  ['a non-JSON 200 that is the key', { status: 200, body: key }],
  ['a timeout', { hang: true as const }],
])('keeps the key out of the error for %s', async (_what, reply) => {
  await stub.script('GET /v1/orders/ORD-1', reply);
  const e = thrown(() => client.getOrder('ORD-1'));
  expect(e.name).not.toBe('Error');
  for (const text of renderings(e)) expect(text).not.toContain(key);
});

it('keeps the key out of a walk result that carries an error', async () => {
  await stub.script('GET /v1/despatches', json(401, { Code: 'UNAUTHORIZED', Message: `bad key ${key}` }));
  const result = client.walkFeed('despatches', { onPage: () => undefined });
  expect(result.error?.code).toBe('UNAUTHORIZED');
  expect(JSON.stringify(result)).not.toContain(key);
  expect(inspect(result, { depth: 10 })).not.toContain(key);
});

it('keeps the key out of the client when it is printed or serialised', () => {
  for (const text of [String(client), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true }), `${client}`]) {
    expect(text).not.toContain(key);
  }
});
