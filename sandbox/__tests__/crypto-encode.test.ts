import { createHmac } from 'node:crypto';
import { loadFixture } from './support/fixture';

/* eslint-disable @typescript-eslint/no-explicit-any */
const errorName = (fn: () => unknown): string => {
  try { fn(); } catch (e) { return (e as Error).name; }
  return 'no error';
};

describe('N/encode', () => {
  // NetSuite Help: encode.convert(options), encode.Encoding
  it('converts between UTF_8, BASE_64, BASE_64_URL_SAFE, HEX and BASE_16', () => {
    const encode = loadFixture().module<any>('N/encode');
    const convert = (string: string, inputEncoding: string, outputEncoding: string) => encode.convert({ string, inputEncoding, outputEncoding });
    expect(convert('héllo?>', 'UTF_8', 'BASE_64')).toBe('aMOpbGxvPz4=');
    expect(convert('héllo?>', 'UTF_8', 'BASE_64_URL_SAFE')).toBe('aMOpbGxvPz4=');
    expect(convert('\u00ff\u00fe?', 'UTF_8', 'BASE_64_URL_SAFE')).toBe('w7_Dvj8=');
    expect(convert('w7_Dvj8=', 'BASE_64_URL_SAFE', 'UTF_8')).toBe('\u00ff\u00fe?');
    expect(convert('Hi', 'UTF_8', 'HEX')).toBe('4869');
    expect(convert('Hi', 'UTF_8', 'BASE_16')).toBe('4869');
    expect(convert('SGk=', 'BASE_64', 'HEX')).toBe('4869');
    expect(convert('foobar', 'UTF_8', 'BASE_32')).toBe('MZXW6YTBOI======');
    expect(convert('MZXW6YTBOI======', 'BASE_32', 'UTF_8')).toBe('foobar');
  });

  // NetSuite Help: encode.convert(options) — Errors: FAILED_TO_DECODE_STRING_ENCODED_BINARY_DATA_USING_1_ENCODING, SSS_MISSING_REQD_ARGUMENT
  it('refuses input that is not valid in its encoding and missing arguments, by name', () => {
    const encode = loadFixture().module<any>('N/encode');
    expect(errorName(() => encode.convert({ string: 'xyz', inputEncoding: 'HEX', outputEncoding: 'UTF_8' }))).toBe('FAILED_TO_DECODE_STRING_ENCODED_BINARY_DATA_USING_1_ENCODING');
    expect(errorName(() => encode.convert({ string: 'a+b/', inputEncoding: 'BASE_64_URL_SAFE', outputEncoding: 'UTF_8' }))).toBe('FAILED_TO_DECODE_STRING_ENCODED_BINARY_DATA_USING_1_ENCODING');
    expect(errorName(() => encode.convert({ string: 'abc', inputEncoding: 'UTF_8' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => encode.convert({ string: 'abc', inputEncoding: 'UTF_8', outputEncoding: 'LATIN_1' }))).toBe('SSS_INVALID_TYPE_ARG');
  });
});

describe('N/crypto', () => {
  // NetSuite Help: crypto.createSecretKey(options) (options.secret: the API secret's script id), crypto.createHmac(options), Hmac.update/digest
  it('HMAC-SHA256 with an API secret key gives the standard digest (RFC 4231 test case 2)', () => {
    const sb = loadFixture();
    sb.secrets.register('custsecret_fx_jefe', 'Jefe');
    const crypto = sb.module<any>('N/crypto');
    const key = crypto.createSecretKey({ secret: 'custsecret_fx_jefe', encoding: 'UTF_8' });
    const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
    hmac.update({ input: 'what do ya want ' });
    hmac.update({ input: 'for nothing?', inputEncoding: 'UTF_8' });
    expect(hmac.digest({ outputEncoding: 'HEX' })).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(errorName(() => hmac.digest({ outputEncoding: 'HEX' }))).toBe('SSS_INVALID_STATE');
  });

  it('a key given in HEX is decoded before use; createHash digests without a key', () => {
    const sb = loadFixture();
    sb.secrets.register('custsecret_fx_hexkey', '0b0b0b0b');
    const crypto = sb.module<any>('N/crypto');
    const hmac = crypto.createHmac({ algorithm: 'SHA1', key: crypto.createSecretKey({ secret: '{custsecret_fx_hexkey}', encoding: 'HEX' }) });
    hmac.update({ input: 'payload' });
    expect(hmac.digest({ outputEncoding: 'BASE_64' })).toBe(createHmac('sha1', Buffer.from('0b0b0b0b', 'hex')).update('payload').digest('base64'));
    const hash = crypto.createHash({ algorithm: crypto.HashAlg.SHA256 });
    hash.update({ input: 'abc' });
    expect(hash.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('unknown secrets, guids, algorithms and non-key objects are refused by name', () => {
    const sb = loadFixture();
    const crypto = sb.module<any>('N/crypto');
    expect(errorName(() => crypto.createSecretKey({ secret: 'custsecret_fx_missing' }))).toBe('INVALID_SECRET_KEY');
    expect(errorName(() => crypto.createSecretKey({ guid: '284CFB2D225B1D76FB94D150207E49DF' }))).toBe('INVALID_SECRET_KEY');
    expect(errorName(() => crypto.createSecretKey({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => crypto.createHash({ algorithm: 'SHA3' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => crypto.createHmac({ algorithm: 'SHA256', key: 'Jefe' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => crypto.createCipher({}))).toBe('SSS_NOT_YET_SUPPORTED');
  });

  it('a Suitelet signs a body with a secret it never sees: nothing of the key reaches logs or the reply', async () => {
    const sb = loadFixture();
    sb.secrets.register('custsecret_fx_webhook', 'whsec-very-secret');
    const reply = await sb.callSuitelet('customdeploy_fx_sl_redirect', { method: 'POST', params: { to: 'sign' }, body: '{"event":"despatched"}' });
    expect(reply.body).toBe(createHmac('sha256', 'whsec-very-secret').update('{"event":"despatched"}').digest('base64'));
    expect(sb.logs.query({ title: 'signing key' })[0]?.details).toBe('{"guid":"custsecret_fx_webhook","encoding":"UTF_8"}');
    expect(sb.secrets.leaks()).toEqual([]);
  });
});
