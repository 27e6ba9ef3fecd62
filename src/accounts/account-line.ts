import { displayNameOf } from '../digest/display-name.ts';
import { claimSelect } from '../digest/load-digest-content.ts';
import type { Money } from '../domain/money.ts';
import type { Account, AccountStatus, Prisma } from '../generated/prisma/client.ts';
import { clvOf, type ShownScore, scoreSelect } from '../scoring/score-select.ts';

/** An account as one line of a list or a choice shows it. */
export interface AccountLine {
  id: string;
  /** The billing system's id, which `/winback account` also finds. */
  externalId: string;
  displayName: string;
  status: AccountStatus;
  /** Lost MRR for a churned account, current MRR otherwise. */
  mrr: Money;
  clv: Money | null;
  segment: string | null;
  ownerSlackId: string | null;
  /** The newest open payment failure's amount. */
  openFailure: Money | null;
}

export const accountLineInclude = {
  claims: claimSelect,
  paymentFailures: {
    where: { status: 'open' },
    orderBy: { failedAt: 'desc' },
    take: 1,
    select: { amountMinor: true, currency: true },
  },
  score: scoreSelect,
} as const satisfies Prisma.AccountInclude;

/** Most valuable first: CLV, then lost MRR, then MRR; the id keeps equal values in a stable order. */
export const mostValuableFirst = [
  { score: { clvMinor: { sort: 'desc', nulls: 'last' } } },
  { lostMrrMinor: { sort: 'desc', nulls: 'last' } },
  { mrrMinor: 'desc' },
  { id: 'asc' },
] as const satisfies Prisma.AccountOrderByWithRelationInput[];

type AccountWithLine = Account & {
  claims: { ownerSlackId: string }[];
  paymentFailures: { amountMinor: number; currency: string }[];
  score: ShownScore | null;
};

export function toAccountLine(account: AccountWithLine): AccountLine {
  const failure = account.paymentFailures[0];
  const mrrMinor = account.status === 'churned' ? (account.lostMrrMinor ?? account.mrrMinor) : account.mrrMinor;
  return {
    id: account.id,
    externalId: account.externalId,
    displayName: displayNameOf(account),
    status: account.status,
    mrr: { minor: mrrMinor, currency: account.currency },
    clv: clvOf(account),
    segment: account.score?.rfmSegment ?? null,
    ownerSlackId: account.claims[0]?.ownerSlackId ?? null,
    openFailure: failure ? { minor: failure.amountMinor, currency: failure.currency } : null,
  };
}
