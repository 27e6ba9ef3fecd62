import { minorFromBigInt } from '../db/big-minor.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import { fromStoredTerms, type OfferTerms } from '../domain/offers/offer-terms.ts';
import { WinbackError } from '../errors.ts';
import type { ChurnReason, OfferDecisionKind, OfferStatus } from '../generated/prisma/enums.ts';

/** One offer as its approval message, its proposer's messages and its decision show it. */
export interface OfferCard {
  offerId: string;
  accountId: string;
  displayName: string;
  churnReason: ChurnReason | null;
  terms: OfferTerms;
  currency: string;
  costMinor: number;
  clvMinor: number | null;
  expectedBackMinor: number | null;
  note: string | null;
  proposerSlackId: string;
  status: OfferStatus;
  autoApproved: boolean;
  approval: { channelId: string; ts: string } | null;
  approvalExpiresAt: Date | null;
  code: string | null;
  codeExpiresAt: Date | null;
  decision: { deciderSlackId: string; decision: OfferDecisionKind; reason: string | null } | null;
  threadAccount: { id: string; threadChannelId: string | null; threadTs: string | null };
}

export async function loadOfferCard(prisma: PrismaClient, offerId: string): Promise<OfferCard> {
  const offer = await prisma.offer.findUnique({ where: { id: offerId }, include: { account: true, decision: true } });
  if (!offer) {
    throw new WinbackError('offer_not_found', `offer ${offerId} does not exist`, {
      userMessage: 'That offer is no longer in winback; its account may have been removed.',
    });
  }
  const { account, decision } = offer;
  return {
    offerId: offer.id,
    accountId: offer.accountId,
    displayName: displayNameOf(account),
    churnReason: account.churnReason,
    terms: fromStoredTerms(offer),
    currency: offer.currency,
    costMinor: minorFromBigInt(offer.costMinor),
    clvMinor: minorFromBigInt(offer.clvMinor),
    expectedBackMinor: minorFromBigInt(offer.expectedBackMinor),
    note: offer.note,
    proposerSlackId: offer.proposerSlackId,
    status: offer.status,
    autoApproved: offer.autoApproved,
    approval:
      offer.approvalChannelId && offer.approvalTs ? { channelId: offer.approvalChannelId, ts: offer.approvalTs } : null,
    approvalExpiresAt: offer.approvalExpiresAt,
    code: offer.code,
    codeExpiresAt: offer.codeExpiresAt,
    decision: decision
      ? { deciderSlackId: decision.deciderSlackId, decision: decision.decision, reason: decision.reason }
      : null,
    threadAccount: { id: account.id, threadChannelId: account.threadChannelId, threadTs: account.threadTs },
  };
}
