import { recordAudit } from '../../audit/record-audit.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { SubscriptionChange } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { ensureAccount, isStale } from './ensure-account.ts';

/**
 * A subscription's new state. Churn keeps the last MRR as lost MRR; coming back from churn is
 * a reactivation, recorded once per source event as a win-back outcome with the recovered MRR.
 */
export async function applySubscriptionChange(
  tx: Prisma.TransactionClient,
  change: SubscriptionChange,
): Promise<ChangeOutcome> {
  const account = await ensureAccount(tx, change.account);
  if (isStale(account.sourceUpdatedAt, change.observedAt)) return 'stale';

  const churned = change.status === 'churned';
  const reactivated = account.status === 'churned' && (change.status === 'active' || change.status === 'trialing');
  const data: Prisma.AccountUpdateInput = {
    status: change.status,
    plan: change.plan,
    mrrMinor: change.mrrMinor,
    currency: change.currency,
    seats: change.seats,
    startedAt: account.startedAt ?? change.startedAt,
    sourceUpdatedAt: change.observedAt,
    // Only meaningful while churned: a second churn after a win-back is new again.
    churnSeenAt: churned ? (account.churnSeenAt ?? new Date()) : null,
  };
  if (churned) {
    Object.assign(data, {
      churnedAt: change.churnedAt ?? change.observedAt,
      lostMrrMinor: change.mrrMinor,
      // A reason the team logged from talking to the customer outranks the cancel form.
      churnReason: account.churnReason ?? change.churnReason,
      churnReasonText: account.churnReasonText ?? change.churnReasonText,
    });
  }
  if (reactivated) data.reactivatedAt = change.observedAt;

  await tx.account.update({ where: { id: account.id }, data });
  if (account.status !== change.status) {
    await recordAudit(tx, {
      actor: `system:${change.account.source}`,
      action: reactivated ? 'account.reactivated' : `account.${change.status}`,
      entityType: 'account',
      entityId: account.id,
      before: { status: account.status, mrrMinor: account.mrrMinor },
      after: { status: change.status, mrrMinor: change.mrrMinor },
    });
  }
  if (reactivated) {
    await tx.winbackOutcome.upsert({
      where: { sourceKey: change.sourceKey },
      create: {
        accountId: account.id,
        kind: 'reactivated',
        recoveredMrrMinor: change.mrrMinor,
        currency: change.currency,
        sourceKey: change.sourceKey,
        occurredAt: change.observedAt,
      },
      update: {},
    });
  }
  return 'written';
}
