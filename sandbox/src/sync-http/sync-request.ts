/**
 * A synchronous HTTP request for Node, as N/https is synchronous in NetSuite: the calling thread
 * blocks on Atomics.wait while one long-lived worker thread does the I/O.
 * The server being called must not run on the calling thread (it could never answer).
 */
import * as path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** `cert`: TLS refused the server's certificate (nothing was sent). */
export type SyncHttpFailureKind = 'timeout' | 'connect' | 'reset' | 'cert';

export interface SyncHttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Default 5 000 ms (NetSuite's connect limit). */
  connectTimeoutMs?: number;
  /** Default 45 000 ms (NetSuite's request limit). */
  timeoutMs?: number;
  /** Extra trusted certificates (PEM) for https, e.g. a local server's self-signed one. */
  ca?: string[];
}

export interface SyncHttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_TIMEOUT_MS = 45_000;
/** Extra wait on the blocked thread beyond the worker's own timeout, in case the worker stalls. */
const WAIT_MARGIN_MS = 2_000;

/** No HTTP answer: `connect` sent nothing; `timeout` and `reset` may have been applied. */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly kind: SyncHttpFailureKind,
    message: string,
  ) {
    super(message);
  }
}

interface WorkerReply {
  id: number;
  outcome: { response?: SyncHttpResponse; error?: { kind: SyncHttpFailureKind; message: string } };
}

interface Channel {
  worker: Worker;
  port: MessagePort;
}

let channel: Channel | undefined;
let nextId = 1;

function open(): Channel {
  if (channel) return channel;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, 'http-worker.cjs'), { workerData: { port: port2 }, transferList: [port2] });
  // Neither the worker nor the port may keep the process (or jest) alive.
  worker.unref();
  port1.unref();
  worker.on('exit', () => {
    if (channel?.worker === worker) channel = undefined;
  });
  channel = { worker, port: port1 };
  return channel;
}

/** Stop the worker (optional: it is unref'd and never keeps the process alive). */
export async function closeSyncHttp(): Promise<void> {
  const current = channel;
  channel = undefined;
  if (current) {
    current.port.close();
    await current.worker.terminate();
  }
}

export function syncHttpRequest(req: SyncHttpRequest): SyncHttpResponse {
  const connectTimeoutMs = req.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { port } = open();
  const id = nextId++;
  const signal = new SharedArrayBuffer(4);
  port.postMessage({
    id,
    signal,
    req: { method: req.method, url: req.url, headers: req.headers ?? {}, body: req.body, connectTimeoutMs, timeoutMs, ca: req.ca },
  });
  const waited = Atomics.wait(new Int32Array(signal), 0, 0, timeoutMs + WAIT_MARGIN_MS);
  if (waited === 'timed-out') throw new SyncHttpError('timeout', `no answer from the HTTP worker within ${timeoutMs} ms`);
  for (;;) {
    // Replies to earlier, abandoned requests may still be queued: skip them.
    const received = receiveMessageOnPort(port);
    if (!received) throw new SyncHttpError('reset', 'the HTTP worker signalled but sent no reply');
    const reply = received.message as WorkerReply;
    if (reply.id !== id) continue;
    if (reply.outcome.error) throw new SyncHttpError(reply.outcome.error.kind, reply.outcome.error.message);
    if (!reply.outcome.response) throw new SyncHttpError('reset', 'the HTTP worker sent an empty reply');
    return reply.outcome.response;
  }
}
