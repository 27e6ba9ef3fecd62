export interface ProportionTest {
  /** Rate of each group, successes / trials. */
  rateA: number;
  rateB: number;
  /** (rateB − rateA) over the pooled standard error; 0 when it cannot be computed. */
  z: number;
  /** Two-sided p-value; 1 when there is nothing to compare. */
  pValue: number;
}

// Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, plenty for a p-value shown to three decimals.
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/**
 * Pooled two-proportion z-test: are `successesA / trialsA` and `successesB / trialsB` different?
 * With no trials in a group, or a pooled rate of 0 or 1, there is no evidence either way: z 0, p 1.
 */
export function twoProportionTest(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
): ProportionTest {
  const rateA = trialsA > 0 ? successesA / trialsA : 0;
  const rateB = trialsB > 0 ? successesB / trialsB : 0;
  if (trialsA === 0 || trialsB === 0) return { rateA, rateB, z: 0, pValue: 1 };

  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
  if (standardError === 0) return { rateA, rateB, z: 0, pValue: 1 };

  const z = (rateB - rateA) / standardError;
  return { rateA, rateB, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}
