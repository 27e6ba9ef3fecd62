import type { Prisma } from '../../generated/prisma/client.ts';
import type { IngestChange } from '../changes.ts';
import { applyCardExpiring, applyCheckoutChange } from './apply-card-and-checkout.ts';
import { applyPaymentClosed, applyPaymentFailed, applyPaymentRecovered } from './apply-payment-changes.ts';
import { applySubscriptionChange } from './apply-subscription-change.ts';
import { queryInTransaction } from './query.ts';
import { upsertAccounts } from './upsert-accounts.ts';

/** What happened to one change: written, or left alone because it was stale or had nothing new. */
export type ChangeOutcome = 'written' | 'unchanged' | 'stale';

/** Applies one change inside the caller's transaction. */
export async function applyChange(tx: Prisma.TransactionClient, change: IngestChange): Promise<ChangeOutcome> {
  switch (change.kind) {
    case 'account.upsert': {
      const counts = await upsertAccounts(queryInTransaction(tx), [change]);
      return counts.unchanged > 0 ? 'unchanged' : 'written';
    }
    case 'subscription.changed':
      return applySubscriptionChange(tx, change);
    case 'payment.failed':
      return applyPaymentFailed(tx, change);
    case 'payment.recovered':
      return applyPaymentRecovered(tx, change);
    case 'payment.closed':
      return applyPaymentClosed(tx, change);
    case 'card.expiring':
      return applyCardExpiring(tx, change);
    case 'checkout.changed':
      return applyCheckoutChange(tx, change);
  }
}
