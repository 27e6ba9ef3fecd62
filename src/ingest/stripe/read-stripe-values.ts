import type { AccountRef } from '../changes.ts';

/** Webhook payloads carry the id; the SDK's types also allow the object expanded in its place. */
export type StripeRef = string | { id: string };

/** The winback account a Stripe customer id stands for; null when the object has no customer. */
export function readCustomerRef(customer: StripeRef | null | undefined): AccountRef | null {
  if (!customer) {
    return null;
  }

  return { source: 'stripe', externalId: typeof customer === 'string' ? customer : customer.id };
}

/** Stripe timestamps are whole seconds since the Unix epoch. */
export function toDate(unixSeconds: number): Date {
  return new Date(unixSeconds * 1000);
}

export function toOptionalDate(unixSeconds: number | null | undefined): Date | null {
  return unixSeconds == null ? null : toDate(unixSeconds);
}

/** Stripe sends ISO 4217 codes in lower case; winback stores them upper-case. */
export function toCurrencyCode(stripeCurrency: string): string {
  return stripeCurrency.toUpperCase();
}
