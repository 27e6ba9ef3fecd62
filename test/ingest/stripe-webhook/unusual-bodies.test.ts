import { beforeAll, describe, expect, it } from 'vitest';
import { signStripeTestPayload } from '../../../src/ingest/stripe/verify-stripe-signature.ts';
import { STRIPE_SECRET, startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, countRows, findAccount, findBillingEvents, postWebhook } from './send-stripe-event.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const postSigned = (body: string) => postWebhook(app, body, signStripeTestPayload(body, STRIPE_SECRET));

describe('POST /webhooks/stripe: signed bodies that are not ordinary events', () => {
  it.each([
    ['a JSON array', '[1,2,3]', 'event: expected an event object with id, type, created and data'],
    [
      'an event without an id',
      JSON.stringify({ object: 'event', type: 'customer.created', created: 1_700_000_000, data: { object: {} } }),
      'id: expected the event id as text',
    ],
    [
      'a created time that is not whole seconds',
      JSON.stringify({ id: 'evt_x', type: 'customer.created', created: 'yesterday', data: { object: {} } }),
      'created: expected whole seconds since 1970',
    ],
    [
      'a created time past the year 9999',
      JSON.stringify({ id: 'evt_y', type: 'customer.created', created: 1e20, data: { object: {} } }),
      'created: expected whole seconds since 1970, before the year 10000',
    ],
    [
      'no data object',
      JSON.stringify({ id: 'evt_z', type: 'customer.created', created: 1_700_000_000, data: null }),
      'data: expected an object with the event’s object',
    ],
  ])('refuses %s with 400 and says what is wrong, storing nothing', async (_name, body, problem) => {
    const before = await countRows(app);

    const reply = await postSigned(body);

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'malformed_payload' });
    expect((reply.body as { message: string }).message).toContain(problem);
    expect(await countRows(app)).toEqual(before);
  });

  it('answers a body over 1 MB with 413 in JSON, not an error page', async () => {
    const event = capturedEvent('customer.created', { id: 'evt_huge', customer: 'cus_huge' });
    const body = JSON.stringify({ ...event, padding: 'x'.repeat(1_100_000) });

    const reply = await postSigned(body);

    expect(reply).toEqual({
      status: 413,
      body: { error: 'body_too_large', message: 'The body is over the 1mb limit.' },
    });
    expect(await findBillingEvents(app, 'evt_huge')).toEqual([]);
  });

  it('stores and applies an event whose text holds a NUL character, which becomes U+FFFD', async () => {
    const event = capturedEvent('customer.created', { id: 'evt_nul', customer: 'cus_nul' });
    (event.data.object as { name: string }).name = 'Ada\u0000 Lovelace';

    const reply = await postSigned(JSON.stringify(event));

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await findAccount(app, 'cus_nul')).toMatchObject({ name: 'Ada\uFFFD Lovelace' });
    const [stored] = await findBillingEvents(app, 'evt_nul');
    expect(stored).toMatchObject({ processedAt: expect.any(Date), lastError: null });
    expect((stored?.payload as { data: { object: { name: string } } }).data.object.name).toBe('Ada\uFFFD Lovelace');
  });
});
