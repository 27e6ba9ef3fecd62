import type Stripe from 'stripe';
import type { CardExpiring, IngestChange } from '../changes.ts';
import { readCustomerRef, type StripeRef, toDate } from './read-stripe-values.ts';

interface CardDetails {
  id: string;
  customer: StripeRef | null | undefined;
  brand: string | null | undefined;
  last4: string | null | undefined;
  expMonth: number | null | undefined;
  expYear: number | null | undefined;
}

/** A card source that expires at the end of the month. Bank and ACH sources never expire: no change. */
export function mapExpiringSource(event: Stripe.CustomerSourceExpiringEvent): IngestChange[] {
  return toCardExpiring(event, readSourceCard(event.data.object));
}

/** The card network gave Stripe a card's new number or expiry: winback records the expiry now on file. */
export function mapUpdatedPaymentMethod(event: Stripe.PaymentMethodAutomaticallyUpdatedEvent): IngestChange[] {
  const { id, customer, card } = event.data.object;
  if (!card) {
    return [];
  }

  const { brand, last4, exp_month: expMonth, exp_year: expYear } = card;
  return toCardExpiring(event, { id, customer, brand, last4, expMonth, expYear });
}

function readSourceCard(source: Stripe.CustomerSource): CardDetails | null {
  if (source.object === 'card') {
    const { id, customer, brand, last4, exp_month: expMonth, exp_year: expYear } = source;
    return { id, customer, brand, last4, expMonth, expYear };
  }
  // Sources API objects (src_...) of type card keep the card under `card`.
  if (source.object === 'source' && source.type === 'card' && source.card) {
    const { brand, last4, exp_month: expMonth, exp_year: expYear } = source.card;
    return { id: source.id, customer: source.customer, brand, last4, expMonth, expYear };
  }

  return null;
}

function toCardExpiring(event: Stripe.Event, card: CardDetails | null): CardExpiring[] {
  const account = readCustomerRef(card?.customer);
  if (!card || !account || !card.expMonth || !card.expYear) {
    return [];
  }

  return [
    {
      kind: 'card.expiring',
      account,
      observedAt: toDate(event.created),
      paymentMethodId: card.id,
      brand: card.brand ?? null,
      last4: card.last4 ?? null,
      expMonth: card.expMonth,
      expYear: card.expYear,
    },
  ];
}
