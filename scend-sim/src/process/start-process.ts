import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SimControlClient } from '../control/control-client';
import type { ChildMessage, ProcessSimulatorOptions } from './messages';

export interface SimulatorProcess {
  url: string;
  apiKey: string;
  /** With `tls`: the HTTPS base URL and the certificate (PEM) to trust for it. */
  secureUrl?: string;
  caPem?: string;
  control: SimControlClient;
  pid: number;
  /** Stops the child and resolves once it has exited. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const KILL_AFTER_MS = 3_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Start the simulator in a child process. Needed whenever the caller blocks its own thread on
 * HTTP (the NetSuite sandbox waits synchronously with Atomics.wait, so an in-thread server
 * would never answer). The child runs TypeScript through tsx and exits with its parent.
 */
export async function startSimulatorProcess(options: ProcessSimulatorOptions = {}): Promise<SimulatorProcess> {
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const child = fork(join(__dirname, 'child-main.ts'), [], {
    execArgv: ['--import', loader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited(child);
      clearTimeout(timer);
    }
  };
  let ready: { url: string; apiKey: string; secureUrl?: string; caPem?: string };
  try {
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`simulator child did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`simulator child exited early (code ${code})`));
      });
      child.on('message', (message: ChildMessage) => {
        clearTimeout(timer);
        if (message.type === 'ready') resolve({ url: message.url, apiKey: message.apiKey, secureUrl: message.secureUrl, caPem: message.caPem });
        else reject(new Error(`simulator child failed: ${message.message}`));
      });
      child.send({ type: 'start', options });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  child.removeAllListeners('exit');
  let closing: Promise<void> | undefined;
  return {
    ...ready,
    control: new SimControlClient(ready.url),
    pid: child.pid ?? -1,
    close: () => (closing ??= stop()),
  };
}
