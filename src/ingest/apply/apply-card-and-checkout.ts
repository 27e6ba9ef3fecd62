import type { CardExpiring, CheckoutChange } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { ensureAccount } from './ensure-account.ts';
import type { Query } from './query.ts';

/** A card about to expire; dunning reminds the customer before it does. */
export async function applyCardExpiring(query: Query, change: CardExpiring): Promise<ChangeOutcome> {
  const account = await ensureAccount(query, change.account);
  await query(
    `INSERT INTO "CardExpiry" ("accountId", "source", "paymentMethodId", "brand", "last4", "expMonth", "expYear")
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT ("source", "paymentMethodId") DO UPDATE SET "brand" = EXCLUDED."brand",
       "last4" = EXCLUDED."last4", "expMonth" = EXCLUDED."expMonth", "expYear" = EXCLUDED."expYear"`,
    [
      account.id,
      change.account.source,
      change.paymentMethodId,
      change.brand,
      change.last4,
      change.expMonth,
      change.expYear,
    ],
  );
  return 'written';
}

/** An open, completed or expired checkout; open and expired ones feed the abandoned-checkout sequence. */
export async function applyCheckoutChange(query: Query, change: CheckoutChange): Promise<ChangeOutcome> {
  const account = change.account ? await ensureAccount(query, change.account) : null;
  const source = change.account?.source ?? 'stripe';
  // A completed checkout stays completed whatever older event arrives after it.
  const written = await query(
    `INSERT INTO "Checkout" ("source", "externalId", "accountId", "email", "status", "amountMinor", "currency",
       "startedAt", "expiresAt", "completedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ("source", "externalId") DO UPDATE SET "accountId" = EXCLUDED."accountId",
       "email" = EXCLUDED."email", "status" = EXCLUDED."status", "amountMinor" = EXCLUDED."amountMinor",
       "currency" = EXCLUDED."currency", "startedAt" = EXCLUDED."startedAt", "expiresAt" = EXCLUDED."expiresAt",
       "completedAt" = EXCLUDED."completedAt"
     WHERE "Checkout"."status" <> 'complete'
     RETURNING 1`,
    [
      source,
      change.externalId,
      account?.id ?? null,
      change.email,
      change.status,
      change.amountMinor,
      change.currency,
      change.startedAt,
      change.expiresAt,
      change.status === 'complete' ? change.observedAt : null,
    ],
  );
  return written.length > 0 ? 'written' : 'unchanged';
}
