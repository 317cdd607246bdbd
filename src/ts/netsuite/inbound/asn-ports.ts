/** The real adapters behind the ASN handoff: the sync ledger (kind asn), exceptions, the Scend client. */
import type { ConnectorConfig } from '../../core/config';
import { ASN_LEDGER_KIND } from '../../core/inbound/inbound-doc';
import type { AsnPorts } from '../../core/inbound/send-asn';
import { ExceptionRepository } from '../exceptions/exception-repository';
import { LedgerRepository } from '../orders/ledger-repository';
import { scendClientFor } from '../orders/order-ports';

export function asnPorts(config: ConnectorConfig): AsnPorts {
  return { ledger: new LedgerRepository(ASN_LEDGER_KIND), exceptions: new ExceptionRepository(), scend: scendClientFor(config) };
}
