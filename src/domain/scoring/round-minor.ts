/**
 * Rounds an amount in minor units to a whole minor unit, halves away from zero (2.5 → 3, −2.5 → −3).
 * Scoring rounds once, at the end of each amount it reports, so shown inputs add up to the shown total.
 */
export function roundMinor(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount));
}
