import { assessOffer, type OfferAssessment } from '../domain/offers/assess-offer.ts';
import type { OfferTerms, TermsField } from '../domain/offers/offer-terms.ts';
import type { Offer as PlaybookOffer } from '../domain/playbook/offer-schema.ts';
import { WinbackError } from '../errors.ts';
import type { ChurnReason, OfferStatus } from '../generated/prisma/enums.ts';
import { escapeMrkdwn } from '../slack/blocks/text.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';
import { loadOfferAccount, type OfferAccount } from './load-offer-account.ts';
import { loadOfferPlaybook, playFor } from './load-offer-playbook.ts';
import { type OfferDraft, parseOfferDraft, startingDraft } from './offer-draft.ts';
import { judgeOfferTiming } from './timing-problem.ts';

export interface OfferPreview {
  account: OfferAccount;
  play: { reason: ChurnReason; strategy: string; offers: PlaybookOffer[] };
  /** The offer in play, shown only to a manager, who may replace it. */
  replaceable: { id: string; terms: OfferTerms; status: OfferStatus } | null;
  draft: OfferDraft;
  outcome:
    | { kind: 'incomplete'; errors: Partial<Record<TermsField, string>> }
    | ({ kind: 'assessed' } & OfferAssessment);
}

export interface PreviewOptions {
  accountId: string;
  userId: string;
  /** What the modal holds; absent, the draft starts from the playbook's offer for the account's reason. */
  draft?: OfferDraft;
  /** The type was just changed: parameters the draft lacks start from the playbook or defaults. */
  typeChanged?: boolean;
  now?: Date;
}

/**
 * What the offer modal shows: the account, its play, the draft and the draft's cost against CLV with
 * the guardrails' verdict. Refuses (with a user message) when the account may get no offer now.
 */
export async function previewOffer(deps: SlackDeps, options: PreviewOptions): Promise<OfferPreview> {
  const now = options.now ?? new Date();
  const guardrails = deps.settings.WINBACK_GUARDRAILS;
  const [account, isManager] = await Promise.all([
    loadOfferAccount(deps.prisma, options.accountId),
    deps.roles.isManager(options.userId),
  ]);

  const { active, problem } = judgeOfferTiming(account, {
    isManager,
    cooldownDays: guardrails.cooldownDays,
    zone: deps.settings.WINBACK_TIMEZONE,
    now,
  });
  if (problem) {
    throw new WinbackError('offer_not_now', `account ${account.id}: ${problem}`, {
      userMessage: `*${escapeMrkdwn(account.displayName)}*: ${escapeMrkdwn(problem)}`,
    });
  }

  const { reason, entry } = playFor(loadOfferPlaybook(deps.settings.WINBACK_PLAYBOOK), account.churnReason);
  const offers = entry.alternativeOffer ? [entry.offer, entry.alternativeOffer] : [entry.offer];
  const draft = draftFor(options, offers, account.requestedFeature);
  const parsed = parseOfferDraft(draft, account.currency);

  return {
    account,
    play: { reason, strategy: entry.strategy, offers },
    replaceable: active ? { id: active.id, terms: active.terms, status: active.status } : null,
    draft,
    outcome: parsed.ok
      ? { kind: 'assessed', ...assessOffer(parsed.terms, account, guardrails) }
      : { kind: 'incomplete', errors: parsed.errors },
  };
}

function draftFor(options: PreviewOptions, offers: PlaybookOffer[], requestedFeature: string | null): OfferDraft {
  const given = options.draft;
  const type = given?.type ?? offers[0]?.type ?? 'session';
  if (given && !options.typeChanged) return given;
  const start = startingDraft(type, offers, requestedFeature);
  return { type, values: { ...start.values, ...given?.values } };
}
