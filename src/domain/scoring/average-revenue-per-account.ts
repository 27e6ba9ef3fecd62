import { roundMinor } from './round-minor.ts';

/** The account status values of schema.prisma. */
export type AccountStatus = 'trialing' | 'active' | 'past_due' | 'churned';

/**
 * ARPA = total MRR of paying accounts ÷ their count, rounded half away from zero; null when none pays.
 * Paying means active or past due with MRR above 0: a churned account keeps its last MRR and a trial or
 * free account brings 0, and either would pull the average away from what a paying account brings now.
 * Amounts must share one currency.
 */
export function averageRevenuePerAccount(
  accounts: readonly { mrrMinor: number; status: AccountStatus }[],
): number | null {
  const paying = accounts.filter(
    (account) => (account.status === 'active' || account.status === 'past_due') && account.mrrMinor > 0,
  );
  if (paying.length === 0) return null;

  const totalMinor = paying.reduce((sum, account) => sum + account.mrrMinor, 0);
  return roundMinor(totalMinor / paying.length);
}
