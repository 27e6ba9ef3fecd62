import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, countRows, findAccount, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

type ExpiringEvent = Stripe.CustomerSourceExpiringEvent;
type AttachedEvent = Stripe.PaymentMethodAttachedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

/** The captured expiring source is an ACH transfer; a card source is the same source given a card. */
function expiringCard(id: string, customer: string): ExpiringEvent {
  const event = capturedEvent<ExpiringEvent>('customer.source.expiring', { id, customer });
  const source = event.data.object as Stripe.Source;
  Object.assign(source, { id: `src_${customer}`, type: 'card', customer });
  source.card = { brand: 'Visa', last4: '4242', exp_month: 4, exp_year: 2026 } as Stripe.Source.Card;
  return event;
}

/** No payment_method.automatically_updated was captured: payment_method.attached carries the same object. */
function updatedCard(id: string, customer: string): Stripe.Event {
  const event = capturedEvent<AttachedEvent>('payment_method.attached', { id, customer });
  event.data.object.id = `pm_${customer}`;
  return { ...event, type: 'payment_method.automatically_updated' } as Stripe.Event;
}

function findCards(customer: string) {
  return app.db.prisma.cardExpiry.findMany({ where: { account: { externalId: customer } } });
}

describe('POST /webhooks/stripe: card expiry', () => {
  it('records an expiring card source with its brand, last four digits and expiry', async () => {
    await sendStripeEvent(app, expiringCard('evt_expiring', 'cus_expiring'));

    const account = await findAccount(app, 'cus_expiring');
    expect(await findCards('cus_expiring')).toEqual([
      expect.objectContaining({
        accountId: account.id,
        source: 'stripe',
        paymentMethodId: 'src_cus_expiring',
        brand: 'Visa',
        last4: '4242',
        expMonth: 4,
        expYear: 2026,
        remindedAt: null,
      }),
    ]);
  });

  it('records nothing but the event for the captured ACH source, which never expires', async () => {
    const before = await countRows(app);
    const event = capturedEvent('customer.source.expiring', { id: 'evt_ach', customer: 'cus_ach' });

    expect(await sendStripeEvent(app, event)).toEqual({ status: 200, body: { received: true } });

    expect(await countRows(app)).toEqual({ ...before, billingEvents: before.billingEvents + 1 });
    expect(await findBillingEvents(app, 'evt_ach')).toEqual([
      expect.objectContaining({ processedAt: expect.any(Date) }),
    ]);
  });

  it('records the expiry the card network put on file for an automatically updated card', async () => {
    await sendStripeEvent(app, updatedCard('evt_updater', 'cus_updater'));

    expect(await findCards('cus_updater')).toEqual([
      expect.objectContaining({
        paymentMethodId: 'pm_cus_updater',
        brand: 'visa',
        last4: '4242',
        expMonth: 3,
        expYear: 2023,
      }),
    ]);
  });

  it('keeps one row per card and moves it to the newest expiry when the card is updated again', async () => {
    const renewed = updatedCard('evt_renewed_2', 'cus_renewed');
    Object.assign((renewed as AttachedEvent).data.object.card ?? {}, { exp_month: 9, exp_year: 2029 });
    renewed.created += 60;

    await sendStripeEvent(app, updatedCard('evt_renewed_1', 'cus_renewed'));
    await sendStripeEvent(app, renewed);

    expect(await findCards('cus_renewed')).toEqual([expect.objectContaining({ expMonth: 9, expYear: 2029 })]);
  });
});
