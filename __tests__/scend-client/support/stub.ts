/** Test-side handle on the stub server worker (see stub-server.cjs). */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

export type StubReply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { hang: true }
  | { destroy: true };

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface Stub {
  baseUrl: string;
  /** Replies for `METHOD /path`, in order; the last one repeats. */
  script(route: string, ...replies: StubReply[]): Promise<void>;
  received(): Promise<ReceivedRequest[]>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): StubReply => ({ status, body, headers });

export async function startStub(): Promise<Stub> {
  const worker = new Worker(path.join(__dirname, 'stub-server.cjs'));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; port: number }) => resolve(m.port));
  });
  let seq = 0;
  const ask = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise((resolve) => {
      const id = ++seq;
      const onMessage = (m: { seq: number } & T) => {
        if (m.seq !== id) return;
        worker.off('message', onMessage);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.postMessage({ ...msg, seq: id });
    });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    script: async (route, ...replies) => {
      await ask({ type: 'script', route, replies });
    },
    received: async () => (await ask<{ received: ReceivedRequest[] }>({ type: 'received' })).received,
    reset: async () => {
      await ask({ type: 'reset' });
    },
    close: async () => {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}
