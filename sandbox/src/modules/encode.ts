/**
 * N/encode: encode.convert between UTF_8, BASE_16, BASE_32, BASE_64, BASE_64_URL_SAFE and HEX
 * (NetSuite Help: encode.convert(options), encode.Encoding). Input that is not valid in its
 * declared encoding is FAILED_TO_DECODE_STRING_ENCODED_BINARY_DATA_USING_1_ENCODING, as documented;
 * output as UTF_8 of bytes that are not UTF-8 carries U+FFFD. The codec is shared with N/crypto.
 */
import { SuiteScriptError } from '../kernel/errors';

export const ENCODINGS = ['UTF_8', 'BASE_16', 'BASE_32', 'BASE_64', 'BASE_64_URL_SAFE', 'HEX'] as const;
export type EncodingName = (typeof ENCODINGS)[number];
export const Encoding = Object.fromEntries(ENCODINGS.map((e) => [e, e])) as Record<EncodingName, EncodingName>;

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const decodeFailed = (enc: string) =>
  new SuiteScriptError('FAILED_TO_DECODE_STRING_ENCODED_BINARY_DATA_USING_1_ENCODING', `Failed to decode string encoded binary data using ${enc} encoding.`);

export function checkEncoding(value: unknown, what: string): EncodingName {
  if (!ENCODINGS.includes(value as EncodingName)) throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `Invalid ${what}: ${String(value)} (use encode.Encoding)`);
  return value as EncodingName;
}

function base32Decode(s: string): Buffer {
  const clean = s.replace(/=+$/, '');
  let bits = 0;
  let acc = 0;
  const out: number[] = [];
  for (const ch of clean) {
    acc = (acc << 5) | B32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function base32Encode(b: Buffer): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const byte of b) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out + '='.repeat((8 - (out.length % 8)) % 8);
}

/** The bytes a string stands for in an encoding; malformed input is refused, never guessed. */
export function decode(s: string, enc: EncodingName): Buffer {
  switch (enc) {
    case 'UTF_8':
      return Buffer.from(s, 'utf8');
    case 'HEX':
    case 'BASE_16':
      if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw decodeFailed(enc);
      return Buffer.from(s, 'hex');
    case 'BASE_64':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw decodeFailed(enc);
      return Buffer.from(s, 'base64');
    case 'BASE_64_URL_SAFE':
      if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) throw decodeFailed(enc);
      return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    case 'BASE_32':
      if (!/^[A-Z2-7]*=*$/.test(s) || s.length % 8 !== 0) throw decodeFailed(enc);
      return base32Decode(s);
    default: {
      const never: never = enc;
      return never;
    }
  }
}

/** The bytes written in an encoding (BASE_64_URL_SAFE keeps its '=' padding, as documented). */
export function encodeBytes(b: Buffer, enc: EncodingName): string {
  switch (enc) {
    case 'UTF_8':
      return b.toString('utf8');
    case 'HEX':
      return b.toString('hex');
    case 'BASE_16':
      return b.toString('hex').toUpperCase();
    case 'BASE_64':
      return b.toString('base64');
    case 'BASE_64_URL_SAFE':
      return b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    case 'BASE_32':
      return base32Encode(b);
    default: {
      const never: never = enc;
      return never;
    }
  }
}

export function createEncodeModule() {
  return {
    Encoding,
    convert(options: { string?: unknown; inputEncoding?: unknown; outputEncoding?: unknown }): string {
      for (const k of ['string', 'inputEncoding', 'outputEncoding'] as const) {
        if (!options || options[k] === undefined || options[k] === null) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${k}`);
      }
      const input = checkEncoding(options.inputEncoding, 'inputEncoding');
      const output = checkEncoding(options.outputEncoding, 'outputEncoding');
      return encodeBytes(decode(String(options.string), input), output);
    },
  };
}
