/** Reading a map/reduce summary: which keys finally failed, and which completed. */
import type { EntryPoints } from 'N/types';

type Stage = EntryPoints.MapReduce.summarizeContext['mapSummary'];

/** Keys whose last execution failed, with their last error (keys that failed then completed are not). */
export function failedKeys(stage: Stage): Array<{ key: string; error: string }> {
  const lastError = new Map<string, string>();
  stage.errors.iterator().each((key, error) => {
    lastError.set(key, error);
    return true;
  });
  const failed: Array<{ key: string; error: string }> = [];
  stage.keys.iterator().each((key, _executionCount, completionState) => {
    if (completionState === 'FAILED') failed.push({ key, error: lastError.get(key) ?? 'failed' });
    return true;
  });
  return failed;
}

/** Keys that completed in this run. */
export function completedKeys(stage: Stage): string[] {
  const done: string[] = [];
  stage.keys.iterator().each((key, _executionCount, completionState) => {
    if (completionState === 'COMPLETE') done.push(key);
    return true;
  });
  return done;
}
