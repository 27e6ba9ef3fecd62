import type Stripe from 'stripe';
import type { IngestChange } from '../changes.ts';
import { toDate } from './read-stripe-values.ts';

/**
 * A Stripe customer's contact details. The company comes from `metadata.company`, else from Stripe's own
 * business name; when neither is set the company is left as winback knows it.
 */
export function mapCustomerEvent(event: Stripe.CustomerCreatedEvent | Stripe.CustomerUpdatedEvent): IngestChange[] {
  const customer = event.data.object;
  const company = customer.metadata.company || customer.business_name;
  return [
    {
      kind: 'account.upsert',
      account: { source: 'stripe', externalId: customer.id },
      observedAt: toDate(event.created),
      fields: { name: customer.name ?? null, email: customer.email, ...(company ? { company } : {}) },
    },
  ];
}
