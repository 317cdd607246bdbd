import type { ServerResponse } from 'node:http';
import { ScendApiError, SimControlError, type SimErrorCode } from '../engine/errors';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, body === undefined ? '' : JSON.stringify(body), headers);
}

export function sendRaw(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function errorBody(code: SimErrorCode, message: string, details?: unknown[]) {
  return details === undefined ? { Code: code, Message: message } : { Code: code, Message: message, Details: details };
}

/** The contract's code for a status a fault rule forces. */
export function codeForStatus(status: number): SimErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

const CONTROL_STATUS: Record<SimControlError['code'], number> = {
  NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID: 400,
  UNKNOWN_SKU: 422,
};

/** Map a thrown error to a response; anything unexpected is a simulator bug (500, and said so on stderr). */
export function errorResult(error: unknown): { status: number; body: unknown } {
  if (error instanceof ScendApiError) return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  if (error instanceof SimControlError) return { status: CONTROL_STATUS[error.code], body: { Code: error.code, Message: error.message } };
  console.error('[scend-sim] unexpected error', error);
  return { status: 500, body: errorBody('INTERNAL', `simulator bug: ${(error as Error)?.message ?? String(error)}`) };
}

/** An error answer in the shape a fault asks for: the contract's JSON, an HTML page from a proxy, or JSON cut short. */
export function sendErrorShaped(res: ServerResponse, status: number, body: unknown, shape: 'json' | 'html' | 'truncated' = 'json', headers: Record<string, string> = {}): void {
  if (shape === 'html') {
    const html = `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status}</h1><p>The upstream server returned an error.</p></body></html>`;
    return sendRaw(res, status, html, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  }
  if (shape === 'truncated') {
    const text = JSON.stringify(body);
    return sendRaw(res, status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers);
  }
  sendJson(res, status, body, headers);
}
