import type { SubscriptionChange } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { applyToAccount } from './ensure-account.ts';
import type { Query } from './query.ts';

/**
 * One statement for the whole change, since a webhook's cost is mostly its round trips: lock the account,
 * update it unless a newer event already did, audit a status change, and record a reactivation once per
 * source event. Churn columns are written only on churn, so a later state keeps the last churn's facts;
 * a reason the team logged from talking to the customer outranks the cancel form's.
 */
const APPLY_SUBSCRIPTION = `
  WITH previous AS (
    SELECT id, status, "mrrMinor" FROM "Account" WHERE "source" = $1 AND "externalId" = $2 FOR UPDATE
  ), changed AS (
    UPDATE "Account" a SET "status" = $3::"AccountStatus", "plan" = $4, "mrrMinor" = $5, "currency" = $6,
      "seats" = $7, "startedAt" = coalesce(a."startedAt", $8), "sourceUpdatedAt" = $9, "updatedAt" = now(),
      -- Only meaningful while churned: a second churn after a win-back is new again.
      "churnSeenAt" = CASE WHEN $10::bool THEN coalesce(a."churnSeenAt", now()) END,
      "churnedAt" = CASE WHEN $10 THEN $11 ELSE a."churnedAt" END,
      "lostMrrMinor" = CASE WHEN $10 THEN $5 ELSE a."lostMrrMinor" END,
      "churnReason" = CASE WHEN $10 THEN coalesce(a."churnReason", $12::"ChurnReason") ELSE a."churnReason" END,
      "churnReasonText" = CASE WHEN $10 THEN coalesce(a."churnReasonText", $13) ELSE a."churnReasonText" END,
      "reactivatedAt" = CASE WHEN p.status = 'churned' AND $3 IN ('active', 'trialing') THEN $9 ELSE a."reactivatedAt" END
    FROM previous p
    WHERE a.id = p.id AND (a."sourceUpdatedAt" IS NULL OR a."sourceUpdatedAt" <= $9)
    RETURNING a.id, p.status AS "previousStatus", p."mrrMinor" AS "previousMrrMinor",
      p.status = 'churned' AND a.status IN ('active', 'trialing') AS reactivated
  ), audited AS (
    INSERT INTO "AuditEntry" ("actor", "action", "entityType", "entityId", "before", "after")
    SELECT 'system:' || $1, CASE WHEN reactivated THEN 'account.reactivated' ELSE 'account.' || $3 END,
      'account', id::text, jsonb_build_object('status', "previousStatus", 'mrrMinor', "previousMrrMinor"),
      jsonb_build_object('status', $3, 'mrrMinor', $5)
    FROM changed WHERE "previousStatus" <> $3::"AccountStatus"
  ), recovered AS (
    INSERT INTO "WinbackOutcome" ("accountId", "kind", "recoveredMrrMinor", "currency", "sourceKey", "occurredAt")
    SELECT id, 'reactivated', $5, $6, $14, $9 FROM changed WHERE reactivated
    ON CONFLICT ("sourceKey") DO NOTHING
  )
  SELECT (SELECT count(*) FROM previous)::int4 AS found, (SELECT count(*) FROM changed)::int4 AS written`;

/** A subscription's new state. Churn keeps the last MRR as lost MRR; coming back from churn is a reactivation. */
export async function applySubscriptionChange(query: Query, change: SubscriptionChange): Promise<ChangeOutcome> {
  const parameters = [
    change.account.source,
    change.account.externalId,
    change.status,
    change.plan,
    change.mrrMinor,
    change.currency,
    change.seats,
    change.startedAt,
    change.observedAt,
    change.status === 'churned',
    change.churnedAt ?? change.observedAt,
    change.churnReason,
    change.churnReasonText,
    change.sourceKey,
  ];
  const { written } = await applyToAccount(query, change.account, APPLY_SUBSCRIPTION, parameters);
  return written > 0 ? 'written' : 'stale';
}
