import type { EmailDeps } from '../email/email-deps.ts';
import { notifyAccount } from '../email/notify-account.ts';

const WHY: Record<string, string> = {
  recovered: 'the payment went through',
  void: 'the invoice was voided',
  uncollectible: 'the invoice was marked uncollectible',
};

/**
 * Cancels the queued reminders of payment failures that were resolved and of checkouts that were
 * completed, and says so in the account's thread. The send itself re-checks both at claim time, so a
 * reminder never goes out after a recovery even between two runs of this.
 */
export async function cancelResolvedReminders(deps: EmailDeps): Promise<number> {
  let cancelled = 0;
  const failures = await deps.prisma.paymentFailure.findMany({
    where: { status: { not: 'open' }, emails: { some: { status: 'queued' } } },
    select: { id: true, accountId: true, status: true },
  });
  for (const failure of failures) {
    const why = WHY[failure.status] ?? failure.status;
    const { count } = await deps.prisma.emailMessage.updateMany({
      where: { paymentFailureId: failure.id, status: 'queued' },
      data: { status: 'cancelled', lastError: `not sent: ${why}` },
    });
    cancelled += count;
    if (count > 0) {
      const steps = count === 1 ? '1 reminder' : `${count} reminders`;
      await notifyAccount(deps, { accountId: failure.accountId }, `Dunning stopped: ${why}; ${steps} cancelled.`, {
        threadOnly: true,
      });
    }
  }

  const checkouts = await deps.prisma.checkout.findMany({
    where: { status: 'complete', emails: { some: { status: 'queued' } } },
    select: { id: true },
  });
  for (const checkout of checkouts) {
    const { count } = await deps.prisma.emailMessage.updateMany({
      where: { checkoutId: checkout.id, status: 'queued' },
      data: { status: 'cancelled', lastError: 'not sent: the customer completed the checkout' },
    });
    cancelled += count;
  }
  return cancelled;
}
