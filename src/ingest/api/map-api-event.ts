import type { AccountRef, AccountUpsert, IngestChange } from '../changes.ts';
import type { ApiEvent } from './event-schema.ts';

/** Stored events and accounts from the events API carry `api:<system>`, so each system's ids stay its own. */
export const API_SOURCE_PREFIX = 'api:';

export const apiSource = (system: string) => `${API_SOURCE_PREFIX}${system}`;

type AccountFields = Extract<ApiEvent, { type: 'account.updated' }>['account'];

/**
 * What one validated events-API event tells winback, as plain changes. Pure: the caller has validated the
 * event (the schema's messages are the sender's), and the appliers decide what is stale.
 */
export function mapApiEvent(system: string, event: ApiEvent): IngestChange[] {
  const source = apiSource(system);
  const account = (externalId: string): AccountRef => ({ source, externalId });
  const observedAt = new Date(event.occurredAt);

  switch (event.type) {
    case 'account.updated': {
      const { id, ...fields } = event.account;
      return [{ kind: 'account.upsert', account: account(id), observedAt, fields: toAccountFields(fields) }];
    }
    case 'subscription.changed':
      return [
        {
          kind: 'subscription.changed',
          account: account(event.accountId),
          observedAt,
          status: event.status,
          plan: event.plan ?? null,
          mrrMinor: event.mrrMinor,
          currency: event.currency.toUpperCase(),
          seats: event.seats ?? null,
          startedAt: toDate(event.startedAt) ?? null,
          churnedAt: toDate(event.churnedAt) ?? null,
          churnReason: event.churnReason ?? null,
          churnReasonText: event.churnReasonText ?? null,
          sourceKey: `${source}:${event.id}`,
        },
      ];
    case 'payment.failed':
      return [
        {
          kind: 'payment.failed',
          account: account(event.accountId),
          observedAt,
          invoiceId: event.invoiceId,
          amountMinor: event.amountMinor,
          currency: event.currency.toUpperCase(),
          attemptCount: event.attemptCount ?? 1,
          nextRetryAt: toDate(event.nextRetryAt) ?? null,
          declineCode: event.declineCode ?? null,
          failureMessage: event.failureMessage ?? null,
        },
      ];
    case 'payment.recovered':
      return [
        {
          kind: 'payment.recovered',
          account: account(event.accountId),
          observedAt,
          invoiceId: event.invoiceId,
          ...settledInvoice(event),
        },
      ];
    case 'payment.closed':
      return [
        {
          kind: 'payment.closed',
          account: account(event.accountId),
          observedAt,
          invoiceId: event.invoiceId,
          status: event.status,
          ...settledInvoice(event),
        },
      ];
  }
}

/** Keeps absent fields absent: the upsert writes every key it is given, and absent means "not known". */
function toAccountFields(fields: Omit<AccountFields, 'id'>): AccountUpsert['fields'] {
  const { currency, locale, startedAt, churnedAt, ...rest } = fields;
  const mapped: AccountUpsert['fields'] = {
    ...rest,
    currency: currency?.toUpperCase(),
    // The schema accepted the tag, so canonicalising cannot throw: en-us is stored as en-US.
    locale: typeof locale === 'string' ? (Intl.getCanonicalLocales(locale)[0] ?? locale) : locale,
    startedAt: toDate(startedAt),
    churnedAt: toDate(churnedAt),
  };
  return Object.fromEntries(Object.entries(mapped).filter(([, value]) => value !== undefined));
}

/** undefined stays undefined (not known), null stays null (none). */
function toDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === 'string' ? new Date(value) : value;
}

/** The settled invoice's attempts and amount, when the sender gave them (the schema asks for all three). */
function settledInvoice(event: { attemptCount?: number; amountMinor?: number; currency?: string }) {
  const { attemptCount, amountMinor, currency } = event;
  if (attemptCount === undefined || amountMinor === undefined || currency === undefined) return {};
  return { invoice: { attemptCount, amountMinor, currency: currency.toUpperCase() } };
}
