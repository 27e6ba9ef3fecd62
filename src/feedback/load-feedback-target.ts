import { findAccountOrRefuse } from '../claims/claim-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import type { ChurnReason } from '../generated/prisma/enums.ts';

export interface FeedbackTarget {
  accountId: string;
  displayName: string;
  /** The reason on record, which the modal starts from. */
  churnReason: ChurnReason | null;
}

/** The account feedback is about, as the modal shows it; refuses when the account is gone. */
export async function loadFeedbackTarget(prisma: PrismaClient, accountId: string): Promise<FeedbackTarget> {
  const account = await findAccountOrRefuse(prisma, accountId);
  return { accountId: account.id, displayName: displayNameOf(account), churnReason: account.churnReason };
}
