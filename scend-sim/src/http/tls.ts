/**
 * A throwaway self-signed certificate for 127.0.0.1, so the simulator can serve HTTPS the way
 * real Scend does (NetSuite's N/https speaks nothing else). Made with the openssl CLI at start;
 * the key never leaves the temp folder and the process.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TlsMaterial {
  key: string;
  cert: string;
}

export function selfSignedLoopbackCert(): TlsMaterial {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scend-sim-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile],
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
