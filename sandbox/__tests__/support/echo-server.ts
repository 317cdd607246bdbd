import { spawn, type ChildProcess } from 'node:child_process';
import { selfSignedLoopbackCert } from '../../../scend-sim/src/http/tls';

/**
 * An HTTPS server in a child process (N/https blocks the test's thread, so the server cannot share
 * it), with a self-signed certificate for 127.0.0.1 that `ca` lets a sandbox trust. It echoes each
 * request as JSON; path /slow never answers.
 */
export async function startEchoServer(): Promise<{ url: string; ca: string; stop: () => Promise<void> }> {
  const tls = selfSignedLoopbackCert();
  const code = `
    const https = require('node:https');
    const s = https.createServer({ key: process.env.ECHO_KEY, cert: process.env.ECHO_CERT }, (req, res) => {
      if (req.url === '/slow') return;
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ method: req.method, headers: req.headers, body })); });
    });
    s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ECHO_KEY: tls.key, ECHO_CERT: tls.cert } });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('error', reject);
  });
  return {
    url: `https://127.0.0.1:${port}`,
    ca: tls.cert,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}
