'use strict';
/**
 * The worker behind syncHttpRequest: performs one HTTP request per message with Node's async
 * http, replies on the port, then wakes the blocked caller through the shared signal.
 * Plain CommonJS so it runs the same under jest, tsx and node without a TypeScript loader.
 */
const { workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');

const port = workerData.port;
const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT|HOSTNAME_MISMATCH|ERR_SSL/;

// Building a TLS context parses every certificate: do it once per trusted set, not per request.
const secureContexts = new Map();
function secureContextFor(ca) {
  const key = ca.join('\n');
  if (!secureContexts.has(key)) {
    const tls = require('node:tls');
    secureContexts.set(key, tls.createSecureContext({ ca: [...tls.rootCertificates, ...ca] }));
  }
  return secureContexts.get(key);
}

function flattenHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function perform(req, done) {
  let finished = false;
  let connected = false;
  let request;
  const finish = (outcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(connectTimer);
    clearTimeout(totalTimer);
    if (request) request.destroy();
    done(outcome);
  };
  const fail = (kind, message) => finish({ error: { kind, message } });

  const connectTimer = setTimeout(() => {
    if (!connected) fail('connect', `no connection within ${req.connectTimeoutMs} ms`);
  }, req.connectTimeoutMs);
  // After the connection exists the request may have been sent: a timeout is ambiguous.
  const totalTimer = setTimeout(() => {
    fail(connected ? 'timeout' : 'connect', `no complete response within ${req.timeoutMs} ms`);
  }, req.timeoutMs);

  let url;
  try {
    url = new URL(req.url);
  } catch {
    fail('connect', 'invalid URL');
    return;
  }
  const lib = url.protocol === 'https:' ? https : http;
  const headers = Object.assign({}, req.headers);
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  try {
    // agent:false: one connection per request, so a stale keep-alive socket can never turn a
    // clean retry into a spurious "reset" (which would make a write look ambiguous).
    const tls = url.protocol === 'https:' && req.ca && req.ca.length ? { secureContext: secureContextFor(req.ca) } : {};
    request = lib.request(url, Object.assign({ method: req.method, headers, agent: false }, tls));
  } catch (e) {
    fail('connect', e && e.message ? e.message : String(e));
    return;
  }
  request.on('socket', (socket) => {
    if (!socket.connecting) connected = true;
    else socket.once('connect', () => { connected = true; });
  });
  request.on('response', (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('aborted', () => fail('reset', 'connection closed during the response'));
    res.on('error', (e) => fail('reset', e.code || e.message));
    res.on('end', () => {
      if (!res.complete) return fail('reset', 'connection closed during the response');
      finish({
        response: { status: res.statusCode, headers: flattenHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8') },
      });
    });
  });
  request.on('error', (e) => {
    // A refused certificate means TLS stopped before any request byte was sent.
    if (CERT_ERROR.test(String(e.code || '')) || CERT_ERROR.test(String(e.message || ''))) return fail('cert', e.code || e.message);
    fail(connected ? 'reset' : 'connect', e.code || e.message);
  });
  request.end(req.body);
}

port.on('message', (message) => {
  perform(message.req, (outcome) => {
    port.postMessage({ id: message.id, outcome });
    const signal = new Int32Array(message.signal);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
