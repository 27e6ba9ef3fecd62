import { DateTime } from 'luxon';
import type { MergeValues } from '../domain/email/merge-tags.ts';
import { formatMoney } from '../domain/money.ts';
import type { Account, CardExpiry, Offer, PaymentFailure } from '../generated/prisma/client.ts';
import type { EmailSettings } from './email-settings.ts';

export interface MergeSources {
  account: Pick<Account, 'id' | 'externalId' | 'contactName' | 'company' | 'timezone'>;
  offer?: Pick<
    Offer,
    'type' | 'percentOff' | 'durationMonths' | 'trialDays' | 'targetPlan' | 'code' | 'codeExpiresAt'
  > | null;
  requestedFeature?: string | null;
  repName?: string | null;
  failure?: Pick<PaymentFailure, 'amountMinor' | 'currency'> | null;
  card?: Pick<CardExpiry, 'last4' | 'expMonth' | 'expYear'> | null;
  settings: Pick<EmailSettings, 'WINBACK_APP_URL' | 'WINBACK_BOOKING_URL' | 'WINBACK_SURVEY_URL' | 'WINBACK_TIMEZONE'>;
}

/** The offer in the customer's words: "25% off for 3 months", "a 30-day trial". */
export function describeOffer(offer: NonNullable<MergeSources['offer']>): string {
  switch (offer.type) {
    case 'percent_discount':
      return `${offer.percentOff ?? 0}% off for ${offer.durationMonths ?? 1} months`;
    case 'annual_incentive':
      return `${offer.percentOff ?? 0}% off a year paid upfront`;
    case 'lower_tier':
      return offer.targetPlan ? `a move to the ${offer.targetPlan} plan` : 'a move to a smaller plan';
    case 'extended_trial':
      return `a free ${offer.trialDays ?? 14}-day trial`;
    case 'session':
      return 'a one-to-one session with our team';
    case 'beta_access':
      return 'early access to the beta';
    case 'payment_grace':
      return 'extra time to update your payment';
  }
}

const link = (base: string | undefined, path: string, query: Record<string, string | null | undefined>) => {
  if (!base) return undefined;
  const url = path ? new URL(path, base.endsWith('/') ? base : `${base}/`) : new URL(base);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return url.href;
};

/** Every merge value one account offers; what it lacks is simply absent. */
export function mergeValuesFor(sources: MergeSources): MergeValues {
  const { account, offer, settings } = sources;
  const zone = account.timezone ?? settings.WINBACK_TIMEZONE;
  const firstName = account.contactName?.trim().split(/\s+/)[0];
  const expiry = offer?.codeExpiresAt ? DateTime.fromJSDate(offer.codeExpiresAt, { zone }) : null;
  const card = sources.card;
  const values: MergeValues = {
    first_name: firstName,
    company: account.company?.trim() || undefined,
    requested_feature: sources.requestedFeature?.trim() || undefined,
    offer: offer ? describeOffer(offer) : undefined,
    offer_code: offer?.code ?? undefined,
    offer_expiry: expiry?.isValid ? expiry.setLocale('en-GB').toFormat('d LLLL yyyy') : undefined,
    rep_name: sources.repName?.trim() || undefined,
    amount_due: sources.failure
      ? formatMoney({ minor: sources.failure.amountMinor, currency: sources.failure.currency })
      : undefined,
    card_last4: card?.last4 ?? undefined,
    card_expiry: card
      ? DateTime.utc(card.expYear, card.expMonth, 1).setLocale('en-GB').toFormat('LLLL yyyy')
      : undefined,
    reactivate_url: link(settings.WINBACK_APP_URL, 'reactivate', { account: account.externalId, code: offer?.code }),
    update_payment_url: link(settings.WINBACK_APP_URL, 'billing', { account: account.externalId }),
    checkout_url: link(settings.WINBACK_APP_URL, 'checkout', { account: account.externalId }),
    book_session_url: settings.WINBACK_BOOKING_URL,
    survey_url: link(settings.WINBACK_SURVEY_URL, '', { account: account.externalId }),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as MergeValues;
}
