import type { Prisma } from '../../generated/prisma/client.ts';
import type { CardExpiring, CheckoutChange } from '../changes.ts';
import type { ChangeOutcome } from './apply-change.ts';
import { ensureAccount } from './ensure-account.ts';

/** A card about to expire; dunning reminds the customer before it does. */
export async function applyCardExpiring(tx: Prisma.TransactionClient, change: CardExpiring): Promise<ChangeOutcome> {
  const account = await ensureAccount(tx, change.account);
  const card = { brand: change.brand, last4: change.last4, expMonth: change.expMonth, expYear: change.expYear };
  await tx.cardExpiry.upsert({
    where: { source_paymentMethodId: { source: change.account.source, paymentMethodId: change.paymentMethodId } },
    create: { ...card, accountId: account.id, source: change.account.source, paymentMethodId: change.paymentMethodId },
    update: card,
  });
  return 'written';
}

/** An open, completed or expired checkout; open and expired ones feed the abandoned-checkout sequence. */
export async function applyCheckoutChange(
  tx: Prisma.TransactionClient,
  change: CheckoutChange,
): Promise<ChangeOutcome> {
  const account = change.account ? await ensureAccount(tx, change.account) : null;
  const source = change.account?.source ?? 'stripe';
  const existing = await tx.checkout.findUnique({
    where: { source_externalId: { source, externalId: change.externalId } },
  });
  // A completed checkout stays completed whatever older event arrives after it.
  if (existing?.status === 'complete') return 'unchanged';

  const data = {
    accountId: account?.id ?? null,
    email: change.email,
    status: change.status,
    amountMinor: change.amountMinor,
    currency: change.currency,
    startedAt: change.startedAt,
    expiresAt: change.expiresAt,
    completedAt: change.status === 'complete' ? change.observedAt : null,
  };
  await tx.checkout.upsert({
    where: { source_externalId: { source, externalId: change.externalId } },
    create: { ...data, source, externalId: change.externalId },
    update: data,
  });
  return 'written';
}
