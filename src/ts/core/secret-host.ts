/**
 * The base URL's host must be one the API secret may be sent to. A script cannot read a secret's
 * allowed domains, and NetSuite refuses to send it anywhere else, so the check is where NetSuite
 * enforces it: a refused call raises one configuration exception for the integration admin
 * ("the base URL's host is not allowed for the API secret"), not a connection failure per order.
 * The call itself still fails (retryable: nothing was sent), so the order waits in the queue.
 */
import { dedupeKey, type ExceptionDraft } from './exceptions/exception';
import { hostOf } from './config-report';
import type { ExceptionSink, ScendOrders } from './orders/ports';
import { isSecretHostRefusal } from '../scend/errors';

export const SECRET_HOST_KEY = dedupeKey('configuration', 'connector', 'secret-host');

export function secretHostException(baseUrl: string, secretId: string): ExceptionDraft {
  const host = hostOf(baseUrl);
  return {
    type: 'configuration',
    owner: 'admin',
    dedupeKey: SECRET_HOST_KEY,
    message:
      `The connector refused to call Scend: the base URL's host ${host} is not allowed for the API secret ${secretId}, so NetSuite will not send the key there. ` +
      `If ${host} is Scend, add it to the secret's allowed domains (Setup > Company > API Secrets); if not, correct the base URL in the Scend configuration record. ` +
      'Nothing was sent; queued orders go out on the next backlog run once fixed. Resolve this exception then.',
    details: JSON.stringify({ host, secretId }),
  };
}

/** Wraps the Scend order operations so a refused secret host reaches the admin as a configuration exception. */
export function guardSecretHost(scend: ScendOrders, exceptions: ExceptionSink, config: { baseUrl: string; secretId: string }, clock: () => Date): ScendOrders {
  const guard = <A extends unknown[], R>(call: (...args: A) => R) => (...args: A): R => {
    try {
      return call(...args);
    } catch (e) {
      if (isSecretHostRefusal(e)) exceptions.raise(secretHostException(config.baseUrl, config.secretId), clock());
      throw e;
    }
  };
  return {
    createOrder: guard((body) => scend.createOrder(body)),
    findOrdersByClientReference: guard((ref) => scend.findOrdersByClientReference(ref)),
    getOrder: guard((id) => scend.getOrder(id)),
    cancelOrder: guard((id) => scend.cancelOrder(id)),
    amendOrder: guard((id, body) => scend.amendOrder(id, body)),
  };
}
