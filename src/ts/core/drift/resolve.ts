/**
 * Auto-resolve: an open drift exception whose subject was checked this run and found aligned, or
 * that left open work (fulfilled, closed), is resolved. A subject the run could not check (Scend
 * error, failed key) keeps its exception: not knowing is not aligned.
 */
export function driftKeysToResolve(openKeys: readonly string[], raisedThisRun: ReadonlySet<string>, uncheckedSubjects: ReadonlySet<string>, subjectOf: (key: string) => string): string[] {
  return openKeys.filter((k) => !raisedThisRun.has(k) && !uncheckedSubjects.has(subjectOf(k)));
}

/** `<type>:<subject>:<id>` → `<subject>:<id>`. */
export const subjectOfKey = (key: string): string => key.split(':').slice(1).join(':');
