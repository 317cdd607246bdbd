/**
 * Map/reduce data limits (NetSuite Help: "SuiteScript Governance and Limits" — keys over 3,000
 * characters throw KEY_LENGTH_IS_OVER_3000_BYTES, values over 10 MB throw VALUE_LENGTH_IS_OVER_10_MB;
 * "Map/Reduce Governance", Hard Limits on Total Persisted Data — more than 200 MB of keys and values
 * waiting to be processed throws PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED).
 */
import { SuiteScriptError } from '../../kernel/errors';
import type { Pair } from './input';

export const MAX_KEY_CHARS = 3000;
export const MAX_VALUE_BYTES = 10 * 1024 * 1024;
export const MAX_PERSISTED_BYTES = 200 * 1024 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function checkPair(p: Pair): number {
  if (p.key.length > MAX_KEY_CHARS) throw new SuiteScriptError('KEY_LENGTH_IS_OVER_3000_BYTES', `A map/reduce key may have at most ${MAX_KEY_CHARS} characters; this one has ${p.key.length} (${p.key.slice(0, 40)}...).`);
  const size = bytes(p.value);
  if (size > MAX_VALUE_BYTES) throw new SuiteScriptError('VALUE_LENGTH_IS_OVER_10_MB', `A map/reduce value may be at most 10 MB; the value for key ${p.key.slice(0, 40)} is ${size} bytes.`);
  return bytes(p.key) + size;
}

function persistedLimit(total: number): never {
  throw new SuiteScriptError('PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED', `A map/reduce script may hold at most 200 MB of keys and values waiting to be processed; this one reached ${total} bytes.`);
}

/** getInputData's pairs: each within the key/value limits, all together within 200 MB. */
export function checkInputPairs(pairs: Pair[]): Pair[] {
  let total = 0;
  for (const p of pairs) {
    total += checkPair(p);
    if (total > MAX_PERSISTED_BYTES) persistedLimit(total);
  }
  return pairs;
}

/**
 * Bytes written so far by each stage of each job. During the map stage nothing written has been
 * processed yet, so the stage's writes alone are a lower bound of what is persisted: passing
 * 200 MB with them is certainly over NetSuite's limit.
 */
const written = new WeakMap<object, Map<string, number>>();

/** One context.write: within the key/value limits, and the job's data within 200 MB. */
export function checkWrite(job: object, stage: string, pair: Pair): Pair {
  const size = checkPair(pair);
  const perStage = written.get(job) ?? new Map<string, number>();
  written.set(job, perStage);
  const total = (perStage.get(stage) ?? 0) + size;
  perStage.set(stage, total);
  if (stage === 'map' && total > MAX_PERSISTED_BYTES) persistedLimit(total);
  return pair;
}
