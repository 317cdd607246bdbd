/**
 * An unusable configuration is the integration admin's problem, not the user's who saved a record:
 * scripts raise this one deduplicated exception and skip their Scend work; the backlog sends what
 * waited, and resolves the exception, once the configuration is fixed.
 */
import type { ConfigProblem } from './config';
import { dedupeKey, type ExceptionDraft } from './exceptions/exception';

export const CONFIGURATION_KEY = dedupeKey('configuration', 'connector', 'config');

export function configurationException(problems: readonly ConfigProblem[]): ExceptionDraft {
  return {
    type: 'configuration',
    owner: 'admin',
    dedupeKey: CONFIGURATION_KEY,
    message:
      `The Scend connector is not configured, so nothing is being sent to Scend (${problems.length} problem(s): ` +
      `${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}). ` +
      'Open the "Scend: configuration check" page, fix what it lists, and press Re-check. Approved orders wait and are sent by the next backlog run.',
  };
}
