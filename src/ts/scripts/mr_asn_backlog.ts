/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import { logBacklogSummary } from '../netsuite/mapreduce/backlog-summary';
import { handoffAsn } from '../core/inbound/send-asn';
import { loadConfig } from '../netsuite/config-repository';
import { configForRun } from '../netsuite/configured';
import { asnPorts } from '../netsuite/inbound/asn-ports';
import { inboundTypeOfId, openAsnWork, unqueuedInboundDocs, type AsnWork } from '../netsuite/inbound/asn-backlog-source';
import { loadInboundDoc, readInboundItems } from '../netsuite/inbound/inbound-doc-reader';

/** One key per document: ASNs due for a retry or re-check, approved documents never queued. */
export function getInputData(): Record<string, AsnWork> {
  const now = new Date();
  const config = configForRun(now);
  if (!config) return {};
  const input: Record<string, AsnWork> = {};
  for (const w of openAsnWork(now)) input[w.docId] = w;
  for (const w of unqueuedInboundDocs(Object.keys(config.locations))) input[w.docId] = w;
  return input;
}

/** Works one document; idempotent: the ledger decides (a resend after an unknown outcome gets DUPLICATE_ASN, linked). */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  const work = JSON.parse(context.value) as AsnWork;
  const type = work.type ?? inboundTypeOfId(work.docId);
  if (!type) return;
  const config = loadConfig();
  const doc = loadInboundDoc(type, work.docId);
  const outcome = handoffAsn({ doc, items: readInboundItems(doc), config, now: new Date(), actor: 'backlog' }, asnPorts(config));
  context.write({ key: outcome.kind, value: work.docId });
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  context.write({ key: context.key, value: String(context.values.length) });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  logBacklogSummary(summary, 'ASN backlog', 'document');
}
