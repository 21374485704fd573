// Binary search over things kept in text order.

/** How many of the first n items satisfy `before`, which holds for a leading run of them and for none after. */
export function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
