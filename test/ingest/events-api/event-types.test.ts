import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { at, postEvents } from './post-events.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

const send = (...events: unknown[]) => postEvents(app.baseUrl, { source: 'chargebee', events });
const findAccount = (externalId: string) =>
  app.db.prisma.account.findUniqueOrThrow({ where: { source_externalId: { source: 'api:chargebee', externalId } } });
const findFailure = (invoiceId: string) =>
  app.db.prisma.paymentFailure.findUniqueOrThrow({
    where: { source_invoiceId: { source: 'api:chargebee', invoiceId } },
  });

describe('POST /api/events: what each event type writes', () => {
  it('account.updated stores the event once and writes the account fields sent', async () => {
    const event = {
      id: 'evt_account_1',
      type: 'account.updated',
      occurredAt: at(1),
      account: {
        id: 'cus_ada',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        contactName: 'Ada',
        email: 'ada@example.com',
        timezone: 'Europe/London',
        locale: 'en-gb',
        plan: 'pro',
        mrrMinor: 4900,
        currency: 'gbp',
        seats: 5,
        status: 'active',
        startedAt: '2024-01-15T09:00:00Z',
        emailConsent: false,
      },
    };

    const answer = await send(event);

    expect(answer).toEqual({ status: 200, body: { results: [{ index: 0, id: 'evt_account_1', status: 'accepted' }] } });
    expect(await findAccount('cus_ada')).toMatchObject({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      contactName: 'Ada',
      email: 'ada@example.com',
      timezone: 'Europe/London',
      locale: 'en-GB',
      plan: 'pro',
      mrrMinor: 4900,
      currency: 'GBP',
      seats: 5,
      status: 'active',
      startedAt: new Date('2024-01-15T09:00:00Z'),
      emailConsent: false,
      sourceUpdatedAt: new Date(at(1)),
    });
    const stored = await app.db.prisma.billingEvent.findMany({ where: { eventId: 'evt_account_1' } });
    expect(stored).toMatchObject([
      {
        source: 'api:chargebee',
        type: 'account.updated',
        occurredAt: new Date(at(1)),
        payload: event,
        lastError: null,
      },
    ]);
    expect(stored[0]?.processedAt).toBeInstanceOf(Date);
  });

  it('subscription.changed to churned keeps the lost MRR; back to active records one win-back outcome', async () => {
    const subscription = { type: 'subscription.changed', accountId: 'cus_bob', plan: 'team', currency: 'USD' };
    const churn = { ...subscription, id: 'evt_sub_1', occurredAt: at(1), status: 'churned', mrrMinor: 9900 };
    const back = { ...subscription, id: 'evt_sub_2', occurredAt: at(2), status: 'active', mrrMinor: 7900 };

    const answer = await send({ ...churn, churnReason: 'price', churnReasonText: 'Too dear' }, back);

    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual(['accepted', 'accepted']);
    const account = await findAccount('cus_bob');
    expect(account).toMatchObject({
      status: 'active',
      mrrMinor: 7900,
      lostMrrMinor: 9900,
      churnedAt: new Date(at(1)),
      churnReason: 'price',
      churnReasonText: 'Too dear',
      reactivatedAt: new Date(at(2)),
      sourceUpdatedAt: new Date(at(2)),
    });
    expect(await app.db.prisma.winbackOutcome.findMany({ where: { accountId: account.id } })).toMatchObject([
      {
        kind: 'reactivated',
        recoveredMrrMinor: 7900,
        currency: 'USD',
        sourceKey: 'api:chargebee:evt_sub_2',
        occurredAt: new Date(at(2)),
      },
    ]);
  });

  it('payment.failed opens a failure; payment.recovered and payment.closed resolve theirs', async () => {
    const payment = { accountId: 'cus_cy', amountMinor: 2500, currency: 'eur' };
    const failed = (id: string, invoiceId: string) => ({ id, type: 'payment.failed', occurredAt: at(1), invoiceId });

    const answer = await send(
      { ...failed('evt_pay_1', 'in_1'), ...payment, attemptCount: 2, declineCode: 'insufficient_funds' },
      { ...failed('evt_pay_2', 'in_2'), ...payment, nextRetryAt: '2025-03-04T12:00:00Z', failureMessage: 'Declined' },
      { id: 'evt_pay_3', type: 'payment.recovered', occurredAt: at(2), accountId: 'cus_cy', invoiceId: 'in_1' },
      {
        id: 'evt_pay_4',
        type: 'payment.closed',
        occurredAt: at(3),
        accountId: 'cus_cy',
        invoiceId: 'in_2',
        status: 'uncollectible',
      },
    );

    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual(Array(4).fill('accepted'));
    const account = await findAccount('cus_cy');
    expect(await findFailure('in_1')).toMatchObject({
      accountId: account.id,
      amountMinor: 2500,
      currency: 'EUR',
      attemptCount: 2,
      declineCode: 'insufficient_funds',
      failedAt: new Date(at(1)),
      status: 'recovered',
      resolvedAt: new Date(at(2)),
    });
    expect(await findFailure('in_2')).toMatchObject({
      attemptCount: 1,
      failureMessage: 'Declined',
      status: 'uncollectible',
      resolvedAt: new Date(at(3)),
      nextRetryAt: null,
    });
  });
});

describe('POST /api/events: a batch with a bad event', () => {
  it('accepts the good events, rejects the bad one with its message, and stores only the good ones', async () => {
    const subscription = { type: 'subscription.changed', accountId: 'cus_dee', status: 'active', currency: 'USD' };

    const answer = await send(
      { ...subscription, id: 'evt_batch_1', occurredAt: at(1), mrrMinor: 1000 },
      { ...subscription, id: 'evt_batch_2', occurredAt: at(2), mrrMinor: 12.5 },
      { id: 'evt_batch_3', type: 'account.updated', occurredAt: at(3), account: { id: 'cus_dee', name: 'Dee' } },
    );

    expect(answer).toEqual({
      status: 200,
      body: {
        results: [
          { index: 0, id: 'evt_batch_1', status: 'accepted' },
          {
            index: 1,
            id: 'evt_batch_2',
            status: 'rejected',
            errors: [
              {
                path: 'events[1].mrrMinor',
                message: 'events[1].mrrMinor: expected an integer (minor units), got 12.5',
              },
            ],
          },
          { index: 2, id: 'evt_batch_3', status: 'accepted' },
        ],
      },
    });
    expect(await findAccount('cus_dee')).toMatchObject({ name: 'Dee', mrrMinor: 1000, status: 'active' });
    const stored = await app.db.prisma.billingEvent.findMany({
      where: { eventId: { startsWith: 'evt_batch_' } },
      orderBy: { eventId: 'asc' },
    });
    expect(stored.map((event) => event.eventId)).toEqual(['evt_batch_1', 'evt_batch_3']);
  });

  it('echoes a null id for an event without one', async () => {
    const answer = await send(42);

    expect(answer.body.results).toEqual([
      {
        index: 0,
        id: null,
        status: 'rejected',
        errors: [
          { path: 'events[0]', message: 'events[0]: expected an event object with id, type and occurredAt, got 42' },
        ],
      },
    ]);
  });
});
