/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import { clearConfigCache } from '../netsuite/config-repository';

/**
 * Saving or deleting a configuration, warehouse mapping or courier mapping record drops the cached
 * configuration, so the next script uses the change at once instead of up to five minutes later.
 */
export function afterSubmit(_context: EntryPoints.UserEvent.afterSubmitContext): void {
  clearConfigCache();
}
