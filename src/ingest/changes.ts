import type { ChurnReason } from '../domain/churn-reason.ts';

/**
 * What an ingest source (Stripe webhook, CSV file, JSON events API) learned, as plain values.
 * Sources translate their own formats into these; src/ingest/apply-changes.ts writes them.
 * `observedAt` is when the source says the fact became true: an older observation never
 * overwrites state written from a newer one.
 */
export type IngestChange =
  | AccountUpsert
  | SubscriptionChange
  | PaymentFailed
  | PaymentRecovered
  | PaymentClosed
  | CardExpiring
  | CheckoutChange;

export interface AccountRef {
  /** stripe, csv, or api:<system>. */
  source: string;
  externalId: string;
}

export interface AccountUpsert {
  kind: 'account.upsert';
  account: AccountRef;
  observedAt: Date;
  /** Only the fields present are written; undefined means "not known from this source". */
  fields: Partial<{
    name: string | null;
    company: string | null;
    contactName: string | null;
    email: string | null;
    timezone: string | null;
    locale: string | null;
    plan: string | null;
    mrrMinor: number;
    currency: string;
    seats: number | null;
    totalPaidMinor: number | null;
    paymentCount: number | null;
    tenureMonths: number | null;
    lastPaymentAt: Date | null;
    startedAt: Date | null;
    churnedAt: Date | null;
    status: 'trialing' | 'active' | 'past_due' | 'churned';
    churnReason: ChurnReason | null;
    churnReasonText: string | null;
    emailConsent: boolean;
    attributes: Record<string, string | number | boolean | null>;
  }>;
}

/** A subscription's state; the applier turns churned → active into a reactivation outcome. */
export interface SubscriptionChange {
  kind: 'subscription.changed';
  account: AccountRef;
  observedAt: Date;
  status: 'trialing' | 'active' | 'past_due' | 'churned';
  plan: string | null;
  mrrMinor: number;
  currency: string;
  seats: number | null;
  startedAt: Date | null;
  churnedAt: Date | null;
  churnReason: ChurnReason | null;
  churnReasonText: string | null;
  /** The id of the event that carried it, for exactly-once outcomes. */
  sourceKey: string;
}

export interface PaymentFailed {
  kind: 'payment.failed';
  account: AccountRef;
  observedAt: Date;
  invoiceId: string;
  amountMinor: number;
  currency: string;
  attemptCount: number;
  nextRetryAt: Date | null;
  declineCode: string | null;
  failureMessage: string | null;
}

/**
 * The invoice as a settlement sees it, when the source says. More than one attempt means a failure
 * happened, and its event may still be on its way.
 */
export interface SettledInvoice {
  attemptCount: number;
  amountMinor: number;
  currency: string;
}

export interface PaymentRecovered {
  kind: 'payment.recovered';
  account: AccountRef;
  observedAt: Date;
  invoiceId: string;
  invoice?: SettledInvoice;
}

/** The invoice was voided or marked uncollectible: dunning stops, the failure is closed. */
export interface PaymentClosed {
  kind: 'payment.closed';
  account: AccountRef;
  observedAt: Date;
  invoiceId: string;
  status: 'void' | 'uncollectible';
  invoice?: SettledInvoice;
}

export interface CardExpiring {
  kind: 'card.expiring';
  account: AccountRef;
  observedAt: Date;
  paymentMethodId: string;
  brand: string | null;
  last4: string | null;
  expMonth: number;
  expYear: number;
}

export interface CheckoutChange {
  kind: 'checkout.changed';
  account: AccountRef | null;
  observedAt: Date;
  externalId: string;
  email: string | null;
  status: 'open' | 'complete' | 'expired';
  amountMinor: number | null;
  currency: string | null;
  startedAt: Date;
  expiresAt: Date | null;
}
