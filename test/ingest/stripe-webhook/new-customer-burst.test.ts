import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: a new customer’s first events arriving together', () => {
  it('applies every one of them, on one account per customer, when they are processed at the same time', async () => {
    const customers = Array.from({ length: 10 }, (_, i) => `cus_burst_${i}`);

    const replies = await Promise.all(
      customers.flatMap((customer) => [
        sendStripeEvent(app, capturedEvent('customer.created', { id: `evt_${customer}_created`, customer })),
        sendStripeEvent(app, capturedEvent('customer.subscription.created', { id: `evt_${customer}_sub`, customer })),
        sendStripeEvent(app, capturedEvent('invoice.payment_failed', { id: `evt_${customer}_failed`, customer })),
      ]),
    );

    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    const unprocessed = await app.db.prisma.billingEvent.findMany({
      where: { eventId: { startsWith: 'evt_cus_burst_' }, processedAt: null },
      select: { eventId: true, lastError: true },
    });
    expect(unprocessed).toEqual([]);
    for (const customer of customers) {
      expect(await findAccount(app, customer)).toMatchObject({ status: 'active' });
    }
    expect(await app.db.prisma.account.count({ where: { externalId: { startsWith: 'cus_burst_' } } })).toBe(10);
  });
});
