/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */

import * as crypto from 'N/crypto';
import * as encode from 'N/encode';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import * as task from 'N/task';
import type { EntryPoints } from 'N/types';
import { verifyDelivery } from '../core/webhooks/verify-delivery';
import { SCRIPTS } from '../ids';

const DEFAULT_SECRET = 'custsecret_scend_webhook';
/** A run already queued or running will read the feed anyway. */
const ALREADY_QUEUED = ['MAP_REDUCE_ALREADY_RUNNING', 'FAILED_TO_SUBMIT_JOB_REQUEST_1', 'NO_DEPLOYMENTS_AVAILABLE'];

const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const k of Object.keys(headers ?? {})) if (k.toLowerCase() === wanted) return (headers as Record<string, string>)[k];
  return undefined;
}

function hmacHex(secretId: string): (body: string) => string {
  return (body) => {
    const key = crypto.createSecretKey({ secret: secretId, encoding: encode.Encoding.UTF_8 });
    const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
    hmac.update({ input: body, inputEncoding: encode.Encoding.UTF_8 });
    return hmac.digest({ outputEncoding: encode.Encoding.HEX });
  };
}

/**
 * NetSuite Suitelets cannot choose their HTTP status, so every answer is 200 with a JSON verdict;
 * a refused delivery is never acted on. Only POST is accepted.
 */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const reply = (value: Record<string, unknown>) => {
    context.response.setHeader({ name: 'Content-Type', value: 'application/json' });
    context.response.write({ output: JSON.stringify(value) });
  };
  if (context.request.method !== 'POST') return reply({ accepted: false, reason: 'method' });
  const secretId = String(runtime.getCurrentScript().getParameter({ name: SCRIPTS.webhook.params.secretId }) || DEFAULT_SECRET);
  const verdict = verifyDelivery(header(context.request.headers, 'X-Scend-Signature'), context.request.body ?? '', hmacHex(secretId), new Date());
  if (!verdict.ok) {
    log.audit({ title: 'Scend webhook refused', details: verdict.reason });
    return reply({ accepted: false, reason: verdict.reason });
  }
  if (!verdict.queue) return reply({ accepted: true, queued: false, event: verdict.event });
  const script = SCRIPTS[verdict.queue];
  let queued = 'queued';
  try {
    task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: script.id, deploymentId: script.deployments.main }).submit();
  } catch (e) {
    if (ALREADY_QUEUED.indexOf(errorName(e)) < 0) throw e;
    queued = 'already-queued';
  }
  log.audit({ title: `Scend webhook ${verdict.deliveryId}`, details: `${verdict.event}: ${queued}` });
  return reply({ accepted: true, queued, event: verdict.event });
}
