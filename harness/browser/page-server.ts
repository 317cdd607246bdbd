/**
 * Serves the sandbox's Suitelet pages to a real browser: a plain HTTP server on 127.0.0.1 and a
 * free port. `/app/site/hosting/scriptlet.nl?script=..&deploy=..` (what N/url.resolveScript
 * returns) calls the Suitelet in the sandbox, GET or POST, so links and buttons between pages
 * work; record links (`/app/common/record/...`) answer with a small page naming the record, as
 * opening it in NetSuite would. Anything else is 404.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../sandbox/src/index';

export interface PageServer {
  url: string;
  /** The URL of a Suitelet deployment, as the pages link to it. */
  suiteletUrl(scriptId: string, deploymentId: string): string;
  requests: string[];
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPageServer(sb: Sandbox): Promise<PageServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      try {
        if (url.pathname === '/app/site/hosting/scriptlet.nl') {
          const deploymentId = url.searchParams.get('deploy') ?? '';
          const params = Object.fromEntries(url.searchParams.entries());
          const raw = req.method === 'POST' ? await readBody(req) : undefined;
          // A form post reaches the Suitelet as request.parameters, as NetSuite parses it.
          const form = raw !== undefined && /application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] ?? ''));
          const body = form ? Object.fromEntries(new URLSearchParams(raw).entries()) : raw;
          const reply = await sb.callSuitelet(deploymentId, { method: req.method === 'POST' ? 'POST' : 'GET', params, body });
          res.writeHead(reply.code, { 'Content-Type': 'text/html; charset=utf-8', ...(reply.headers?.Location ? { Location: reply.headers.Location } : {}) });
          res.end(reply.body);
          return;
        }
        const record = /^\/app\/common\/record\/([a-z0-9_]+)\.nl$/.exec(url.pathname);
        if (record) {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(`<!DOCTYPE html><html><head><title>${record[1]} ${url.searchParams.get('id') ?? ''}</title></head><body><h1 id="record">${record[1]} ${url.searchParams.get('id') ?? 'list'}</h1></body></html>`);
          return;
        }
        if (url.pathname === '/favicon.ico') {
          res.writeHead(204); // NetSuite serves one; an empty answer keeps the browser from logging a 404
          res.end();
          return;
        }
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    suiteletUrl: (scriptId, deploymentId) => `${url}/app/site/hosting/scriptlet.nl?script=${scriptId}&deploy=${deploymentId}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
