import type { IngestChange } from '../changes.ts';
import { applyCardExpiring, applyCheckoutChange } from './apply-card-and-checkout.ts';
import { applyPaymentClosed, applyPaymentFailed, applyPaymentRecovered } from './apply-payment-changes.ts';
import { applySubscriptionChange } from './apply-subscription-change.ts';
import type { Query } from './query.ts';
import { upsertAccounts } from './upsert-accounts.ts';

/** What happened to one change: written, or left alone because it was stale or had nothing new. */
export type ChangeOutcome = 'written' | 'unchanged' | 'stale';

/** Applies one change inside the caller's transaction. */
export async function applyChange(query: Query, change: IngestChange): Promise<ChangeOutcome> {
  switch (change.kind) {
    case 'account.upsert': {
      const counts = await upsertAccounts(query, [change]);
      return counts.unchanged > 0 ? 'unchanged' : 'written';
    }
    case 'subscription.changed':
      return applySubscriptionChange(query, change);
    case 'payment.failed':
      return applyPaymentFailed(query, change);
    case 'payment.recovered':
      return applyPaymentRecovered(query, change);
    case 'payment.closed':
      return applyPaymentClosed(query, change);
    case 'card.expiring':
      return applyCardExpiring(query, change);
    case 'checkout.changed':
      return applyCheckoutChange(query, change);
  }
}
