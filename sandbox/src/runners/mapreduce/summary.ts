/** NetSuite's iterator shape: `x.iterator().each(fn)` calls fn until it returns something other than true. */
export function iterable<A extends unknown[]>(rows: A[]) {
  return {
    iterator: () => ({
      each(fn: (...args: A) => unknown): void {
        for (const row of rows) if (fn(...row) !== true) break;
      },
    }),
  };
}
