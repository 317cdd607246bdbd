/**
 * What an approved purchase/transfer order means for Scend: nothing (not received at a Scend
 * location, not approved, nothing physical), an ASN to send, or a block (an item Scend does not
 * know under its NetSuite SKU) with an exception for operations.
 */
import type { AsnCreate, AsnLine } from '../../scend/contract';
import type { ConnectorConfig } from '../config';
import type { ExceptionDraft } from '../exceptions/exception';
import { isPhysicalType, skuProblem, type ItemCatalogue } from '../orders/items';
import { isApprovedForAsn, type InboundDoc } from './inbound-doc';
import { asnProblemException } from './inbound-exceptions';

export type AsnPlan =
  | { kind: 'not-ours'; reason: string }
  | { kind: 'send'; warehouse: string; body: AsnCreate }
  | { kind: 'blocked'; exceptions: ExceptionDraft[] };

/** Scend's limit on ASN lines (docs/scend-openapi.yaml AsnCreate.Lines.maxItems). */
export const MAX_ASN_LINES = 500;

export function planAsn(doc: InboundDoc, items: ItemCatalogue, config: Pick<ConnectorConfig, 'locations'>): AsnPlan {
  if (!isApprovedForAsn(doc)) return { kind: 'not-ours', reason: `status ${doc.status}` };
  const warehouse = doc.location ? config.locations[doc.location] : undefined;
  if (!warehouse) return { kind: 'not-ours', reason: 'not received at a Scend location' };
  const lines: AsnLine[] = [];
  const problems: string[] = [];
  for (const l of doc.lines) {
    if (l.isClosed || l.quantity <= 0) continue;
    // A purchase order line received elsewhere is not this warehouse's delivery.
    if (doc.type === 'purchaseorder' && l.location && l.location !== doc.location) continue;
    const item = items.get(l.itemId);
    if (!item || !isPhysicalType(item.type)) continue;
    const problem = skuProblem(item);
    if (problem) {
      problems.push(problem.kind === 'unmapped' ? `${item.name}: not in Scend's item master yet` : `${item.name}: Scend knows it as ${problem.scendSku}`);
      continue;
    }
    lines.push({ LineRef: l.line, Sku: item.scendSku as string, QuantityExpected: Math.round(l.quantity) });
  }
  if (problems.length) return { kind: 'blocked', exceptions: [asnProblemException(doc, `items Scend cannot receive: ${problems.join('; ')}`, 'Save each item (its user event sends it to Scend) or run the catalogue check; the ASN is sent on the next backlog run.')] };
  if (lines.length === 0) return { kind: 'not-ours', reason: 'nothing physical to receive' };
  if (lines.length > MAX_ASN_LINES) return { kind: 'blocked', exceptions: [asnProblemException(doc, `${lines.length} lines, Scend takes at most ${MAX_ASN_LINES} per ASN`, 'Split the document.')] };
  return {
    kind: 'send',
    warehouse,
    body: {
      ClientReference: doc.tranId,
      Warehouse: warehouse,
      ...(doc.supplier ? { Supplier: doc.supplier } : {}),
      ...(doc.expectedAt ? { ExpectedAt: doc.expectedAt } : {}),
      Lines: lines,
    },
  };
}
