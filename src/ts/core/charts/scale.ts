/** Chart geometry: pure numbers, so tests can check where a bar lands without a browser. */

/** A "nice" upper bound for an axis (1, 2, 5 × 10^n), at least 1, so ticks read as round numbers. */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1; // counts: an axis below 1 would draw fractions of a thing
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Ticks from 0 to niceMax(max): at most `count` intervals, whole numbers only (the charts count things). */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  const step = Math.max(1, Math.ceil(top / count));
  const out: number[] = [];
  for (let t = 0; t < top; t += step) out.push(t);
  out.push(top);
  return out;
}

const round = (n: number): number => Math.round(n * 10) / 10;
export { round as roundPx };
