import type { PrismaClient } from '../db/prisma.ts';

/**
 * A note for the command line when some accounts have no scores yet (a new import, or a database just
 * upgraded), which `leftOut` then leaves out; null when every account is scored.
 */
export async function unscoredAccountsNote(prisma: PrismaClient, leftOut: string): Promise<string | null> {
  const unscored = await prisma.account.count({ where: { score: null } });
  if (unscored === 0) return null;
  return (
    `Note: ${unscored.toLocaleString('en-US')} account(s) are not scored yet, so ${leftOut} leaves them out. ` +
    '`npx winback score` scores them now; a running winback does it within a minute.'
  );
}
