/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import { clearConfigCache } from '../netsuite/config-repository';
import { clearRoutingCache } from '../netsuite/exceptions/routing-repository';

/**
 * Saving or deleting a configuration, warehouse mapping, courier mapping or exception routing record
 * drops the cached configuration and routing, so the next script uses the change at once instead of
 * up to five minutes later.
 */
export function afterSubmit(_context: EntryPoints.UserEvent.afterSubmitContext): void {
  clearConfigCache();
  clearRoutingCache();
}
