/**
 * The N/https adapter, against a fake N/https typed like the real module. Proves the error mapping
 * for every name (including ones the sandbox never produces) and that secrets pass through
 * untouched; through-sandbox-https.test.ts runs it over the sandbox's real N/https.
 */
import type * as NHttps from 'N/https';
import { TransportError } from '../../src/ts/scend/transport';

interface FakeState {
  behaviour: (options: NHttps.RequestOptions) => NHttps.ClientResponse;
  sent: NHttps.RequestOptions[];
}

interface FakeHttps {
  /** Shared by reference: the adapter sees a namespace copy of this module object. */
  state: FakeState;
  request(options: NHttps.RequestOptions): NHttps.ClientResponse;
  createSecureString(options: { input: string }): { input: string };
}

// The factory runs when the adapter first imports N/https, so it builds the fake itself.
jest.mock(
  'N/https',
  (): FakeHttps => {
    const state: FakeState = {
      behaviour: () => {
        throw new Error('no behaviour scripted');
      },
      sent: [],
    };
    return {
      state,
      request: (options) => {
        state.sent.push(options);
        return state.behaviour(options);
      },
      createSecureString: (options) => ({ input: options.input }),
    };
  },
  { virtual: true },
);

import { NetSuiteHttpsTransport, apiKeyFromSecret } from '../../src/ts/netsuite/https-transport';

const fake = jest.requireMock<FakeHttps>('N/https').state;

const suiteScriptError = (name: string) => Object.assign(new Error(`${name}: something`), { name, type: 'error.SuiteScriptError' });
const response = (code: number, body: string, headers: Record<string, unknown>) => ({ code, body, headers }) as unknown as NHttps.ClientResponse;

beforeEach(() => {
  fake.sent = [];
});

const request = { method: 'POST' as const, url: 'https://t.scend.example/v1/orders', headers: { Accept: 'application/json' }, body: '{}' };

it('builds the key header from the API secret placeholder', () => {
  expect(apiKeyFromSecret('custsecret_scend_key')).toEqual({ input: '{custsecret_scend_key}' });
});

it('passes secret header values through untouched and returns status, headers and body', () => {
  const secure = { input: '{custsecret_scend_key}' };
  fake.behaviour = () => response(201, '{"ok":true}', { 'Retry-After': '5', 'Set-Cookie': ['a', 'b'] });
  const res = new NetSuiteHttpsTransport().request({ ...request, secretHeaders: { 'X-Api-Key': secure } });
  expect(res).toEqual({ status: 201, body: '{"ok":true}', headers: { 'Retry-After': '5', 'Set-Cookie': 'a, b' } });
  expect(fake.sent[0]).toMatchObject({ method: 'POST', url: request.url, body: '{}' });
  expect((fake.sent[0].headers as Record<string, unknown>)['X-Api-Key']).toBe(secure);
});

it.each([
  ['SSS_REQUEST_TIME_EXCEEDED', 'timeout'],
  ['SSS_CONNECTION_TIME_OUT', 'timeout'],
  ['SSS_CONNECTION_CLOSED', 'reset'],
  ['SSS_CONNECTION_RESET', 'reset'],
  ['SSS_UNKNOWN_HOST', 'connect'],
  ['SSS_INVALID_HOST_CERT', 'connect'],
  ['SSS_CONNECTION_REFUSED', 'connect'],
  // NetSuite Help "Secrets Management": a secret is sent only to its allowed domains (sandbox name INVALID_SECRET_DOMAIN).
  ['INVALID_SECRET_DOMAIN', 'secretHost'],
])('maps %s to a %s TransportError', (name, kind) => {
  fake.behaviour = () => {
    throw suiteScriptError(name);
  };
  let caught: unknown;
  try {
    new NetSuiteHttpsTransport().request({ ...request, secretHeaders: {} });
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TransportError);
  expect(caught).toMatchObject({ kind });
});

it('rethrows errors that are not transport failures (a bad URL is a bug, not an outage)', () => {
  fake.behaviour = () => {
    throw suiteScriptError('SSS_INVALID_URL');
  };
  expect(() => new NetSuiteHttpsTransport().request({ ...request, secretHeaders: {} })).toThrow('SSS_INVALID_URL');
});
