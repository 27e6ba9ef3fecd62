import { recordAudit } from '../audit/record-audit.ts';
import { assessOffer } from '../domain/offers/assess-offer.ts';
import type { GuardrailVerdict } from '../domain/offers/evaluate-guardrails.ts';
import { type StoredTerms, toStoredTerms } from '../domain/offers/offer-terms.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';
import { loadOfferAccount } from './load-offer-account.ts';
import { issueOfferCode } from './offer-code.ts';
import { type OfferDraft, parseOfferDraft } from './offer-draft.ts';
import { judgeOfferTiming } from './timing-problem.ts';

export interface ProposalInput {
  accountId: string;
  proposerSlackId: string;
  draft: OfferDraft;
  note: string | null;
  /** Whether a manager ticked "replace the offer in play"; null when the modal showed no such box. */
  replace: boolean | null;
}

/** Refusals are keyed by the modal's block_ids (the field, `type` or `replace`), for Slack's field errors. */
export type ProposalResult =
  | { status: 'refused'; errors: Record<string, string> }
  | {
      status: 'recorded';
      offerId: string;
      verdict: Exclude<GuardrailVerdict, { kind: 'refused' }>;
      /** The offer this one replaced, whose approval request (if any) must now say so. */
      replaced: { offerId: string } | null;
    };

const HOUR_MS = 60 * 60 * 1000;

const refused = (errors: Record<string, string>): ProposalResult => ({ status: 'refused', errors });

/**
 * Records a proposed offer after every guardrail: limits, cost share, no stacking, cooldown. An
 * offer the auto-approval rule covers is approved at once, with its code; any other waits for a
 * manager (status proposed until its approval request is posted) and expires unanswered. A manager
 * may replace the offer in play, which becomes `replaced`. Each step is audited.
 */
export async function proposeOffer(deps: SlackDeps, input: ProposalInput, now = new Date()): Promise<ProposalResult> {
  const guardrails = deps.settings.WINBACK_GUARDRAILS;
  const isManager = await deps.roles.isManager(input.proposerSlackId);

  return deps.prisma.$transaction(async (tx) => {
    // Proposals for one account queue here, so two at once cannot both find no offer in play.
    await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${input.accountId}::uuid FOR UPDATE`;
    const account = await loadOfferAccount(tx, input.accountId);

    const parsed = parseOfferDraft(input.draft, account.currency);
    if (!parsed.ok) return refused(parsed.errors);

    const zone = deps.settings.WINBACK_TIMEZONE;
    const timing = { isManager, cooldownDays: guardrails.cooldownDays, zone, now };
    const { active, problem } = judgeOfferTiming(account, timing);
    if (problem) return refused({ type: problem });
    if (active && input.replace === null) {
      return refused({ type: 'An offer came into play meanwhile. Close this and propose again to replace it.' });
    }
    if (active && !input.replace) {
      return refused({ replace: 'An offer is in play: tick this to replace it, or cancel.' });
    }

    const assessment = assessOffer(parsed.terms, account, guardrails);
    const { verdict } = assessment;
    if (verdict.kind === 'refused') {
      const errors: Record<string, string> = {};
      for (const { field, message } of verdict.problems) {
        errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
      }
      return refused(errors);
    }
    if (verdict.kind === 'needs_manager' && !deps.settings.WINBACK_APPROVALS_CHANNEL) {
      return refused({
        type: 'This offer needs a manager, but no approvals channel is set (WINBACK_APPROVALS_CHANNEL). Ask an admin.',
      });
    }

    const auto = verdict.kind === 'auto_approved';
    const offer = await tx.offer.create({
      data: {
        accountId: account.id,
        proposerSlackId: input.proposerSlackId,
        ...toStoredTerms(parsed.terms),
        note: input.note,
        costMinor: assessment.costMinor,
        currency: account.currency,
        clvMinor: account.clvMinor,
        expectedBackMinor: assessment.expectedBackMinor,
        status: auto ? 'approved' : 'proposed',
        autoApproved: auto,
        ...(auto
          ? issueOfferCode(guardrails.codes.prefix, guardrails.codes.validDays, now)
          : { approvalExpiresAt: new Date(now.getTime() + guardrails.approvalExpiresAfterHours * HOUR_MS) }),
      },
    });
    await auditProposal(
      tx,
      input.proposerSlackId,
      {
        ...offer,
        costMinor: assessment.costMinor,
        clvMinor: account.clvMinor,
        expectedBackMinor: assessment.expectedBackMinor,
        terms: toStoredTerms(parsed.terms),
      },
      verdict,
    );

    const replaced = active ? await replaceOffer(tx, active.id, offer.id, input.proposerSlackId) : null;
    return {
      status: 'recorded' as const,
      offerId: offer.id,
      verdict,
      replaced: replaced ? { offerId: replaced } : null,
    };
  });
}

type CreatedOffer = {
  id: string;
  accountId: string;
  costMinor: number;
  clvMinor: number | null;
  expectedBackMinor: number | null;
  code: string | null;
  terms: StoredTerms;
};

async function auditProposal(
  tx: Prisma.TransactionClient,
  proposer: string,
  offer: CreatedOffer,
  verdict: GuardrailVerdict,
) {
  const entity = { entityType: 'offer', entityId: offer.id };
  await recordAudit(tx, {
    actor: proposer,
    action: 'offer.proposed',
    ...entity,
    after: {
      accountId: offer.accountId,
      ...offer.terms,
      costMinor: offer.costMinor,
      clvMinor: offer.clvMinor,
      expectedBackMinor: offer.expectedBackMinor,
      verdict: verdict.kind,
    },
  });
  if (verdict.kind !== 'auto_approved') return;
  await recordAudit(tx, {
    actor: 'system:guardrails',
    action: 'offer.approved',
    ...entity,
    before: { status: 'proposed' },
    after: { status: 'approved', autoApproved: true, code: offer.code },
  });
}

/** The offer in play gives way to the new one, only if it is still in play (a decision may have ended it). */
async function replaceOffer(tx: Prisma.TransactionClient, oldId: string, newId: string, actor: string) {
  const ended = await tx.offer.updateMany({
    where: { id: oldId, status: { in: ['proposed', 'pending_approval', 'approved', 'sent'] } },
    data: { status: 'replaced', replacedById: newId },
  });
  if (ended.count === 0) return null;
  await recordAudit(tx, {
    actor,
    action: 'offer.replaced',
    entityType: 'offer',
    entityId: oldId,
    after: { status: 'replaced', replacedById: newId },
  });
  return oldId;
}
