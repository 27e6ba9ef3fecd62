import { readdirSync, readFileSync } from 'node:fs';
import type Stripe from 'stripe';

/** Captured Stripe events, copied into test/fixtures with their licence. */
const STRIPE_DATA = new URL('../../fixtures/stripe/', import.meta.url);
const WEBHOOK_FIXTURES = new URL('stripe-ruby-mock-webhook-fixtures/', STRIPE_DATA);

/** Every captured webhook fixture's file name, without `.json`. */
export function listStripeFixtures(): string[] {
  return readdirSync(WEBHOOK_FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));
}

/** A captured webhook event, typed as the event its file name says it is; a fresh copy on every call. */
export function loadStripeEvent<E extends Stripe.Event = Stripe.Event>(name: string): E {
  return JSON.parse(readFileSync(new URL(`${name}.json`, WEBHOOK_FIXTURES), 'utf8')) as E;
}

/** One of the official OpenAPI fixture objects (`resources[name]` of fixtures3.json). */
export function loadOpenApiResource<T>(name: string): T {
  const fixtures = JSON.parse(readFileSync(new URL('stripe-openapi-fixtures3.json', STRIPE_DATA), 'utf8'));
  return fixtures.resources[name] as T;
}

export function readStripeDataFile(path: string): string {
  return readFileSync(new URL(path, STRIPE_DATA), 'utf8');
}
