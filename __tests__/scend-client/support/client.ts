/** Builds a ScendClient over real HTTP (NodeSyncTransport) for the tests. */
import { randomBytes } from 'node:crypto';
import { NodeSyncTransport } from '../../../sandbox/src/sync-http';
import { UNLIMITED_BUDGET, type GovernanceBudget } from '../../../src/ts/scend/budget';
import { ScendClient } from '../../../src/ts/scend/client';

/** A fresh random key per run: tests must never depend on a real one. */
export const newTestKey = (): string => `test-key-${randomBytes(12).toString('hex')}`;

export interface TestClientOptions {
  apiKey?: string;
  budget?: GovernanceBudget;
  reserveUnits?: number;
  timeoutMs?: number;
}

export function testClient(baseUrl: string, options: TestClientOptions = {}): ScendClient {
  return new ScendClient({
    baseUrl,
    apiKeyHeader: options.apiKey ?? newTestKey(),
    transport: new NodeSyncTransport({ timeoutMs: options.timeoutMs ?? 5_000, connectTimeoutMs: 2_000 }),
    budget: options.budget ?? UNLIMITED_BUDGET,
    reserveUnits: options.reserveUnits,
  });
}

/** A budget that NetSuite would report after each call charged 10 units (the client only reads it). */
export function meteredBudget(limit: number, client: () => ScendClient | undefined): GovernanceBudget {
  return { remainingUsage: () => limit - 10 * (client()?.callsMade ?? 0) };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}
