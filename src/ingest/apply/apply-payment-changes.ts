import type { PaymentFailureStatus } from '../../generated/prisma/enums.ts';
import type { PaymentClosed, PaymentFailed, PaymentRecovered } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { applyToAccount, isStale } from './ensure-account.ts';
import type { Query } from './query.ts';

// One statement in the usual case, where the account exists: a webhook's cost is mostly its round trips.
const OPEN_FAILURE = `
  WITH account AS (SELECT id FROM "Account" WHERE "source" = $1 AND "externalId" = $2), written AS (
    INSERT INTO "PaymentFailure" ("accountId", "source", "invoiceId", "amountMinor", "currency", "attemptCount",
      "nextRetryAt", "declineCode", "failureMessage", "failedAt", "status", "sourceUpdatedAt", "updatedAt")
    SELECT id, $1, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $10, now() FROM account
    ON CONFLICT ("source", "invoiceId") DO UPDATE SET "amountMinor" = EXCLUDED."amountMinor",
      "currency" = EXCLUDED."currency", "attemptCount" = EXCLUDED."attemptCount",
      "nextRetryAt" = EXCLUDED."nextRetryAt", "declineCode" = EXCLUDED."declineCode",
      "failureMessage" = EXCLUDED."failureMessage", "status" = 'open', "resolvedAt" = NULL,
      "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt", "updatedAt" = now()
    -- An older event never overwrites what a newer one wrote.
    WHERE "PaymentFailure"."sourceUpdatedAt" IS NULL
       OR "PaymentFailure"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM account)::int4 AS found, (SELECT count(*) FROM written)::int4 AS written`;

/** A failed charge opens (or updates) the invoice's payment failure. */
export async function applyPaymentFailed(query: Query, change: PaymentFailed): Promise<ChangeOutcome> {
  const parameters = [
    change.account.source,
    change.account.externalId,
    change.invoiceId,
    change.amountMinor,
    change.currency,
    change.attemptCount,
    change.nextRetryAt,
    change.declineCode,
    change.failureMessage,
    change.observedAt,
  ];
  const { written } = await applyToAccount(query, change.account, OPEN_FAILURE, parameters);
  return written > 0 ? 'written' : 'stale';
}

// A failure nobody saw open, recorded as settled already; a failure that exists meanwhile is left as it is.
const SETTLED_FAILURE = `
  WITH account AS (SELECT id FROM "Account" WHERE "source" = $1 AND "externalId" = $2), written AS (
    INSERT INTO "PaymentFailure" ("accountId", "source", "invoiceId", "amountMinor", "currency", "attemptCount",
      "failedAt", "status", "resolvedAt", "sourceUpdatedAt", "updatedAt")
    SELECT id, $1, $3, $4, $5, $6, $7, $8::"PaymentFailureStatus", $7, $7, now() FROM account
    ON CONFLICT ("source", "invoiceId") DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM account)::int4 AS found, (SELECT count(*) FROM written)::int4 AS written`;

/**
 * A settled invoice with no failure on record. Paid at the first attempt is the normal case: nothing to
 * resolve. Settled after several attempts, it did fail, and that event can still arrive late: the failure
 * is recorded as settled (when it failed is unknown; the settlement time stands in), so the late event
 * finds a newer state and changes nothing, instead of opening a failure and dunning a paid invoice.
 */
async function recordSettledFailure(
  query: Query,
  change: PaymentRecovered | PaymentClosed,
  status: Exclude<PaymentFailureStatus, 'open'>,
): Promise<ChangeOutcome> {
  const { invoice } = change;
  if (!invoice || invoice.attemptCount <= 1) return 'unchanged';
  const parameters = [
    change.account.source,
    change.account.externalId,
    change.invoiceId,
    invoice.amountMinor,
    invoice.currency,
    invoice.attemptCount,
    change.observedAt,
    status,
  ];
  const { written } = await applyToAccount(query, change.account, SETTLED_FAILURE, parameters);
  return written > 0 ? 'written' : 'unchanged';
}

async function resolveFailure(
  query: Query,
  change: PaymentRecovered | PaymentClosed,
  status: Exclude<PaymentFailureStatus, 'open'>,
): Promise<ChangeOutcome> {
  const [existing] = await query<{ id: string; status: PaymentFailureStatus; sourceUpdatedAt: Date | null }>(
    `SELECT id, status, "sourceUpdatedAt" FROM "PaymentFailure" WHERE "source" = $1 AND "invoiceId" = $2 FOR UPDATE`,
    [change.account.source, change.invoiceId],
  );
  if (!existing) return recordSettledFailure(query, change, status);
  if (isStale(existing.sourceUpdatedAt, change.observedAt)) return 'stale';
  if (existing.status === status) return 'unchanged';

  await query(
    `UPDATE "PaymentFailure" SET "status" = $2::"PaymentFailureStatus", "resolvedAt" = $3, "nextRetryAt" = NULL,
       "sourceUpdatedAt" = $3, "updatedAt" = now()
     WHERE id = $1`,
    [existing.id, status, change.observedAt],
  );
  return 'written';
}

export function applyPaymentRecovered(query: Query, change: PaymentRecovered) {
  return resolveFailure(query, change, 'recovered');
}

export function applyPaymentClosed(query: Query, change: PaymentClosed) {
  return resolveFailure(query, change, change.status);
}
