import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { loadStripeEvent } from '../stripe/stripe-fixtures.ts';
import { countRows, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: an event type winback does not use', () => {
  it('stores the captured coupon.created, marks it processed and changes nothing else', async () => {
    const event = loadStripeEvent('coupon.created');
    const before = await countRows(app);

    const reply = await sendStripeEvent(app, event);

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await countRows(app)).toEqual({ ...before, billingEvents: before.billingEvents + 1 });
    expect(await findBillingEvents(app, event.id)).toEqual([
      expect.objectContaining({
        type: 'coupon.created',
        occurredAt: new Date(1_326_853_478_000),
        payload: JSON.parse(JSON.stringify(event)),
        processedAt: expect.any(Date),
        attempts: 1,
        lastError: null,
      }),
    ]);
  });
});
