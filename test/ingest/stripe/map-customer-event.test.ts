import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { loadStripeEvent } from './stripe-fixtures.ts';

type CustomerEvent = Stripe.CustomerUpdatedEvent;

const account = { source: 'stripe', externalId: 'cus_00000000000000' };

describe('mapStripeEvent: customer.created and customer.updated', () => {
  it.each([
    { name: 'customer.created', observedAt: 1_648_320_107 },
    { name: 'customer.updated', observedAt: 1_648_320_110 },
  ])('maps the captured $name event, which has no name or email, to an upsert clearing both', ({
    name,
    observedAt,
  }) => {
    expect(mapStripeEvent(loadStripeEvent(name))).toEqual([
      { kind: 'account.upsert', account, observedAt: new Date(observedAt * 1000), fields: { name: null, email: null } },
    ]);
  });

  it('takes the name, email and metadata.company', () => {
    const event = loadStripeEvent<CustomerEvent>('customer.updated');
    Object.assign(event.data.object, { name: 'Ada Lovelace', email: 'ada@example.com', business_name: 'Ignored Ltd' });
    event.data.object.metadata = { company: 'Analytical Engines' };

    expect(mapStripeEvent(event)).toEqual([
      expect.objectContaining({
        fields: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
      }),
    ]);
  });

  it.each<{ rule: string; metadata: Stripe.Metadata; businessName?: string; fields: object }>([
    {
      rule: 'falls back to the business name',
      metadata: {},
      businessName: 'Engines Ltd',
      fields: { company: 'Engines Ltd' },
    },
    {
      rule: 'treats an empty metadata.company as unset',
      metadata: { company: '' },
      businessName: 'Engines Ltd',
      fields: { company: 'Engines Ltd' },
    },
    {
      rule: 'leaves the company out when neither is set',
      metadata: { plan: 'x' },
      businessName: undefined,
      fields: {},
    },
  ])('company: $rule', ({ metadata, businessName, fields }) => {
    const event = loadStripeEvent<CustomerEvent>('customer.updated');
    event.data.object.metadata = metadata;
    event.data.object.business_name = businessName;

    expect(mapStripeEvent(event)).toEqual([
      expect.objectContaining({ fields: { name: null, email: null, ...fields } }),
    ]);
  });
});
