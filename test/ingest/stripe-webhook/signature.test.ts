import { beforeAll, describe, expect, it } from 'vitest';
import { signStripeTestPayload } from '../../../src/ingest/stripe/verify-stripe-signature.ts';
import { STRIPE_SECRET, startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, countRows, postWebhook } from './send-stripe-event.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

function signedChurn(id: string, signedAt?: Date) {
  const body = JSON.stringify(capturedEvent('customer.subscription.deleted', { id, customer: 'cus_refused' }));
  return { body, signature: signStripeTestPayload(body, STRIPE_SECRET, signedAt) };
}

describe('POST /webhooks/stripe: requests that are refused', () => {
  it('refuses a body changed by one byte after signing with 400 bad_signature and stores nothing', async () => {
    const { body, signature } = signedChurn('evt_tampered');
    // 1500 becomes 9500: still valid JSON, so only the signature can catch it.
    const tampered = body.replace('"unit_amount":1500', '"unit_amount":9500');
    expect(tampered).toHaveLength(body.length);
    const before = await countRows(app);

    const reply = await postWebhook(app, tampered, signature);

    expect(reply).toEqual({ status: 400, body: { error: 'bad_signature', message: expect.any(String) } });
    expect(await countRows(app)).toEqual(before);
  });

  it('refuses a genuine signature made 10 minutes ago with 400 stale_timestamp and stores nothing', async () => {
    const { body, signature } = signedChurn('evt_stale', new Date(Date.now() - 10 * 60_000));
    const before = await countRows(app);

    const reply = await postWebhook(app, body, signature);

    expect(reply).toEqual({ status: 400, body: { error: 'stale_timestamp', message: expect.any(String) } });
    expect(await countRows(app)).toEqual(before);
  });

  it('accepts a signature made 4 minutes ago, inside the 5-minute tolerance', async () => {
    const { body, signature } = signedChurn('evt_recent', new Date(Date.now() - 4 * 60_000));

    expect(await postWebhook(app, body, signature)).toEqual({ status: 200, body: { received: true } });
  });

  it('refuses a request without a Stripe-Signature header with 400 missing_signature and stores nothing', async () => {
    const { body } = signedChurn('evt_unsigned');
    const before = await countRows(app);

    const reply = await postWebhook(app, body, undefined);

    expect(reply).toEqual({ status: 400, body: { error: 'missing_signature', message: expect.any(String) } });
    expect(await countRows(app)).toEqual(before);
  });

  it('refuses a body signed with another secret with 400 bad_signature', async () => {
    const { body } = signedChurn('evt_other_secret');

    const reply = await postWebhook(app, body, signStripeTestPayload(body, 'whsec_someone_else'));

    expect(reply).toMatchObject({ status: 400, body: { error: 'bad_signature' } });
  });
});
