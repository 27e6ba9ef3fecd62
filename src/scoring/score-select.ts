import { minorFromBigInt } from '../db/big-minor.ts';
import type { Money } from '../domain/money.ts';

/** The scores a list line, a digest line or the account card show; include it as an account's `score`. */
export const scoreSelect = { select: { clvMinor: true, rfmSegment: true, paretoPriority: true } } as const;

export interface ShownScore {
  clvMinor: bigint | null;
  rfmSegment: string;
}

/** The account's CLV in its own currency; null until it is scored. */
export function clvOf(account: { currency: string; score: { clvMinor: bigint | null } | null }): Money | null {
  const minor = minorFromBigInt(account.score?.clvMinor ?? null);
  return minor === null ? null : { minor, currency: account.currency };
}
