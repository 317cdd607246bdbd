/**
 * The one seam between the Scend client and the network. SuiteScript's N/https is synchronous,
 * so the transport is too; NetSuite gets `NetSuiteHttpsTransport`, node tests a worker-backed one.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  /** Plain headers: safe to log. */
  headers: Record<string, string>;
  /**
   * Headers whose values are opaque secrets (in NetSuite an `https.SecureString`, elsewhere a
   * string). Kept apart from `headers` so nothing that logs a request can leak them; the
   * transport merges them in at the last moment.
   */
  secretHeaders: Record<string, unknown>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names as the transport reports them; look them up case-insensitively. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpTransport {
  /** One synchronous attempt. Throws `TransportError` when no HTTP response arrived. */
  request(req: HttpRequest): HttpResponse;
}

/**
 * - `connect`: the connection was never established, so nothing was sent;
 * - `timeout`: no (complete) answer in time: the request may have been sent and applied;
 * - `reset`: the connection dropped after it was established: likewise may have been applied;
 * - `secretHost`: the platform refused to send the API key to this host (in NetSuite, the API
 *   secret's allowed domains do not include the base URL's host): nothing was sent, and nothing
 *   will be until the configuration is fixed.
 */
export const TRANSPORT_FAILURE_KINDS = ['connect', 'timeout', 'reset', 'secretHost'] as const;
export type TransportFailureKind = (typeof TRANSPORT_FAILURE_KINDS)[number];

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** Also recognises a TransportError from another copy of this module (separately bundled adapters). */
export function isTransportError(e: unknown): e is TransportError {
  if (e instanceof TransportError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; kind?: unknown };
  return (
    candidate.name === 'TransportError' &&
    (TRANSPORT_FAILURE_KINDS as readonly unknown[]).indexOf(candidate.kind) >= 0
  );
}

/** Case-insensitive header lookup. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) return headers[key];
  }
  return undefined;
}
