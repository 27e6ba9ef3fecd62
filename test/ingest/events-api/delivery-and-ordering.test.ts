import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { retryBillingEvents } from '../../../src/jobs/retry-billing-events.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { at, postEvents } from './post-events.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

const send = (...events: unknown[]) => postEvents(app.baseUrl, { source: 'chargebee', events });
const statuses = (answer: { body: { results: { status: string }[] } }) => answer.body.results.map((r) => r.status);
const findAccount = (externalId: string) =>
  app.db.prisma.account.findUniqueOrThrow({ where: { source_externalId: { source: 'api:chargebee', externalId } } });
const subscription = (id: string, minute: number, fields: object) => ({
  id,
  type: 'subscription.changed',
  occurredAt: at(minute),
  currency: 'USD',
  ...fields,
});

describe('POST /api/events: redelivery', () => {
  it('answers duplicate to an id already stored and changes nothing, even when the content differs', async () => {
    const first = subscription('evt_dup_1', 1, { accountId: 'cus_eve', status: 'churned', mrrMinor: 5000 });
    const back = subscription('evt_dup_2', 2, { accountId: 'cus_eve', status: 'active', mrrMinor: 5000 });
    await send(first, back);
    const before = await findAccount('cus_eve');

    const again = await send(first, { ...back, mrrMinor: 1 }, { ...back, occurredAt: at(3) });

    expect(again.body.results).toEqual([
      { index: 0, id: 'evt_dup_1', status: 'duplicate' },
      { index: 1, id: 'evt_dup_2', status: 'duplicate' },
      { index: 2, id: 'evt_dup_2', status: 'duplicate' },
    ]);
    expect(await findAccount('cus_eve')).toEqual(before);
    expect(await app.db.prisma.billingEvent.count({ where: { eventId: { startsWith: 'evt_dup_' } } })).toBe(2);
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: before.id } })).toBe(1);
  });

  it('keeps ids of different sources apart', async () => {
    const event = { id: 'evt_shared', type: 'account.updated', occurredAt: at(1), account: { id: 'cus_1' } };

    const answers = [await send(event), await postEvents(app.baseUrl, { source: 'paddle', events: [event] })];

    expect(answers.flatMap(statuses)).toEqual(['accepted', 'accepted']);
    const sources = await app.db.prisma.billingEvent.findMany({
      where: { eventId: 'evt_shared' },
      orderBy: { source: 'asc' },
    });
    expect(sources.map((stored) => stored.source)).toEqual(['api:chargebee', 'api:paddle']);
  });
});

describe('POST /api/events: ordering', () => {
  it('keeps a payment settled after several attempts settled when its older failure arrives late', async () => {
    const invoice = { accountId: 'cus_ida', invoiceId: 'in_ida' };
    const recovered = { id: 'evt_ida_paid', type: 'payment.recovered', occurredAt: at(10), ...invoice };
    const failed = { id: 'evt_ida_failed', type: 'payment.failed', occurredAt: at(5), ...invoice };

    const answer = await send(
      { ...recovered, attemptCount: 2, amountMinor: 4900, currency: 'gbp' },
      { ...failed, amountMinor: 4900, currency: 'GBP' },
    );

    expect(statuses(answer)).toEqual(['accepted', 'accepted']);
    expect(await app.db.prisma.paymentFailure.findFirstOrThrow({ where: { invoiceId: 'in_ida' } })).toMatchObject({
      status: 'recovered',
      amountMinor: 4900,
      currency: 'GBP',
      attemptCount: 2,
      resolvedAt: new Date(at(10)),
    });
  });

  it('does not let an event older than the stored state overwrite it', async () => {
    await send(subscription('evt_new_1', 5, { accountId: 'cus_fay', status: 'active', plan: 'pro', mrrMinor: 9900 }), {
      id: 'evt_new_2',
      type: 'account.updated',
      occurredAt: at(5),
      account: { id: 'cus_fay', name: 'Fay' },
    });

    const late = await send(
      subscription('evt_old_1', 4, { accountId: 'cus_fay', status: 'churned', plan: 'basic', mrrMinor: 100 }),
      { id: 'evt_old_2', type: 'account.updated', occurredAt: at(4), account: { id: 'cus_fay', name: 'Old Fay' } },
    );

    expect(statuses(late)).toEqual(['accepted', 'accepted']);
    expect(await findAccount('cus_fay')).toMatchObject({
      name: 'Fay',
      status: 'active',
      plan: 'pro',
      mrrMinor: 9900,
      lostMrrMinor: null,
      sourceUpdatedAt: new Date(at(5)),
    });
  });
});

describe('POST /api/events: text PostgreSQL cannot store', () => {
  it('rejects only the event with a NUL character, saying where, and accepts the others', async () => {
    const named = (id: string, name: string) => ({
      id,
      type: 'account.updated',
      occurredAt: at(1),
      account: { id: `cus_${id}`, name },
    });

    const answer = await send(named('nul_before', 'Ada'), named('nul_bad', 'A\u0000B'), named('nul_after', 'Bo'));

    expect(answer.body.results).toEqual([
      { index: 0, id: 'nul_before', status: 'accepted' },
      {
        index: 1,
        id: 'nul_bad',
        status: 'rejected',
        errors: [
          expect.objectContaining({
            message: expect.stringContaining('events[1].account.name: expected text without NUL characters'),
          }),
        ],
      },
      { index: 2, id: 'nul_after', status: 'accepted' },
    ]);
    expect(await app.db.prisma.billingEvent.count({ where: { eventId: { startsWith: 'nul_' } } })).toBe(2);
  });
});

describe('POST /api/events: processing that fails', () => {
  it('answers failed, keeps the event stored for the retry job, and the retry job applies it', async () => {
    // A trigger stands in for a database fault: the event is valid, applying it is what fails.
    await app.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_failures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'payment failures are refused for this test'; END $$`);
    await app.db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER refuse BEFORE INSERT ON "PaymentFailure" FOR EACH ROW EXECUTE FUNCTION refuse_failures()',
    );
    const event = {
      id: 'evt_fail_1',
      type: 'payment.failed',
      occurredAt: at(1),
      accountId: 'cus_gus',
      invoiceId: 'in_gus',
      amountMinor: 1200,
      currency: 'USD',
    };

    const answer = await send(event);
    await app.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse ON "PaymentFailure"');

    expect(answer.body.results).toEqual([{ index: 0, id: 'evt_fail_1', status: 'failed' }]);
    const stored = await app.db.prisma.billingEvent.findFirstOrThrow({ where: { eventId: 'evt_fail_1' } });
    expect(stored).toMatchObject({ processedAt: null, attempts: 1 });
    expect(stored.lastError).toContain('payment failures are refused for this test');
    expect(await app.db.prisma.paymentFailure.count({ where: { invoiceId: 'in_gus' } })).toBe(0);

    const inTwoMinutes = new Date(Date.now() + 120_000);
    expect(await retryBillingEvents(app.db, pino({ level: 'silent' }), inTwoMinutes)).toBe(1);
    expect(await app.db.prisma.paymentFailure.findFirst({ where: { invoiceId: 'in_gus' } })).toMatchObject({
      amountMinor: 1200,
      status: 'open',
    });
  });
});

describe('POST /api/events: the largest batch', () => {
  // Events are applied one at a time, in request order: a full batch takes seconds on two busy cores.
  it('accepts exactly 1,000 events', { timeout: 60_000 }, async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `evt_bulk_${i}`,
      type: 'account.updated',
      occurredAt: at(1),
      account: { id: `cus_bulk_${i}`, plan: 'starter' },
    }));

    const answer = await postEvents(app.baseUrl, { source: 'bulk', events });

    expect(answer.status).toBe(200);
    expect(new Set(statuses(answer))).toEqual(new Set(['accepted']));
    expect(await app.db.prisma.account.count({ where: { source: 'api:bulk', plan: 'starter' } })).toBe(1000);
  });
});
