/**
 * The config for scripts that must never fail a user's save over a connector problem: when the
 * configuration is unusable they get null, and the admin gets one deduplicated exception.
 */
import * as log from 'N/log';
import type { ConnectorConfig } from '../core/config';
import { CONFIGURATION_KEY, configurationException } from '../core/config-exception';
import { checkConfig } from './config-repository';
import { ExceptionRepository } from './exceptions/exception-repository';

export function configOrRaise(now: Date): ConnectorConfig | null {
  const result = checkConfig();
  if (result.ok) return result.config;
  new ExceptionRepository().raise(configurationException(result.problems), now);
  log.error({ title: 'Scend connector is not configured', details: result.problems });
  return null;
}

/** For scheduled work: the config, and the configuration exception resolved once it is usable again. */
export function configForRun(now: Date): ConnectorConfig | null {
  const config = configOrRaise(now);
  if (config) new ExceptionRepository().resolve(CONFIGURATION_KEY, now);
  return config;
}
