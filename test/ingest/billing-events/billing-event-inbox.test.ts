import pino from 'pino';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BillingEventInbox,
  type IncomingBillingEvent,
  type ReceiveResult,
} from '../../../src/ingest/billing-events/billing-event-inbox.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { capturedEvent } from '../stripe-webhook/send-stripe-event.ts';

const logger = pino({ level: 'silent' });

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

function incoming(event: Stripe.Event): IncomingBillingEvent {
  return {
    source: 'stripe',
    eventId: event.id,
    type: event.type,
    occurredAt: new Date(event.created * 1000),
    json: JSON.stringify(event),
    payload: event,
  };
}

/**
 * Delivers the events the way concurrent requests do, all before the first is written. With one writer, the
 * first goes alone and every later one waits for it and then goes in a second batch.
 */
function deliverTogether(events: Stripe.Event[]): Promise<ReceiveResult[]> {
  const inbox = new BillingEventInbox(db, logger, { maxBatch: 100, parallel: 1 });
  return Promise.all(events.map((event) => inbox.receive(incoming(event), logger)));
}

/** Rows written by one transaction share its id (xmin): how many transactions stored these events. */
async function transactionsThatStored(prefix: string): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ transactions: number }[]>`
    SELECT count(DISTINCT xmin::text)::int4 AS transactions FROM "BillingEvent" WHERE "eventId" LIKE ${`${prefix}%`}`;
  return row?.transactions ?? 0;
}

function unwritableFailure(name: string) {
  const event = capturedEvent<Stripe.InvoicePaymentFailedEvent>('invoice.payment_failed', {
    id: `evt_${name}`,
    customer: `cus_${name}`,
  });
  event.data.object.id = `in_${name}`;
  // PaymentFailure.currency is Char(3): PostgreSQL refuses the write.
  event.data.object.currency = 'usdx';
  return event;
}

describe('BillingEventInbox', () => {
  it('stores and applies deliveries that arrive while a batch is written together, in one transaction', async () => {
    const events = Array.from({ length: 20 }, (_, i) =>
      capturedEvent('customer.subscription.deleted', { id: `evt_batch_${i}`, customer: `cus_batch_${i}` }),
    );

    const results = await deliverTogether(events);

    expect(results.map((result) => result.status)).toEqual(Array(20).fill('processed'));
    expect(await transactionsThatStored('evt_batch_')).toBe(2);
    expect(
      await db.prisma.billingEvent.count({ where: { eventId: { startsWith: 'evt_batch_' }, processedAt: null } }),
    ).toBe(0);
    expect(
      await db.prisma.account.count({ where: { externalId: { startsWith: 'cus_batch_' }, status: 'churned' } }),
    ).toBe(20);
  });

  it('fails only the bad event of a batch: the others are applied, it is kept unprocessed with its error', async () => {
    const good = Array.from({ length: 5 }, (_, i) =>
      capturedEvent('customer.subscription.deleted', { id: `evt_mixed_${i}`, customer: `cus_mixed_${i}` }),
    );
    const events = [good[0], good[1], unwritableFailure('mixed_bad'), good[2], good[3], good[4]] as Stripe.Event[];

    const results = await deliverTogether(events);

    expect(results.map((result) => result.status)).toEqual([
      'processed',
      'processed',
      'failed',
      'processed',
      'processed',
      'processed',
    ]);
    expect(results[2]).toEqual({ status: 'failed', error: 'value too long for type character(3)' });
    expect(await db.prisma.billingEvent.findFirst({ where: { eventId: 'evt_mixed_bad' } })).toMatchObject({
      processedAt: null,
      attempts: 1,
      lastError: 'value too long for type character(3)',
    });
    expect(await db.prisma.account.count({ where: { externalId: 'cus_mixed_bad' } })).toBe(0);
    expect(await db.prisma.account.count({ where: { externalId: { startsWith: 'cus_mixed_' } } })).toBe(5);
  });

  it('applies an event delivered twice in one batch once and answers the second as a duplicate', async () => {
    const churn = capturedEvent('customer.subscription.deleted', { id: 'evt_twice', customer: 'cus_twice' });
    const opener = capturedEvent('customer.created', { id: 'evt_twice_opener', customer: 'cus_twice_opener' });

    const results = await deliverTogether([opener, churn, churn]);

    expect(results.map((result) => result.status)).toEqual(['processed', 'processed', 'duplicate']);
    expect(await db.prisma.billingEvent.count({ where: { eventId: 'evt_twice' } })).toBe(1);
    const account = await db.prisma.account.findFirstOrThrow({ where: { externalId: 'cus_twice' } });
    expect(await db.prisma.auditEntry.count({ where: { entityId: account.id } })).toBe(1);
  });

  it('applies events about one account in arrival order within a batch: a churn and the way back', async () => {
    const opener = capturedEvent('customer.created', { id: 'evt_back_opener', customer: 'cus_back_opener' });
    const churn = capturedEvent<Stripe.CustomerSubscriptionDeletedEvent>('customer.subscription.deleted', {
      id: 'evt_back_churn',
      customer: 'cus_back',
    });
    const back = capturedEvent<Stripe.CustomerSubscriptionUpdatedEvent>('customer.subscription.updated', {
      id: 'evt_back_active',
      customer: 'cus_back',
    });
    back.created = churn.created + 3600;
    back.data.object.status = 'active';

    const results = await deliverTogether([opener, churn, back]);

    expect(results.map((result) => result.status)).toEqual(['processed', 'processed', 'processed']);
    const account = await db.prisma.account.findFirstOrThrow({ where: { externalId: 'cus_back' } });
    expect(account).toMatchObject({ status: 'active', reactivatedAt: new Date(back.created * 1000) });
    expect(await db.prisma.winbackOutcome.findMany({ where: { accountId: account.id } })).toMatchObject([
      { kind: 'reactivated', sourceKey: expect.stringContaining('evt_back_active') },
    ]);
  });

  it('rejects a delivery it could not store at all, so that the sender delivers it again', async () => {
    const event = capturedEvent('customer.created', { id: 'evt_unstorable', customer: 'cus_unstorable' });
    const inbox = new BillingEventInbox(db, logger);

    // PostgreSQL's jsonb has no place for a NUL character.
    const delivery = inbox.receive({ ...incoming(event), json: '{"id": "evt_unstorable", "name": "\\u0000"}' }, logger);

    await expect(delivery).rejects.toThrow('unsupported Unicode escape sequence');
    expect(await db.prisma.billingEvent.count({ where: { eventId: 'evt_unstorable' } })).toBe(0);
  });
});
