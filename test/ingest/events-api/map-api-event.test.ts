import { describe, expect, it } from 'vitest';
import { type ApiEvent, apiEventSchema } from '../../../src/ingest/api/event-schema.ts';
import { mapApiEvent } from '../../../src/ingest/api/map-api-event.ts';

const T = '2025-03-01T13:00:00+01:00';
const observedAt = new Date('2025-03-01T12:00:00Z');
const account = { source: 'api:paddle', externalId: 'ctm_1' };
const event = (fields: object): ApiEvent => apiEventSchema.parse({ id: 'evt_1', occurredAt: T, ...fields });

describe('mapApiEvent', () => {
  it('writes only the account fields sent, with dates, a canonical locale and an uppercase currency', () => {
    const changes = mapApiEvent(
      'paddle',
      event({
        type: 'account.updated',
        account: { id: 'ctm_1', name: 'Ada', locale: 'fr-fr', mrrMinor: 4900, currency: 'eur', churnedAt: null },
      }),
    );

    expect(changes).toEqual([
      {
        kind: 'account.upsert',
        account,
        observedAt,
        fields: { name: 'Ada', locale: 'fr-FR', mrrMinor: 4900, currency: 'EUR', churnedAt: null },
      },
    ]);
  });

  it('fills what a subscription.changed leaves out with none and keys it by source and event id', () => {
    const changes = mapApiEvent(
      'paddle',
      event({ type: 'subscription.changed', accountId: 'ctm_1', status: 'churned', mrrMinor: 900, currency: 'usd' }),
    );

    expect(changes).toEqual([
      {
        kind: 'subscription.changed',
        account,
        observedAt,
        status: 'churned',
        plan: null,
        mrrMinor: 900,
        currency: 'USD',
        seats: null,
        startedAt: null,
        churnedAt: null,
        churnReason: null,
        churnReasonText: null,
        sourceKey: 'api:paddle:evt_1',
      },
    ]);
  });

  it('counts a payment.failed without attemptCount as the first attempt', () => {
    const changes = mapApiEvent(
      'paddle',
      event({
        type: 'payment.failed',
        accountId: 'ctm_1',
        invoiceId: 'txn_1',
        amountMinor: 900,
        currency: 'GBP',
        nextRetryAt: '2025-03-04T12:00:00Z',
      }),
    );

    expect(changes).toEqual([
      {
        kind: 'payment.failed',
        account,
        observedAt,
        invoiceId: 'txn_1',
        amountMinor: 900,
        currency: 'GBP',
        attemptCount: 1,
        nextRetryAt: new Date('2025-03-04T12:00:00Z'),
        declineCode: null,
        failureMessage: null,
      },
    ]);
  });

  it.each([
    [{ type: 'payment.recovered' }, { kind: 'payment.recovered' }],
    [
      { type: 'payment.closed', status: 'void' },
      { kind: 'payment.closed', status: 'void' },
    ],
    [
      { type: 'payment.closed', status: 'uncollectible' },
      { kind: 'payment.closed', status: 'uncollectible' },
    ],
  ])('maps %o onto the invoice', (fields, expected) => {
    const changes = mapApiEvent('paddle', event({ accountId: 'ctm_1', invoiceId: 'txn_1', ...fields }));

    expect(changes).toEqual([{ ...expected, account, observedAt, invoiceId: 'txn_1' }]);
  });
});
