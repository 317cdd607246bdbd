/**
 * A purchase order or transfer order as the ASN handoff sees it: the receiving location, the
 * document number (the ASN's ClientReference) and its lines. Read by netsuite/inbound/doc-reader.ts.
 */
export type InboundType = 'purchaseorder' | 'transferorder';

export interface InboundLine {
  /** The line's id on the document (`line`): the ASN's LineRef, the receipt's `orderline`. */
  line: string;
  itemId: string;
  /** NetSuite's line item type code (InvtPart, Assembly, NonInvtPart, ...). */
  itemType: string;
  quantity: number;
  /** A purchase order line's own location (receiving location), if set. */
  location?: string;
  isClosed: boolean;
}

export interface InboundDoc {
  id: string;
  type: InboundType;
  /** Document number (tranid): the ASN's ClientReference. */
  tranId: string;
  /** Status code (orderstatus): A pending approval, B approved ... */
  status: string;
  /** Where the goods arrive: the purchase order's location, the transfer order's `transferlocation`. */
  location?: string;
  /** Vendor name, or the transfer order's source location name. */
  supplier?: string;
  /** Expected receipt date (ISO), if any. */
  expectedAt?: string;
  lines: InboundLine[];
}

/** Statuses in which a document can still be received: an ASN for it is due. */
const OPEN: Record<InboundType, readonly string[]> = {
  purchaseorder: ['B', 'D', 'E'],
  transferorder: ['B', 'D', 'E', 'F'],
};

export const isApprovedForAsn = (doc: Pick<InboundDoc, 'type' | 'status'>): boolean => OPEN[doc.type].indexOf(doc.status) >= 0;

export const ASN_LEDGER_KIND = 'asn';
export const asnLedgerKey = (docId: string): string => `asn:${docId}`;
