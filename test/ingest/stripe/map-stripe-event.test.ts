import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { CHURN_REASONS } from '../../../src/domain/churn-reason.ts';
import type { IngestChange } from '../../../src/ingest/changes.ts';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { listStripeFixtures, loadStripeEvent } from './stripe-fixtures.ts';

const MAPPED_TYPES = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.payment_failed',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.voided',
  'invoice.marked_uncollectible',
  'customer.created',
  'customer.updated',
  'customer.source.expiring',
  'payment_method.automatically_updated',
  'checkout.session.completed',
  'checkout.session.expired',
]);

const fixtures = listStripeFixtures().map((name) => ({ name, event: loadStripeEvent(name) }));

function readCurrency(change: IngestChange): string | null {
  return 'currency' in change ? change.currency : null;
}

describe('mapStripeEvent', () => {
  // 88 files from stripe-ruby-mock's newest commit plus customer.source.expiring from an older one.
  it('has all 89 captured fixtures to check', () => {
    expect(fixtures).toHaveLength(89);
  });

  it.each(fixtures.filter(({ event }) => !MAPPED_TYPES.has(event.type)))('yields nothing for $name', ({ event }) => {
    expect(mapStripeEvent(event)).toEqual([]);
  });

  it.each(
    fixtures.filter(({ event }) => MAPPED_TYPES.has(event.type)),
  )('yields stripe-sourced changes observed at the event time, in upper-case currency, for $name', ({ event }) => {
    for (const change of mapStripeEvent(event)) {
      expect(change.account === null || change.account.source === 'stripe').toBe(true);
      expect(change.observedAt).toEqual(new Date(event.created * 1000));
      expect(readCurrency(change) ?? 'no currency').toMatch(/^([A-Z]{3}|no currency)$/);
      if (change.kind === 'subscription.changed' && change.churnReason) {
        expect(CHURN_REASONS).toContain(change.churnReason);
      }
    }
  });

  it('yields nothing for an event type Stripe adds later', () => {
    const event = { ...loadStripeEvent('customer.updated'), type: 'customer.reinvented' } as unknown as Stripe.Event;

    expect(mapStripeEvent(event)).toEqual([]);
  });
});
