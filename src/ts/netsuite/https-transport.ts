/**
 * The Scend client's HttpTransport on top of NetSuite's synchronous N/https.
 * The only file that knows about N/https; the client itself is pure TypeScript.
 */
import * as https from 'N/https';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport, type TransportFailureKind } from '../scend/transport';

/**
 * NetSuite error names for an https.request that got no HTTP answer. Where NetSuite does not say
 * whether the request left the building, we say `timeout` (ambiguous), never `connect`: calling a
 * sent write "not sent" is how duplicate orders happen.
 *
 * Sources: N/https's error table (SSS_INVALID_HOST_CERT; SSS_REQUEST_TIME_EXCEEDED for a timeout
 * "during connection establishment or payload transmission") and Oracle's SuiteScript 1.0
 * nlapiRequestURL reference (SSS_UNKNOWN_HOST; SSS_CONNECTION_TIME_OUT "if the initial connection
 * exceeds the 5 second timeout"; SSS_CONNECTION_CLOSED "if the server ... is unresponsive").
 * No source names a refused connection, and scripts in the wild describe SSS_CONNECTION_TIME_OUT
 * as either limit, so a refused connect (reported as SSS_CONNECTION_TIME_OUT) stays ambiguous.
 */
const FAILURE_KINDS: Record<string, TransportFailureKind> = {
  // Connect (5 s) or send (45 s) limit: not reliably told apart.
  SSS_REQUEST_TIME_EXCEEDED: 'timeout',
  SSS_CONNECTION_TIME_OUT: 'timeout',
  SSS_CONNECTION_CLOSED: 'reset',
  SSS_CONNECTION_RESET: 'reset',
  // Failed before a byte of the request was sent (DNS, TLS handshake).
  SSS_UNKNOWN_HOST: 'connect',
  SSS_INVALID_HOST_CERT: 'connect',
  // Undocumented: should NetSuite ever name a refused connect, it sent nothing.
  SSS_CONNECTION_REFUSED: 'connect',
  // An API secret used for a host outside its allowed domains: NetSuite refuses before sending.
  // A script cannot read the allowed domains, so this is where a wrong base URL shows. The name is
  // the sandbox's (NetSuite's help names no error for it); any such refusal is a configuration problem.
  INVALID_SECRET_DOMAIN: 'secretHost',
};

/** `{custsecret_...}` placeholder as createSecureString expects it. */
export function apiKeyFromSecret(secretId: string): https.SecureString {
  return https.createSecureString({ input: `{${secretId}}` });
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '';
}

export class NetSuiteHttpsTransport implements HttpTransport {
  request(req: HttpRequest): HttpResponse {
    let res: https.ClientResponse;
    try {
      res = https.request({
        method: req.method as https.Method,
        url: req.url,
        // SecureString values are resolved by NetSuite at send time; the script never sees the key.
        headers: { ...req.headers, ...req.secretHeaders },
        body: req.body,
      });
    } catch (e) {
      const name = errorName(e);
      const kind = FAILURE_KINDS[name];
      // Never echo the NetSuite message: it may quote the request.
      if (kind) throw new TransportError(kind, `N/https ${name}`);
      throw e;
    }
    return { status: res.code, headers: flattenHeaders(res.headers), body: res.body ?? '' };
  }
}

/** N/https may give a header as a string or an array of strings. */
function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.join(', ');
  }
  return out;
}
