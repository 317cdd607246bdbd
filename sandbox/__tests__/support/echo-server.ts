import { spawn, type ChildProcess } from 'node:child_process';

/**
 * An HTTP server in a child process (N/https blocks the test's thread, so the server cannot share it).
 * It echoes each request as JSON; path /slow never answers.
 */
export async function startEchoServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const code = `
    const http = require('node:http');
    const s = http.createServer((req, res) => {
      if (req.url === '/slow') return;
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ method: req.method, headers: req.headers, body })); });
    });
    s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}
