/**
 * N/crypto: SecretKey (from an API secret's script id; the value never reaches the script),
 * Hmac and Hash with update/digest, using Node's crypto inside the sandbox. Governance: none
 * (NetSuite Help: crypto.createSecretKey, createHmac, createHash). Cipher/decipher, AES keys and
 * credential-field GUIDs are not modelled and are refused by name.
 */
import * as nodeCrypto from 'node:crypto';
import { SuiteScriptError } from '../kernel/errors';
import { checkEncoding, decode, encodeBytes, type EncodingName } from './encode';
import type { SecretVault } from './secrets';

export const HashAlg = { MD5: 'MD5', SHA1: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512' } as const;
const NODE_ALG: Record<string, string> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

const missing = (name: string) => new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${name}`);

const KEY = Symbol('secretKeyId');

/** crypto.SecretKey: a handle naming the secret; printing or serialising it shows no key material. */
class SecretKey {
  readonly guid: string;
  readonly encoding: EncodingName;
  [KEY]: string;

  constructor(id: string, encoding: EncodingName) {
    this[KEY] = id;
    this.guid = id;
    this.encoding = encoding;
  }

  toString(): string {
    return 'crypto.SecretKey';
  }

  toJSON(): Record<string, string> {
    return { guid: this.guid, encoding: this.encoding };
  }
}

function algorithm(value: unknown): string {
  if (value === undefined || value === null) throw missing('algorithm');
  const alg = NODE_ALG[String(value)];
  if (!alg) throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `Invalid algorithm: ${String(value)} (use crypto.HashAlg)`);
  return alg;
}

interface Digestible { update(data: Buffer): unknown; digest(): Buffer }

/** The update/digest object NetSuite returns for both Hmac and Hash. */
function digester(kind: 'crypto.Hmac' | 'crypto.Hash', make: () => Digestible) {
  const h = make();
  let done = false;
  return {
    update(options: { input?: unknown; inputEncoding?: unknown }): void {
      if (!options || options.input === undefined || options.input === null) throw missing('input');
      if (done) throw new SuiteScriptError('SSS_INVALID_STATE', `${kind} was already digested`);
      const enc = options.inputEncoding === undefined ? 'UTF_8' : checkEncoding(options.inputEncoding, 'inputEncoding');
      h.update(decode(String(options.input), enc));
    },
    digest(options?: { outputEncoding?: unknown }): string {
      if (done) throw new SuiteScriptError('SSS_INVALID_STATE', `${kind} was already digested`);
      const enc = options?.outputEncoding === undefined ? 'HEX' : checkEncoding(options.outputEncoding, 'outputEncoding');
      done = true;
      return encodeBytes(h.digest(), enc);
    },
    toString: () => kind,
    toJSON: () => ({ type: kind }),
  };
}

export function createCryptoModule(vault: SecretVault) {
  return {
    HashAlg,
    EncryptionAlg: { AES: 'AES' },
    Padding: { NoPadding: 'NoPadding', PKCS5Padding: 'PKCS5Padding' },
    createSecretKey(options: { guid?: string; secret?: string; encoding?: unknown }): SecretKey {
      if (!options || (options.guid === undefined && options.secret === undefined)) throw missing('guid or secret');
      if (options.guid !== undefined && options.secret !== undefined) {
        throw new SuiteScriptError('SSS_INVALID_ARG', 'Use either guid or secret, not both');
      }
      const encoding = options.encoding === undefined ? 'UTF_8' : checkEncoding(options.encoding, 'encoding');
      if (options.guid !== undefined) {
        throw new SuiteScriptError('INVALID_SECRET_KEY', 'The sandbox has no credential fields: pass the API secret script id as options.secret');
      }
      // Script id as documented ('custsecret_x'); the '{custsecret_x}' placeholder form is taken too.
      const id = String(options.secret).replace(/^\{(.*)\}$/, '$1');
      if (!vault.has(id)) throw new SuiteScriptError('INVALID_SECRET_KEY', `API secret ${id} does not exist or the script may not use it`);
      return new SecretKey(id, encoding);
    },
    createHmac(options: { algorithm?: unknown; key?: unknown }) {
      if (!options) throw missing('options');
      const alg = algorithm(options.algorithm);
      if (!(options.key instanceof SecretKey)) throw options.key === undefined ? missing('key') : new SuiteScriptError('SSS_INVALID_TYPE_ARG', 'key must be a crypto.SecretKey');
      const key = options.key;
      return digester('crypto.Hmac', () => nodeCrypto.createHmac(alg, decode(vault.keyMaterial(key[KEY]), key.encoding)));
    },
    createHash(options: { algorithm?: unknown }) {
      if (!options) throw missing('options');
      const alg = algorithm(options.algorithm);
      return digester('crypto.Hash', () => nodeCrypto.createHash(alg));
    },
    createCipher: () => {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'The sandbox does not model crypto.createCipher');
    },
    createDecipher: () => {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'The sandbox does not model crypto.createDecipher');
    },
    checkPasswordField: () => {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'The sandbox does not model crypto.checkPasswordField');
    },
  };
}
