/**
 * The real adapters behind the item-master use cases: the Scend client over N/https (API key from
 * the configured API secret, governance from N/runtime), item flags by submitFields, and the shared
 * exception repository.
 */
import * as runtime from 'N/runtime';
import type { ConnectorConfig } from '../../core/config';
import type { ExceptionLog, ItemMasterPorts } from '../../core/items/ports';
import { ScendClient } from '../../scend/client';
import { loadConfig } from '../config-repository';
import { ExceptionRepository } from '../exceptions/exception-repository';
import { apiKeyFromSecret, NetSuiteHttpsTransport } from '../https-transport';
import { itemFlagWriter } from './item-flags';

/** Units kept back after the last Scend call for the flag and exception writes that follow it. */
const RESERVE_UNITS = 40;

export function scendClientFor(config: ConnectorConfig, reserveUnits = RESERVE_UNITS): ScendClient {
  return new ScendClient({
    baseUrl: config.baseUrl,
    apiKeyHeader: apiKeyFromSecret(config.secretId),
    transport: new NetSuiteHttpsTransport(),
    budget: { remainingUsage: () => runtime.getCurrentScript().getRemainingUsage() },
    reserveUnits,
  });
}

export function exceptionLog(repository: ExceptionRepository, now: Date): ExceptionLog {
  return {
    raise: (draft) => void repository.raise(draft, now),
    resolve: (key) => void repository.resolve(key, now),
  };
}

export interface LiveItemMaster {
  ports: ItemMasterPorts;
  scend: ScendClient;
  exceptions: ExceptionRepository;
}

export function liveItemMaster(now: Date, config: ConnectorConfig = loadConfig()): LiveItemMaster {
  const scend = scendClientFor(config);
  const exceptions = new ExceptionRepository();
  return { ports: { scend, flags: itemFlagWriter, exceptions: exceptionLog(exceptions, now) }, scend, exceptions };
}
