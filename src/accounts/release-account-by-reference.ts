import { type Actor, type ReleaseResult, releaseAccount } from '../claims/release-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { findAccounts, type Unresolved } from './find-accounts.ts';

export type ReleaseByReferenceResult = (ReleaseResult & { accountId: string; displayName: string }) | Unresolved;

/**
 * Releases the account a typed reference names, exactly as the Release button does (only its owner
 * or a manager may; see releaseAccount); a reference that names several accounts, or none, releases nothing.
 */
export async function releaseAccountByReference(
  prisma: PrismaClient,
  reference: string,
  actor: Actor,
): Promise<ReleaseByReferenceResult> {
  const match = await findAccounts(prisma, reference);
  if (match.status !== 'one') return match;
  const { id: accountId, displayName } = match.account;
  return { ...(await releaseAccount(prisma, accountId, actor)), accountId, displayName };
}
