/** syncHttpRequest: a blocking HTTP call for Node (N/https is synchronous), with NetSuite's failure kinds. */
import * as net from 'node:net';
import { SyncHttpError, syncHttpRequest } from '../../sandbox/src/sync-http';
import { thrown } from './support/client';
import { json, startStub, type Stub } from './support/stub';

let stub: Stub;

beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

it('returns status, lower-cased headers and body, and sends method, headers and body', async () => {
  await stub.script('POST /echo', json(201, { ok: true }, { 'X-Thing': 'a' }));
  const res = syncHttpRequest({ method: 'POST', url: `${stub.baseUrl}/echo?q=1`, headers: { 'X-Custom': 'v' }, body: '{"£":"é"}' });
  expect(res.status).toBe(201);
  expect(res.headers['x-thing']).toBe('a');
  expect(JSON.parse(res.body)).toEqual({ ok: true });
  const [req] = await stub.received();
  expect(req).toMatchObject({ method: 'POST', path: '/echo', query: { q: '1' }, body: '{"£":"é"}' });
  expect(req.headers['x-custom']).toBe('v');
  expect(req.headers['content-length']).toBe(String(Buffer.byteLength('{"£":"é"}')));
});

it('throws kind "timeout" when the server accepts but never answers', async () => {
  await stub.script('GET /slow', { hang: true });
  const started = Date.now();
  const e = thrown(() => syncHttpRequest({ method: 'GET', url: `${stub.baseUrl}/slow`, timeoutMs: 200 }));
  expect(e).toBeInstanceOf(SyncHttpError);
  expect((e as SyncHttpError).kind).toBe('timeout');
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
});

it('throws kind "reset" when the connection drops before the answer', async () => {
  await stub.script('GET /drop', { destroy: true });
  expect((thrown(() => syncHttpRequest({ method: 'GET', url: `${stub.baseUrl}/drop` })) as SyncHttpError).kind).toBe('reset');
});

it('throws kind "connect" when nothing listens', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  expect((thrown(() => syncHttpRequest({ method: 'GET', url: `http://127.0.0.1:${port}/` })) as SyncHttpError).kind).toBe('connect');
});

it('keeps answering after a failed request (stale replies are skipped)', async () => {
  await stub.script('GET /slow', { hang: true });
  await stub.script('GET /ok', json(200, { n: 1 }));
  thrown(() => syncHttpRequest({ method: 'GET', url: `${stub.baseUrl}/slow`, timeoutMs: 100 }));
  for (let i = 0; i < 20; i++) expect(syncHttpRequest({ method: 'GET', url: `${stub.baseUrl}/ok` }).status).toBe(200);
});
