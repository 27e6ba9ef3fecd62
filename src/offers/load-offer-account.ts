import { minorFromBigInt } from '../db/big-minor.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import type { AssessedAccount } from '../domain/offers/assess-offer.ts';
import type { EarlierOffer } from '../domain/offers/offer-cooldown.ts';
import { fromStoredTerms, type OfferTerms } from '../domain/offers/offer-terms.ts';
import { WinbackError } from '../errors.ts';
import type { AccountStatus, ChurnReason, Prisma } from '../generated/prisma/client.ts';

export interface OfferAccount extends AssessedAccount {
  id: string;
  displayName: string;
  status: AccountStatus;
  churnReason: ChurnReason | null;
  /** The feature the newest feedback asked for: beta access starts from it. */
  requestedFeature: string | null;
  earlierOffers: (EarlierOffer & { terms: OfferTerms })[];
}

/** The account as offers see it, with its earlier offers; refuses when the account is gone. */
export async function loadOfferAccount(
  prisma: PrismaClient | Prisma.TransactionClient,
  accountId: string,
): Promise<OfferAccount> {
  const account = await prisma.account.findUnique({
    where: { id: accountId },
    include: {
      offers: { orderBy: { createdAt: 'desc' } },
      feedback: { where: { requestedFeature: { not: null } }, orderBy: { createdAt: 'desc' }, take: 1 },
      score: { select: { clvMinor: true } },
    },
  });
  if (!account) {
    throw new WinbackError('account_not_found', `account ${accountId} does not exist`, {
      userMessage: 'That account is no longer in winback; it may have been removed.',
    });
  }
  return {
    id: account.id,
    displayName: displayNameOf(account),
    status: account.status,
    churnReason: account.churnReason,
    // The MRR the churn took away; for an account still paying, what it pays.
    mrrMinor: account.status === 'churned' ? (account.lostMrrMinor ?? account.mrrMinor) : account.mrrMinor,
    clvMinor: minorFromBigInt(account.score?.clvMinor ?? null),
    currency: account.currency,
    requestedFeature: account.feedback[0]?.requestedFeature ?? null,
    earlierOffers: account.offers.map((offer) => ({
      id: offer.id,
      status: offer.status,
      createdAt: offer.createdAt,
      codeExpiresAt: offer.codeExpiresAt,
      terms: fromStoredTerms(offer),
    })),
  };
}
