/** Chart geometry: pure numbers, so tests can check where a bar lands without a browser. */

/** A "nice" upper bound for an axis (1, 2, 5 × 10^n), at least 1, so ticks read as round numbers. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Evenly spaced ticks from 0 to niceMax(max), `count` intervals. */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push(Math.round(((top * i) / count) * 100) / 100);
  return out;
}

const round = (n: number): number => Math.round(n * 10) / 10;
export { round as roundPx };
