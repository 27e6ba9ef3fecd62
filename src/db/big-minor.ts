/**
 * A BIGINT money column as the number the domain computes with: exact below 2^53 minor units, which no
 * lifetime value comes near. Scores and offers keep such values in BIGINT because a large account in a
 * currency without minor units (KRW, JPY) passes 2^31 quickly.
 */
export function minorFromBigInt(value: bigint): number;
export function minorFromBigInt(value: bigint | null): number | null;
export function minorFromBigInt(value: bigint | null): number | null {
  return value === null ? null : Number(value);
}
