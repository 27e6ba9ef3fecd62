import { findAccountOrRefuse } from '../claims/claim-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Money } from '../domain/money.ts';
import type { ChurnReason } from '../generated/prisma/enums.ts';
import { type AccountLine, accountLineInclude, toAccountLine } from './account-line.ts';

/** Everything the account card shows. */
export interface AccountCard extends AccountLine {
  tenureMonths: number | null;
  churnReason: ChurnReason | null;
  /** The customer's own words about why they left, as the billing system gave them. */
  churnReasonText: string | null;
  failure: { amount: Money; declineCode: string | null; attemptCount: number; nextRetryAt: Date | null } | null;
  lastFeedback: { reason: ChurnReason; details: string | null; authorSlackId: string; createdAt: Date } | null;
  /** Claims ever made on the account, the active one included. */
  claimCount: number;
}

/** The account card of one account; refuses with a user message when the account is gone. */
export async function loadAccountCard(prisma: PrismaClient, accountId: string): Promise<AccountCard> {
  await findAccountOrRefuse(prisma, accountId);
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    include: {
      ...accountLineInclude,
      paymentFailures: { where: { status: 'open' }, orderBy: [{ failedAt: 'desc' }, { id: 'asc' }], take: 1 },
      feedback: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 1 },
      _count: { select: { claims: true } },
    },
  });
  const failure = account.paymentFailures[0];
  const feedback = account.feedback[0];

  return {
    ...toAccountLine(account),
    tenureMonths: account.tenureMonths,
    churnReason: account.churnReason,
    churnReasonText: account.churnReasonText,
    failure: failure
      ? {
          amount: { minor: failure.amountMinor, currency: failure.currency },
          declineCode: failure.declineCode,
          attemptCount: failure.attemptCount,
          nextRetryAt: failure.nextRetryAt,
        }
      : null,
    lastFeedback: feedback
      ? {
          reason: feedback.reason,
          details: feedback.details,
          authorSlackId: feedback.authorSlackId,
          createdAt: feedback.createdAt,
        }
      : null,
    claimCount: account._count.claims,
  };
}
