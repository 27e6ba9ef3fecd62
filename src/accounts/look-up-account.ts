import type { PrismaClient } from '../db/prisma.ts';
import { findAccounts, type Unresolved } from './find-accounts.ts';
import { type AccountCard, loadAccountCard } from './load-account-card.ts';

export type LookUpResult = { status: 'found'; card: AccountCard } | Unresolved;

/** The card of the account a typed reference names, or the choices when it names several (see findAccounts). */
export async function lookUpAccount(prisma: PrismaClient, reference: string): Promise<LookUpResult> {
  const match = await findAccounts(prisma, reference);
  if (match.status !== 'one') return match;
  return { status: 'found', card: await loadAccountCard(prisma, match.account.id) };
}
