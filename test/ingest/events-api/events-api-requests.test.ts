import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { at, postEvents } from './post-events.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

const recovered = (i: number) => ({
  id: `evt_${i}`,
  type: 'payment.recovered',
  occurredAt: at(0),
  accountId: `cus_${i}`,
  invoiceId: `in_${i}`,
});

const storedEvents = () => app.db.prisma.billingEvent.count();

describe('POST /api/events: who may send', () => {
  it('answers 401 without an Authorization header and stores nothing', async () => {
    const answer = await postEvents(app.baseUrl, { source: 'chargebee', events: [recovered(1)] }, { token: null });

    expect(answer).toEqual({
      status: 401,
      body: { error: 'unauthorized', message: 'send the header Authorization: Bearer <WINBACK_API_TOKEN>' },
    });
    expect(await storedEvents()).toBe(0);
  });

  it.each([
    ['a wrong token', 'test-api-token-0123456789abcdeX'],
    ['the token with one character more', 'test-api-token-0123456789abcdef0'],
  ])('answers 401 to %s and stores nothing', async (_, token) => {
    const answer = await postEvents(app.baseUrl, { source: 'chargebee', events: [recovered(1)] }, { token });

    expect(answer).toEqual({
      status: 401,
      body: { error: 'unauthorized', message: 'the bearer token does not match WINBACK_API_TOKEN' },
    });
    expect(await storedEvents()).toBe(0);
  });
});

describe('POST /api/events: limits', () => {
  it('answers 413 to 1,001 events, naming the limit, and stores none of them', async () => {
    const events = Array.from({ length: 1001 }, (_, i) => recovered(i));

    const answer = await postEvents(app.baseUrl, { source: 'chargebee', events });

    expect(answer).toEqual({
      status: 413,
      body: { error: 'too_many_events', message: 'a request carries at most 1000 events, got 1001; split the batch' },
    });
    expect(await storedEvents()).toBe(0);
  });

  it('answers 413 to a body over 2 MB and stores nothing', async () => {
    const padding = 'x'.repeat(2 * 1024 * 1024);
    const answer = await postEvents(app.baseUrl, { source: 'chargebee', events: [{ ...recovered(1), padding }] });

    expect(answer).toEqual({
      status: 413,
      body: { error: 'body_too_large', message: 'the body is over the 2 MB limit; send fewer events per request' },
    });
    expect(await storedEvents()).toBe(0);
  });
});

describe('POST /api/events: the envelope', () => {
  it('answers 400 naming every problem with its path', async () => {
    const answer = await postEvents(app.baseUrl, { source: 'Charge Bee', event: [] });

    const source =
      'expected the name of your billing system: 1 to 40 of a-z, 0-9, _ and -, such as chargebee, got "Charge Bee"';
    const errors = [
      { path: 'source', message: `source: ${source}` },
      { path: 'events', message: 'events: missing; expected an array of events' },
      { path: 'event', message: 'event: unknown field; the request body has source, events' },
    ];
    expect(answer).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: errors.map((error) => error.message).join('; '), errors },
    });
  });

  it('answers 400 when the body is not JSON', async () => {
    const answer = await postEvents(app.baseUrl, '{"source": "chargebee", ');

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_json',
      message: expect.stringMatching(/^the body is not valid JSON: /),
    });
  });

  it('reads the body as JSON whatever its content type, as curl -d sends form encoding', async () => {
    const body = { source: 'chargebee', events: [] };

    const answer = await postEvents(app.baseUrl, body, { contentType: 'application/x-www-form-urlencoded' });

    expect(answer).toEqual({ status: 200, body: { results: [] } });
  });
});

describe('POST /api/events: switched off', () => {
  it('is not mounted when WINBACK_API_TOKEN is unset', async () => {
    const off = await startTestApp({ WINBACK_API_TOKEN: undefined });

    const response = await fetch(`${off.baseUrl}/api/events`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
  });
});
