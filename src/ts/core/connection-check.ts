/**
 * The configuration check page's live test: one cheap read from Scend with the configured base
 * URL and API secret, and what its failure means for the admin. It is the one place a wrong
 * secret host can be seen before an order is sent (a script cannot read a secret's allowed domains).
 */
import { hostOf, secretDomainHint } from './config-report';
import { isScendError, isSecretHostRefusal, UnauthorizedError, TransportFailedError } from '../scend/errors';

/** `untested`: the probe failed for a reason that is not Scend's answer (the page still renders, and says so). */
export type ConnectionCheck = { ok: true; message: string } | { ok: false; untested?: boolean; message: string };

export function checkConnection(probe: () => void, config: { baseUrl: string; secretId: string }): ConnectionCheck {
  try {
    probe();
    return { ok: true, message: `Scend at ${hostOf(config.baseUrl)} answered and accepted the API key.` };
  } catch (e) {
    if (isSecretHostRefusal(e)) {
      return { ok: false, message: `NetSuite refused to send the API key to ${hostOf(config.baseUrl)}: the base URL's host is not allowed for the API secret. ${secretDomainHint(config.baseUrl, config.secretId)}` };
    }
    if (e instanceof UnauthorizedError) return { ok: false, message: `Scend refused the API key in ${config.secretId} (401): update the secret's value.` };
    if (e instanceof TransportFailedError) return { ok: false, message: `Scend could not be reached at ${config.baseUrl} (${e.code}): check the base URL and Scend's status.` };
    if (isScendError(e)) return { ok: false, message: `Scend answered with an error (${e.code}): ${e.message}` };
    const name = e instanceof Error ? e.name : 'error';
    return { ok: false, untested: true, message: `The connection to Scend could not be tested (${name}); try Re-check.` };
  }
}
