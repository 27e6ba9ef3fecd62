import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

type CustomerEvent = Stripe.CustomerCreatedEvent | Stripe.CustomerUpdatedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

function withContact<E extends CustomerEvent>(event: E): E {
  Object.assign(event.data.object, { name: 'Ada Lovelace', email: 'ada@example.com' });
  return event;
}

// Contact details and subscription state each have their own stamp (contactUpdatedAt, sourceUpdatedAt), so
// the newest event of one kind never makes an older event of the other kind look stale.
describe('POST /webhooks/stripe: customer and subscription events out of order', () => {
  it('writes the name and email of a customer.created that arrives after its newer subscription event', async () => {
    const customer = 'cus_contact_late';
    // Captured times: customer.created 1648320107, customer.subscription.created 1648320110.
    await sendStripeEvent(app, capturedEvent('customer.subscription.created', { id: 'evt_sub_first', customer }));
    await sendStripeEvent(
      app,
      withContact(capturedEvent<CustomerEvent>('customer.created', { id: 'evt_contact_late', customer })),
    );

    expect(await findAccount(app, customer)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });

  it('churns on a deletion that arrives after a newer customer.updated', async () => {
    const customer = 'cus_churn_late';
    // Captured times: customer.updated 1648320110, customer.subscription.deleted 1648320097.
    await sendStripeEvent(
      app,
      withContact(capturedEvent<CustomerEvent>('customer.updated', { id: 'evt_contact_first', customer })),
    );
    await sendStripeEvent(app, capturedEvent('customer.subscription.deleted', { id: 'evt_churn_late', customer }));

    expect(await findAccount(app, customer)).toMatchObject({ status: 'churned', lostMrrMinor: 1500 });
  });
});
