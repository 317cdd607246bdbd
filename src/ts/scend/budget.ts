/**
 * Governance. SuiteScript cannot sleep and every https.request costs 10 units, so the client
 * checks the caller's remaining usage before each call instead of finding out from
 * SSS_USAGE_LIMIT_EXCEEDED half-way through a batch.
 */

/** In NetSuite: `{ remainingUsage: () => runtime.getCurrentScript().getRemainingUsage() }`. */
export interface GovernanceBudget {
  remainingUsage(): number;
}

/** Units NetSuite charges for one `https.request`. */
export const HTTPS_REQUEST_UNITS = 10;

/** A budget that never runs out (tools and tests that do not exercise governance). */
export const UNLIMITED_BUDGET: GovernanceBudget = { remainingUsage: () => Number.POSITIVE_INFINITY };
