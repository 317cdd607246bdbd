import { spawnSync } from 'node:child_process';
import { startSimulatorProcess } from '../src/process/start-process';
import { orderBody } from './support';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the simulator in a child process', () => {
  it('answers a caller whose own thread is blocked, and dies on close()', async () => {
    const sim = await startSimulatorProcess({ catalogue: 'demo', apiKey: 'child-key-0001' });
    try {
      expect(sim.apiKey).toBe('child-key-0001');
      expect(alive(sim.pid)).toBe(true);
      // A synchronous HTTP call from this thread (as the NetSuite sandbox makes) still gets an answer.
      const script = `fetch(${JSON.stringify(`${sim.url}/v1/products?sku=FS-TENT-2P`)},{headers:{'X-Api-Key':'child-key-0001'}}).then(r=>r.json()).then(b=>process.stdout.write(b.Items[0].ExternalId))`;
      const blocking = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
      expect(blocking.stdout).toBe('1001');
      const created = await fetch(`${sim.url}/v1/orders`, {
        method: 'POST',
        headers: { 'X-Api-Key': sim.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(orderBody({ Lines: [{ LineRef: '1', Sku: 'FS-BAG-3S', Quantity: 1 }] })),
      });
      expect(created.status).toBe(201);
      const { OrderId } = (await created.json()) as { OrderId: string };
      const d = await sim.control.despatch(OrderId, { Parcels: 1 });
      expect(d.Parcels[0].Lines[0].Sku).toBe('FS-BAG-3S');
    } finally {
      await sim.close();
    }
    expect(alive(sim.pid)).toBe(false);
    await expect(fetch(`${sim.url}/_sim/health`)).rejects.toThrow();
  });

  it('reports a start failure instead of hanging (port already taken)', async () => {
    const first = await startSimulatorProcess();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startSimulatorProcess({ port })).rejects.toThrow(/failed|exited/);
    } finally {
      await first.close();
    }
  });
});
