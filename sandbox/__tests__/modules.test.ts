import { closeSyncHttp, SyncHttpError } from '../src/sync-http';
import { startEchoServer } from './support/echo-server';
import { loadFixture } from './support/fixture';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('N/https', () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  beforeAll(async () => { server = await startEchoServer(); });
  afterAll(async () => { await server.stop(); await closeSyncHttp(); });

  it('an API secret is substituted on the wire but logs show only a placeholder', async () => {
    const sb = loadFixture({ https: { ca: [server.ca] } });
    sb.secrets.register('custsecret_fx_key', 's3cr3t-value');
    await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'https', custscript_fx_url: `${server.url}/orders` } });
    const response = JSON.parse(sb.logs.query({ title: 'response' })[0].details);
    expect(response.code).toBe(200);
    expect(JSON.parse(response.body).headers['x-api-key']).toBe('s3cr3t-value');
    expect(sb.logs.query({ title: 'headers' })[0].details).toContain('[SecureString]');
    // the echo body itself carried the secret back into a log: the leak detector reports it
    expect(sb.secrets.leaks()).toEqual(['custsecret_fx_key']);
  });

  it('each request costs 10 units', async () => {
    const sb = loadFixture({ https: { ca: [server.ca] } });
    const https = sb.module<any>('N/https');
    sb.secrets.register('custsecret_fx_key', 'v');
    const before = sb.kernel.current().governor.used();
    https.get({ url: `${server.url}/x` });
    expect(sb.kernel.current().governor.used() - before).toBe(10);
  });

  it('a server that does not answer in time gives SSS_REQUEST_TIME_EXCEEDED', () => {
    const sb = loadFixture({ https: { timeoutMs: 300, connectTimeoutMs: 200, ca: [server.ca] } });
    expect(() => sb.module<any>('N/https').get({ url: `${server.url}/slow` })).toThrow(expect.objectContaining({ name: 'SSS_REQUEST_TIME_EXCEEDED' }));
  });

  it('a refused connection is SSS_CONNECTION_TIME_OUT (no source names a refused connect), not a silent success', () => {
    const sb = loadFixture({ https: { timeoutMs: 1000, connectTimeoutMs: 500 } });
    expect(() => sb.module<any>('N/https').get({ url: 'https://127.0.0.1:1/' })).toThrow(expect.objectContaining({ name: 'SSS_CONNECTION_TIME_OUT' }));
  });

  it('a server whose certificate is not trusted is SSS_INVALID_HOST_CERT (the call still costs its 10 units)', () => {
    const sb = loadFixture();
    const before = sb.kernel.current().governor.used();
    expect(() => sb.module<any>('N/https').get({ url: `${server.url}/x` })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_HOST_CERT' }));
    expect(sb.kernel.current().governor.used() - before).toBe(10);
  });

  it('the sandbox never leaves the machine: an unknown host name is SSS_UNKNOWN_HOST without a DNS query', () => {
    let calls = 0;
    const sb = loadFixture({ transport: () => { calls++; throw new SyncHttpError('connect', 'unreachable'); } });
    expect(() => sb.module<any>('N/https').get({ url: 'https://scend.example/v1/orders' })).toThrow(expect.objectContaining({ name: 'SSS_UNKNOWN_HOST' }));
    expect(calls).toBe(0);
  });

  it('a configured host name reaches its loopback address, with the secret released to that name', () => {
    const sb = loadFixture({ https: { ca: [server.ca], hosts: { 'brand.scend.example': '127.0.0.1' } } });
    sb.secrets.register('custsecret_fx_key', 'v', { allowedDomains: ['brand.scend.example'] });
    const https = sb.module<any>('N/https');
    const port = new URL(server.url).port;
    const res = https.get({ url: `https://brand.scend.example:${port}/x`, headers: { 'X-Api-Key': https.createSecureString({ input: '{custsecret_fx_key}' }) } });
    expect(JSON.parse(res.body).headers['x-api-key']).toBe('v');
  });

  // NetSuite Help, "Creating Secrets" (API Secrets): "Restrict to Scripts" — only the listed scripts may use the secret.
  it('a secret restricted to scripts is usable by those scripts only (INVALID_SECRET_KEY for any other, and for a UI user)', async () => {
    const run = async (allowedScripts: string[]) => {
      const sb = loadFixture({ https: { ca: [server.ca] } });
      sb.secrets.register('custsecret_fx_key', 'k3y', { allowedScripts });
      const out = await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'https', custscript_fx_url: `${server.url}/x` } }).then(() => 'ok', (e: Error) => e.name);
      return { out, sb };
    };
    expect((await run(['customscript_fx_sched'])).out).toBe('ok');
    const refused = await run(['customscript_fx_other']);
    expect(refused.out).toBe('INVALID_SECRET_KEY');
    const https = refused.sb.module<any>('N/https');
    expect(() => https.get({ url: `${server.url}/x`, headers: { k: https.createSecureString({ input: '{custsecret_fx_key}' }) } })).toThrow(expect.objectContaining({ name: 'INVALID_SECRET_KEY' }));
  });

  it('a host name that does not resolve is SSS_UNKNOWN_HOST; other connect failures stay SSS_CONNECTION_TIME_OUT', () => {
    const failWith = (message: string) => loadFixture({
      transport: () => {
        throw new SyncHttpError('connect', message);
      },
    });
    expect(() => failWith('ENOTFOUND').module<any>('N/https').get({ url: 'https://127.0.0.1:9/' })).toThrow(expect.objectContaining({ name: 'SSS_UNKNOWN_HOST' }));
    expect(() => failWith('EAI_AGAIN').module<any>('N/https').get({ url: 'https://127.0.0.1:9/' })).toThrow(expect.objectContaining({ name: 'SSS_UNKNOWN_HOST' }));
    expect(() => failWith('ECONNREFUSED').module<any>('N/https').get({ url: 'https://127.0.0.1:9/' })).toThrow(expect.objectContaining({ name: 'SSS_CONNECTION_TIME_OUT' }));
  });

  it('a connection dropped before the answer is SSS_CONNECTION_CLOSED', () => {
    const sb = loadFixture({
      transport: () => {
        throw new SyncHttpError('reset', 'ECONNRESET');
      },
    });
    expect(() => sb.module<any>('N/https').post({ url: 'https://127.0.0.1:9/v1/orders', body: '{}' })).toThrow(expect.objectContaining({ name: 'SSS_CONNECTION_CLOSED' }));
  });

  it('N/https refuses plain HTTP, loopback included (SSS_INVALID_URL); N/http accepts it', () => {
    let calls = 0;
    const sb = loadFixture({ transport: () => { calls++; return { status: 200, headers: {}, body: '' }; } });
    expect(() => sb.module<any>('N/https').get({ url: 'http://example.com/' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_URL' }));
    expect(() => sb.module<any>('N/https').get({ url: 'http://127.0.0.1:9/' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_URL' }));
    expect(calls).toBe(0);
    expect(sb.module<any>('N/http').get({ url: 'http://127.0.0.1:9/' }).code).toBe(200);
  });

  it('a SecureString never reveals its content', () => {
    const sb = loadFixture();
    const s = sb.module<any>('N/https').createSecureString({ input: '{custsecret_fx_key}' });
    expect([String(s), JSON.stringify({ s })]).toEqual(['[SecureString]', '{"s":"[SecureString]"}']);
  });
});

describe('other N/ modules', () => {
  it('N/format formats and parses dates in the sandbox user timezone (UTC, as search results display them)', () => {
    const format = loadFixture().module<any>('N/format');
    expect(format.format({ value: new Date('2025-01-06T09:30:00Z'), type: format.Type.DATETIME })).toBe('1/6/2025 9:30 am');
    expect(format.parse({ value: '1/6/2025', type: format.Type.DATE }).toISOString()).toBe('2025-01-06T00:00:00.000Z');
    expect(format.format({ value: 1234.5, type: format.Type.CURRENCY })).toBe('1,234.50');
    expect(() => format.parse({ value: '2025-13-45', type: format.Type.DATE })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_TYPE_ARG' }));
  });

  it('N/cache entries expire by the sandbox clock', () => {
    const sb = loadFixture();
    const cache = sb.module<any>('N/cache').getCache({ name: 'c', scope: 'PUBLIC' });
    cache.put({ key: 'k', value: { a: 1 }, ttl: 300 });
    expect(cache.get({ key: 'k' })).toBe('{"a":1}');
    sb.clock.advance(301_000);
    expect(cache.get({ key: 'k' })).toBeNull();
    expect(() => cache.put({ key: 'k', value: 'v', ttl: 10 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_CACHE_TTL' }));
  });

  it('N/file saves to and loads from the in-memory File Cabinet, and reads project files by path', () => {
    const sb = loadFixture();
    const file = sb.module<any>('N/file');
    const id = file.create({ name: 'a.txt', fileType: file.Type.PLAINTEXT, contents: 'hello', folder: -15 }).save();
    expect(file.load({ id }).getContents()).toBe('hello');
    expect(file.load({ id: 'SuiteScripts/fixture/rl.js' }).getContents()).toContain('@NScriptType Restlet');
    file.delete({ id });
    expect(() => file.load({ id })).toThrow(expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }));
  });

  // NetSuite Help: "File.url" — the URL of the file (media.nl); a file not yet saved has none.
  it('N/file gives a saved file its File Cabinet URL', () => {
    const file = loadFixture().module<any>('N/file');
    const f = file.create({ name: 'b.csv', fileType: file.Type.CSV, contents: 'x', folder: -15 });
    expect(f.url).toBeNull();
    const id = f.save();
    expect(file.load({ id }).url).toMatch(new RegExp(`^/core/media/media\\.nl\\?id=${id}&h=[0-9a-f]{20}$`));
  });

  it('N/url resolves deployed scripts to stable URLs and refuses unknown deployments', () => {
    const url = loadFixture().module<any>('N/url');
    expect(url.resolveScript({ scriptId: 'customscript_fx_sl', deploymentId: 'customdeploy_fx_sl', params: { a: 1 } })).toBe('/app/site/hosting/scriptlet.nl?script=customscript_fx_sl&deploy=customdeploy_fx_sl&a=1');
    expect(() => url.resolveScript({ scriptId: 'customscript_fx_sl', deploymentId: 'customdeploy_nope' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SCRIPT_ID_1' }));
  });

  it('N/email puts messages in the outbox and costs 20 units', () => {
    const sb = loadFixture();
    sb.module<any>('N/email').send({ author: 5, recipients: ['ops@example.com'], subject: 'Hi', body: 'B' });
    expect(sb.outbox.map((m) => [m.subject, m.recipients])).toEqual([['Hi', ['ops@example.com']]]);
    expect(() => sb.module<any>('N/email').send({ author: 5, subject: 'x', body: 'y' })).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
  });

  it('N/error.create builds a SuiteScriptError with the given name', () => {
    const e = loadFixture().module<any>('N/error').create({ name: 'MY_CODE', message: 'm' });
    expect([e.name, e.message, e.type]).toEqual(['MY_CODE', 'm', 'error.SuiteScriptError']);
  });
});
