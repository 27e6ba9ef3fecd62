import { WinbackError } from '../../errors.ts';

/** The default share of total lost value the priority accounts must carry: the 80 of "80/20". */
export const DEFAULT_PARETO_SHARE = 0.8;

export interface ParetoRank {
  id: string;
  lostValueMinor: number;
  /** 1 for the account with the most lost value. */
  rank: number;
  /** Lost value of this account and every one ranked above it, ÷ the total; 0 when the total is 0. */
  cumulativeShare: number;
  /** True for the smallest prefix of the ranking that carries at least `share` of the total. */
  priority: boolean;
}

/**
 * Ranks churned accounts by lost value, most first, equal values by id (code-unit order, not locale, so
 * the order never depends on the machine), and flags the smallest prefix carrying ≥ `share` of the total.
 *
 * Options: `share` from above 0 to 1 (default 0.8). Edges: no accounts → []; a total of 0 → nothing
 * flagged, since no prefix is needed to carry nothing; share 1 → every account up to the last with lost
 * value above 0. Two equal values straddling the cut are split by id: the rule is "smallest prefix".
 */
export function rankByLostValue(
  accounts: readonly { id: string; lostValueMinor: number }[],
  options: { share?: number } = {},
): ParetoRank[] {
  const share = options.share ?? DEFAULT_PARETO_SHARE;
  assertInputs(accounts, share);

  const ranked = [...accounts].sort(
    (a, b) => b.lostValueMinor - a.lostValueMinor || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const total = ranked.reduce((sum, account) => sum + account.lostValueMinor, 0);

  let cumulative = 0;
  let reached = total === 0;
  return ranked.map((account, index) => {
    // An account is flagged while the prefix before it still falls short of the share.
    const priority = !reached;
    cumulative += account.lostValueMinor;
    const cumulativeShare = total === 0 ? 0 : cumulative / total;
    // Compare the ratio, not cumulative against share × total: 0.7 × 10 is 7.000000000000001 in floating point.
    if (cumulativeShare >= share) reached = true;
    return { id: account.id, lostValueMinor: account.lostValueMinor, rank: index + 1, cumulativeShare, priority };
  });
}

function assertInputs(accounts: readonly { id: string; lostValueMinor: number }[], share: number): void {
  if (!(share > 0 && share <= 1)) {
    throw new WinbackError(
      'pareto_share_invalid',
      `rankByLostValue: share must be above 0 and at most 1, got ${share}`,
    );
  }
  const bad = accounts.find((account) => !Number.isFinite(account.lostValueMinor) || account.lostValueMinor < 0);
  if (bad) {
    throw new WinbackError(
      'pareto_value_invalid',
      `rankByLostValue: lost value must be 0 or more, got ${bad.lostValueMinor} for account ${bad.id}`,
    );
  }
}
