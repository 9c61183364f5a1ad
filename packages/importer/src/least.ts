/**
 * The least of many numbers (`Infinity` for none, as `Math.min()` gives). `Math.min(...values)` passes
 * each value as an argument, and a long document's lines or rows overflow the call stack.
 */
export function least(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
}
