'use strict';
/**
 * A scriptable HTTP stub for the client's tests, run in a worker thread so the test thread can
 * block on synchronous requests. Answers from a per-route queue of scripted replies (falling back
 * to 404) and records every request it receives.
 * Reply kinds: { status, headers, body } | { hang: true } | { destroy: true }.
 */
const { parentPort } = require('node:worker_threads');
const http = require('node:http');

const scripts = new Map(); // "METHOD /path" -> replies (the last one repeats)
const received = [];
const hung = new Set();

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://stub');
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
    const key = `${req.method} ${url.pathname}`;
    const queue = scripts.get(key);
    const reply = queue && queue.length ? (queue.length > 1 ? queue.shift() : queue[0]) : { status: 404, body: JSON.stringify({ Code: 'NOT_FOUND', Message: `no script for ${key}` }) };
    if (reply.hang) {
      hung.add(res);
      return;
    }
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, Object.assign({ 'Content-Type': 'application/json' }, reply.headers || {}));
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
});

parentPort.on('message', (msg) => {
  switch (msg.type) {
    case 'script':
      scripts.set(msg.route, msg.replies.slice());
      parentPort.postMessage({ type: 'ok', seq: msg.seq });
      break;
    case 'reset':
      scripts.clear();
      received.length = 0;
      for (const res of hung) res.socket && res.socket.destroy();
      hung.clear();
      parentPort.postMessage({ type: 'ok', seq: msg.seq });
      break;
    case 'received':
      parentPort.postMessage({ type: 'received', seq: msg.seq, received });
      break;
    case 'close':
      for (const res of hung) res.socket && res.socket.destroy();
      server.close(() => parentPort.postMessage({ type: 'ok', seq: msg.seq }));
      break;
  }
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
