import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

type CustomerEvent = Stripe.CustomerCreatedEvent | Stripe.CustomerUpdatedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

/** The captured customers have no name or email; these tests give them some. */
function customerEvent(type: 'customer.created' | 'customer.updated', id: string, customer: string) {
  const event = capturedEvent<CustomerEvent>(type, { id, customer });
  Object.assign(event.data.object, { name: 'Ada Lovelace', email: 'ada@example.com' });
  return event;
}

describe('POST /webhooks/stripe: customer.created and .updated', () => {
  it('writes the name and email of a created customer, and the company from metadata', async () => {
    const event = customerEvent('customer.created', 'evt_customer_created', 'cus_ada');
    event.data.object.metadata = { company: 'Analytical Engines Ltd' };

    expect(await sendStripeEvent(app, event)).toEqual({ status: 200, body: { received: true } });

    expect(await findAccount(app, 'cus_ada')).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines Ltd',
      contactUpdatedAt: new Date(1_648_320_107_000),
      sourceUpdatedAt: null,
      // Contact details say nothing about the subscription: the defaults stand.
      status: 'active',
      mrrMinor: 0,
    });
  });

  it('overwrites the email with a newer update and keeps a company the update does not name', async () => {
    const created = customerEvent('customer.created', 'evt_grace_created', 'cus_grace');
    created.data.object.metadata = { company: 'Harvard Mark I' };
    const updated = customerEvent('customer.updated', 'evt_grace_updated', 'cus_grace');
    Object.assign(updated.data.object, { name: 'Grace Hopper', email: 'grace@example.com' });

    await sendStripeEvent(app, created);
    await sendStripeEvent(app, updated);

    expect(await findAccount(app, 'cus_grace')).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      company: 'Harvard Mark I',
      contactUpdatedAt: new Date(1_648_320_110_000),
    });
  });

  it('writes the captured customer, with no name or email, as an account with neither', async () => {
    await sendStripeEvent(app, capturedEvent('customer.created', { id: 'evt_anonymous', customer: 'cus_anonymous' }));

    expect(await findAccount(app, 'cus_anonymous')).toMatchObject({ name: null, email: null, company: null });
  });
});
