import type Stripe from 'stripe';
import { STRIPE_WEBHOOK_PATH } from '../../../src/http/stripe-webhook.ts';
import { signStripeTestPayload } from '../../../src/ingest/stripe/verify-stripe-signature.ts';
import { STRIPE_SECRET, type TestApp } from '../../support/test-app.ts';
import { loadStripeEvent } from '../stripe/stripe-fixtures.ts';

export interface WebhookReply {
  status: number;
  body: unknown;
}

/** Posts the bytes exactly as given; an undefined signature sends no Stripe-Signature header at all. */
export async function postWebhook(app: TestApp, body: string, signature: string | undefined): Promise<WebhookReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (signature !== undefined) headers['stripe-signature'] = signature;

  const response = await fetch(`${app.baseUrl}${STRIPE_WEBHOOK_PATH}`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
}

/** Serialises and signs the event with the test secret, as Stripe does for each delivery, and posts those bytes. */
export function sendStripeEvent(app: TestApp, event: Stripe.Event, signedAt?: Date): Promise<WebhookReply> {
  const body = JSON.stringify(event);
  return postWebhook(app, body, signStripeTestPayload(body, STRIPE_SECRET, signedAt));
}

/**
 * A captured event with its own event id and customer. Every captured fixture carries the same event id, so
 * a second one would be a redelivery, and the same customer, so the tests of a file would share one account.
 */
export function capturedEvent<E extends Stripe.Event = Stripe.Event>(
  name: string,
  ids: { id: string; customer: string },
): E {
  const event = loadStripeEvent<E>(name);
  event.id = ids.id;
  const object = event.data.object as { object: string; id: string; customer?: unknown };
  if (object.object === 'customer') object.id = ids.customer;
  else if ('customer' in object) object.customer = ids.customer;
  return event;
}

/** The winback account a Stripe customer id stands for. */
export function findAccount(app: TestApp, customer: string) {
  return app.db.prisma.account.findUniqueOrThrow({
    where: { source_externalId: { source: 'stripe', externalId: customer } },
  });
}

export function findBillingEvents(app: TestApp, eventId: string) {
  return app.db.prisma.billingEvent.findMany({ where: { source: 'stripe', eventId } });
}

/** The account's audit trail, oldest first, without the generated id and time. */
export async function auditTrail(app: TestApp, accountId: string) {
  const entries = await app.db.prisma.auditEntry.findMany({ where: { entityId: accountId }, orderBy: { id: 'asc' } });
  return entries.map(({ actor, action, entityType, before, after }) => ({ actor, action, entityType, before, after }));
}

/** Row counts of every table a billing event can write, to show that a request changed nothing. */
export async function countRows(app: TestApp) {
  const { prisma } = app.db;
  const [billingEvents, accounts, paymentFailures, cardExpiries, checkouts, outcomes, auditEntries] = await Promise.all(
    [
      prisma.billingEvent.count(),
      prisma.account.count(),
      prisma.paymentFailure.count(),
      prisma.cardExpiry.count(),
      prisma.checkout.count(),
      prisma.winbackOutcome.count(),
      prisma.auditEntry.count(),
    ],
  );
  return { billingEvents, accounts, paymentFailures, cardExpiries, checkouts, outcomes, auditEntries };
}
