import pino from 'pino';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryBillingEvents } from '../../../src/jobs/retry-billing-events.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

type FailedEvent = Stripe.InvoicePaymentFailedEvent;

const logger = pino({ level: 'silent' });
// Past the retry job's one-minute grace for events a request may still be processing.
const inTwoMinutes = () => new Date(Date.now() + 2 * 60_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

/** A four-letter currency: PaymentFailure.currency is Char(3), so PostgreSQL rejects the write. */
function unwritableFailure(name: string): FailedEvent {
  const event = capturedEvent<FailedEvent>('invoice.payment_failed', { id: `evt_${name}`, customer: `cus_${name}` });
  event.data.object.id = `in_${name}`;
  event.data.object.currency = 'usdx';
  return event;
}

async function findOnlyBillingEvent(eventId: string) {
  const [row, ...others] = await findBillingEvents(app, eventId);
  expect(others).toEqual([]);
  return row;
}

describe('POST /webhooks/stripe: an event that fails to apply', () => {
  it('answers 200 because it is stored, and keeps it unprocessed with the error and no partial writes', async () => {
    const reply = await sendStripeEvent(app, unwritableFailure('rejected'));

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await findOnlyBillingEvent('evt_rejected')).toMatchObject({
      processedAt: null,
      attempts: 1,
      lastError: 'value too long for type character(3)',
    });
    // The account the change created was rolled back with it.
    expect(await app.db.prisma.account.count({ where: { externalId: 'cus_rejected' } })).toBe(0);
    expect(await app.db.prisma.paymentFailure.count({ where: { invoiceId: 'in_rejected' } })).toBe(0);
  });
});

describe('POST /webhooks/stripe: an event that cannot be stored', () => {
  it('answers 500 so that Stripe delivers it again, and writes nothing', async () => {
    const event = capturedEvent('customer.created', { id: 'evt_unstorable', customer: 'cus_unstorable' });
    // The database refusing the raw event itself, as a full disk or a lost connection would.
    await app.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'billing events are refused for this test'; END $$`);
    await app.db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER refuse BEFORE INSERT ON "BillingEvent" FOR EACH ROW EXECUTE FUNCTION refuse_events()',
    );

    const reply = await sendStripeEvent(app, event);
    await app.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse ON "BillingEvent"');

    expect(reply).toEqual({
      status: 500,
      body: { error: 'not_stored', message: 'The event could not be stored; deliver it again.' },
    });
    expect(await findBillingEvents(app, 'evt_unstorable')).toEqual([]);
    expect(await app.db.prisma.account.count({ where: { externalId: 'cus_unstorable' } })).toBe(0);
    // Delivered again, it is stored and applied.
    expect(await sendStripeEvent(app, event)).toEqual({ status: 200, body: { received: true } });
    expect(await findBillingEvents(app, 'evt_unstorable')).toHaveLength(1);
  });
});

describe('retryBillingEvents', () => {
  it('leaves an event received within the last minute to the request that received it', async () => {
    await sendStripeEvent(app, unwritableFailure('just_received'));

    expect(await retryBillingEvents(app.db, logger)).toBe(0);

    expect(await findOnlyBillingEvent('evt_just_received')).toMatchObject({ processedAt: null, attempts: 1 });
  });

  it('finishes events that can now succeed and counts another attempt on those that still fail', async () => {
    await sendStripeEvent(app, unwritableFailure('repaired'));
    await sendStripeEvent(app, unwritableFailure('still_broken'));
    // An operator corrects the stored payload of one of them.
    const repaired = await findOnlyBillingEvent('evt_repaired');
    const payload = structuredClone(repaired?.payload) as unknown as FailedEvent;
    payload.data.object.currency = 'usd';
    await app.db.prisma.billingEvent.update({ where: { id: repaired?.id }, data: { payload: payload as object } });
    // And one was stored by a request that died before processing it.
    const orphan = capturedEvent('customer.subscription.deleted', { id: 'evt_orphan', customer: 'cus_orphan' });
    await app.db.prisma.billingEvent.create({
      data: {
        source: 'stripe',
        eventId: orphan.id,
        type: orphan.type,
        occurredAt: new Date(orphan.created * 1000),
        payload: orphan as unknown as object,
      },
    });

    const processed = await retryBillingEvents(app.db, logger, inTwoMinutes());

    // Everything pending in this file's database: the two above plus the earlier tests' rejected events.
    expect(processed).toBe(2);
    expect(await findOnlyBillingEvent('evt_repaired')).toMatchObject({
      processedAt: expect.any(Date),
      attempts: 2,
      lastError: null,
    });
    expect(await app.db.prisma.paymentFailure.findFirst({ where: { invoiceId: 'in_repaired' } })).toMatchObject({
      status: 'open',
      currency: 'USD',
      amountMinor: 2000,
    });
    expect(await findOnlyBillingEvent('evt_orphan')).toMatchObject({ processedAt: expect.any(Date), attempts: 1 });
    expect(await app.db.prisma.account.findFirst({ where: { externalId: 'cus_orphan' } })).toMatchObject({
      status: 'churned',
    });
    expect(await findOnlyBillingEvent('evt_still_broken')).toMatchObject({
      processedAt: null,
      attempts: 2,
      lastError: 'value too long for type character(3)',
    });
  });

  it(`gives up on an event after ${MAX_ATTEMPTS} attempts, leaving it stored with its error for a person`, async () => {
    await sendStripeEvent(app, unwritableFailure('hopeless'));
    const stored = await findOnlyBillingEvent('evt_hopeless');
    await app.db.prisma.billingEvent.update({ where: { id: stored?.id }, data: { attempts: MAX_ATTEMPTS } });

    await retryBillingEvents(app.db, logger, inTwoMinutes());

    expect(await findOnlyBillingEvent('evt_hopeless')).toMatchObject({
      processedAt: null,
      attempts: MAX_ATTEMPTS,
      lastError: 'value too long for type character(3)',
    });
  });
});
