/** The real adapters behind the order use cases' ports, built once per script invocation. */
import * as runtime from 'N/runtime';
import type { ConnectorConfig } from '../../core/config';
import type { OrderPorts } from '../../core/orders/ports';
import { ScendClient } from '../../scend/client';
import { guardSecretHost } from '../../core/secret-host';
import { ExceptionRepository } from '../exceptions/exception-repository';
import { apiKeyFromSecret, NetSuiteHttpsTransport } from '../https-transport';
import { LedgerRepository } from './ledger-repository';
import { LedgerReferenceLookup } from './reference-holders';

/** Units kept back after the last Scend call, for the ledger update that records its outcome. */
const RESERVE_UNITS = 20;

export function scendClientFor(config: ConnectorConfig): ScendClient {
  return new ScendClient({
    baseUrl: config.baseUrl,
    apiKeyHeader: apiKeyFromSecret(config.secretId),
    transport: new NetSuiteHttpsTransport(),
    budget: { remainingUsage: () => runtime.getCurrentScript().getRemainingUsage() },
    reserveUnits: RESERVE_UNITS,
  });
}

/** Scend calls refused because the base URL's host is not allowed for the API secret raise a configuration exception. */
export function orderPorts(config: ConnectorConfig): OrderPorts & { exceptions: ExceptionRepository } {
  const exceptions = new ExceptionRepository();
  return {
    ledger: new LedgerRepository('order'),
    exceptions,
    scend: guardSecretHost(scendClientFor(config), exceptions, config, () => new Date()),
    references: new LedgerReferenceLookup(),
  };
}
