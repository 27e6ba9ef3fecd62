import type { Prisma } from '../../generated/prisma/client.ts';
import type { PaymentClosed, PaymentFailed, PaymentRecovered } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { ensureAccount, isStale } from './ensure-account.ts';

const invoiceKey = (change: { account: { source: string }; invoiceId: string }) => ({
  source_invoiceId: { source: change.account.source, invoiceId: change.invoiceId },
});

/** A failed charge opens (or updates) the invoice's payment failure. */
export async function applyPaymentFailed(tx: Prisma.TransactionClient, change: PaymentFailed): Promise<ChangeOutcome> {
  const account = await ensureAccount(tx, change.account);
  const existing = await tx.paymentFailure.findUnique({ where: invoiceKey(change) });
  if (existing && isStale(existing.sourceUpdatedAt, change.observedAt)) return 'stale';

  const details = {
    amountMinor: change.amountMinor,
    currency: change.currency,
    attemptCount: change.attemptCount,
    nextRetryAt: change.nextRetryAt,
    declineCode: change.declineCode,
    failureMessage: change.failureMessage,
    status: 'open' as const,
    resolvedAt: null,
    sourceUpdatedAt: change.observedAt,
  };
  await tx.paymentFailure.upsert({
    where: invoiceKey(change),
    create: {
      ...details,
      accountId: account.id,
      source: change.account.source,
      invoiceId: change.invoiceId,
      failedAt: change.observedAt,
    },
    update: details,
  });
  return 'written';
}

async function resolveFailure(
  tx: Prisma.TransactionClient,
  change: PaymentRecovered | PaymentClosed,
  status: 'recovered' | 'void' | 'uncollectible',
): Promise<ChangeOutcome> {
  const existing = await tx.paymentFailure.findUnique({ where: invoiceKey(change) });
  // A paid invoice that never failed is the normal case: nothing to resolve.
  if (!existing) return 'unchanged';
  if (isStale(existing.sourceUpdatedAt, change.observedAt)) return 'stale';
  if (existing.status === status) return 'unchanged';

  await tx.paymentFailure.update({
    where: { id: existing.id },
    data: { status, resolvedAt: change.observedAt, nextRetryAt: null, sourceUpdatedAt: change.observedAt },
  });
  return 'written';
}

export function applyPaymentRecovered(tx: Prisma.TransactionClient, change: PaymentRecovered) {
  return resolveFailure(tx, change, 'recovered');
}

export function applyPaymentClosed(tx: Prisma.TransactionClient, change: PaymentClosed) {
  return resolveFailure(tx, change, change.status);
}
