/** An RFM score: 5 is the best fifth of the population, 1 the worst. */
export type QuintileScore = 1 | 2 | 3 | 4 | 5;

/** Which way a metric improves: recency improves as days fall, frequency and monetary as they rise. */
export type Better = 'higher' | 'lower';

/**
 * Scores each value 1–5 by its quintile in `values`, returned in input order.
 *
 * The rule: a value's mid-percentile p = (accounts strictly worse + half the accounts equal to it) ÷ n,
 * where n counts known values only; the score is floor(5p) + 1, so p in [0, 0.2) scores 1 and p in
 * [0.8, 1) scores 5. It follows that
 * - equal values always score the same: they share one p (the average rank of the tie);
 * - all values equal, or a single account, score 3: with no spread the middle claims least;
 * - fewer than 5 accounts spread symmetrically: two score 2 and 4, three score 1, 3 and 5;
 * - a missing value (null or not finite) is left out of n and scores 1: an account that cannot show a
 *   recent payment, or any, is treated as weakest on that axis rather than guessed into the middle.
 */
export function scoreByQuintile(values: readonly (number | null)[], better: Better): QuintileScore[] {
  const known = values.filter(isKnown).sort((a, b) => (better === 'higher' ? a - b : b - a));
  const n = known.length;

  return values.map((value) => {
    if (!isKnown(value)) return 1;
    const worse = countWorse(known, value, better);
    const equal = countWorse(known, value, better, true) - worse;
    // Integer arithmetic: floor(5 × (worse + equal / 2) / n) without floating-point edges at 0.2, 0.4, …
    const score = Math.floor((10 * worse + 5 * equal) / (2 * n)) + 1;
    return Math.min(score, 5) as QuintileScore;
  });
}

function isKnown(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

// `known` is sorted worst first; binary search for the first index not worse than (or, inclusive, not
// worse-or-equal to) `value`, keeping 7,000 accounts at n log n.
function countWorse(known: readonly number[], value: number, better: Better, inclusive = false): number {
  const isBefore = (other: number) => {
    if (inclusive && other === value) return true;
    return better === 'higher' ? other < value : other > value;
  };
  let low = 0;
  let high = known.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(known[middle] as number)) low = middle + 1;
    else high = middle;
  }
  return low;
}
