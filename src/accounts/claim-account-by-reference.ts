import { type ClaimResult, claimAccount } from '../claims/claim-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { findAccounts, type Unresolved } from './find-accounts.ts';

/**
 * Claims the account a typed reference names, exactly as the Claim button does (see claimAccount);
 * a reference that names several accounts, or none, claims nothing.
 */
export async function claimAccountByReference(
  prisma: PrismaClient,
  reference: string,
  userId: string,
): Promise<ClaimResult | Unresolved> {
  const match = await findAccounts(prisma, reference);
  if (match.status !== 'one') return match;
  return claimAccount(prisma, match.account.id, userId);
}
