/** The Scend client's HttpTransport for Node (tests, tools, bench), on top of syncHttpRequest. */
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../../../src/ts/scend/transport';
import { SyncHttpError, syncHttpRequest } from './sync-request';

export interface NodeSyncTransportOptions {
  connectTimeoutMs?: number;
  timeoutMs?: number;
  ca?: string[];
}

export class NodeSyncTransport implements HttpTransport {
  constructor(private readonly options: NodeSyncTransportOptions = {}) {}

  request(req: HttpRequest): HttpResponse {
    const headers: Record<string, string> = { ...req.headers };
    for (const [name, value] of Object.entries(req.secretHeaders)) {
      // Off NetSuite a secret is a plain string; anything else is a wiring bug (never print the value).
      if (typeof value !== 'string') throw new TypeError(`secret header ${name} must be a string in Node`);
      headers[name] = value;
    }
    try {
      return syncHttpRequest({ method: req.method, url: req.url, headers, body: req.body, ...this.options });
    } catch (e) {
      // A refused certificate stopped TLS before anything was sent: a connect failure to the client.
      if (e instanceof SyncHttpError) throw new TransportError(e.kind === 'cert' ? 'connect' : e.kind, e.message);
      throw e;
    }
  }
}
