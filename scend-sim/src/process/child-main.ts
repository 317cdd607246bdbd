import { startSimulator, type RunningSimulator } from '../http/server';
import type { ChildMessage, ParentMessage } from './messages';

/** Entry point of the simulator child process: start on the parent's options, die with the parent. */
let sim: RunningSimulator | undefined;

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function shutdown(): Promise<void> {
  await sim?.close();
  process.exit(0);
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
      process.exit(1);
    });
});

// The IPC channel closes when the parent exits or crashes: never outlive it.
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
