import { startSimulator, type RunningSimulator } from '../http/server';
import type { ChildMessage, ParentMessage } from './messages';

/** Entry point of the simulator child process: start on the parent's options, die with the parent. */
let sim: RunningSimulator | undefined;

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Close the server and the IPC channel; with nothing left open the process ends by itself. */
async function shutdown(code = 0): Promise<void> {
  process.exitCode = code;
  await sim?.close();
  if (process.connected) process.disconnect();
}

process.on('message', (message: ParentMessage) => {
  if (message.type !== 'start' || sim) return;
  startSimulator(message.options)
    .then((running) => {
      sim = running;
      send({ type: 'ready', url: running.url, apiKey: running.apiKey, secureUrl: running.secureUrl, caPem: running.caPem });
    })
    .catch((error: Error) => {
      send({ type: 'failed', message: error.message });
      void shutdown(1);
    });
});

// The IPC channel closes when the parent exits or crashes: never outlive it.
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
