import type { PrismaClient } from '../db/prisma.ts';
import type { ChurnReason } from '../domain/churn-reason.ts';
import type { ChurnedItem, FailedPaymentItem, ReasonCount } from '../domain/digest/digest-items.ts';
import type { Money } from '../domain/money.ts';
import type { Account, PaymentFailure, Prisma } from '../generated/prisma/client.ts';
import { clvOf, type ShownScore, scoreSelect } from '../scoring/score-select.ts';
import { displayNameOf } from './display-name.ts';

/** Which churned accounts are worth a digest line: the Pareto flag, or CLV at least a threshold. */
export type HighValueRule = { kind: 'pareto' } | { kind: 'clv_at_least'; minor: number };

export interface DigestPeriod {
  /** The previous digest's end; null for a channel's first digest, which shows everything churned so far. */
  start: Date | null;
  end: Date;
}

export interface DigestContent {
  churned: ChurnedItem[];
  failed: FailedPaymentItem[];
  churnedAccounts: number;
  lostMrr: Money[];
  openFailures: number;
  failedAmount: Money[];
  recovered: Money[];
  topReasons: ReasonCount[];
  /** High-value churned accounts and open failures beyond `maxItems`. */
  notShown: number;
}

export const claimSelect = {
  where: { activeAccountId: { not: null } },
  select: { ownerSlackId: true },
  take: 1,
} as const;

type AccountWithClaim = Account & { claims: { ownerSlackId: string }[]; score: ShownScore | null };

export function toChurnedItem(account: AccountWithClaim): ChurnedItem {
  return {
    kind: 'churned',
    accountId: account.id,
    displayName: displayNameOf(account),
    lostMrr: { minor: account.lostMrrMinor ?? account.mrrMinor, currency: account.currency },
    clv: clvOf(account),
    tenureMonths: account.tenureMonths,
    reason: account.churnReason,
    segment: account.score?.rfmSegment ?? null,
    ownerSlackId: account.claims[0]?.ownerSlackId ?? null,
  };
}

export function toFailedItem(
  failure: PaymentFailure,
  account: AccountWithClaim,
  periodStart: Date | null,
): FailedPaymentItem {
  return {
    kind: 'failed',
    accountId: failure.accountId,
    displayName: displayNameOf(account),
    amount: { minor: failure.amountMinor, currency: failure.currency },
    declineCode: failure.declineCode,
    attemptCount: failure.attemptCount,
    nextRetryAt: failure.nextRetryAt,
    failedAt: failure.failedAt,
    isNew: periodStart === null || failure.failedAt > periodStart,
    ownerSlackId: account.claims[0]?.ownerSlackId ?? null,
  };
}

export function highValueWhere(rule: HighValueRule): Prisma.AccountWhereInput {
  return { score: rule.kind === 'pareto' ? { paretoPriority: true } : { clvMinor: { gte: rule.minor } } };
}

/** Everything a digest shows for one period, most valuable first, at most `maxItems` lines. */
export async function loadDigestContent(
  prisma: PrismaClient,
  period: DigestPeriod,
  rule: HighValueRule,
  maxItems: number,
): Promise<DigestContent> {
  const seen: Prisma.DateTimeNullableFilter = { lte: period.end, ...(period.start ? { gt: period.start } : {}) };
  const newlyChurned: Prisma.AccountWhereInput = { status: 'churned', churnSeenAt: seen };
  const valuable = { ...newlyChurned, ...highValueWhere(rule) };

  const [churnedRows, valuableCount, totals, reasons, failureRows, failureCount, failureTotals, recoveredRows] =
    await Promise.all([
      prisma.account.findMany({
        where: valuable,
        orderBy: [
          { score: { clvMinor: { sort: 'desc', nulls: 'last' } } },
          { lostMrrMinor: { sort: 'desc', nulls: 'last' } },
          { id: 'asc' },
        ],
        take: maxItems,
        include: { claims: claimSelect, score: scoreSelect },
      }),
      prisma.account.count({ where: valuable }),
      prisma.account.groupBy({
        by: ['currency'],
        where: newlyChurned,
        _count: { _all: true },
        _sum: { mrrMinor: true },
      }),
      prisma.account.groupBy({
        by: ['churnReason', 'currency'],
        where: newlyChurned,
        _count: { _all: true },
        _sum: { mrrMinor: true },
      }),
      prisma.paymentFailure.findMany({
        where: { status: 'open' },
        orderBy: [{ failedAt: 'desc' }, { id: 'asc' }],
        take: maxItems,
        include: { account: { include: { claims: claimSelect, score: scoreSelect } } },
      }),
      prisma.paymentFailure.count({ where: { status: 'open' } }),
      prisma.paymentFailure.groupBy({ by: ['currency'], where: { status: 'open' }, _sum: { amountMinor: true } }),
      recoveredInPeriod(prisma, period),
    ]);

  const churned = churnedRows.map(toChurnedItem);
  const failedRoom = Math.max(0, maxItems - churned.length);
  const failed = failureRows
    .slice(0, failedRoom)
    .map((failure) => toFailedItem(failure, failure.account, period.start));

  return {
    churned,
    failed,
    churnedAccounts: totals.reduce((sum, row) => sum + row._count._all, 0),
    lostMrr: totals.map((row) => ({ minor: row._sum.mrrMinor ?? 0, currency: row.currency })),
    openFailures: failureCount,
    failedAmount: failureTotals.map((row) => ({ minor: row._sum.amountMinor ?? 0, currency: row.currency })),
    recovered: recoveredRows,
    topReasons: topReasons(reasons),
    notShown: valuableCount - churned.length + (failureCount - failed.length),
  };
}

type ReasonRow = {
  churnReason: ChurnReason | null;
  currency: string;
  _count: { _all: number };
  _sum: { mrrMinor: number | null };
};

function topReasons(rows: ReasonRow[]): ReasonCount[] {
  const byReason = new Map<string, ReasonCount>();
  for (const row of rows) {
    const reason = row.churnReason ?? 'unknown';
    const entry = byReason.get(reason) ?? { reason, accounts: 0, lostMrr: [] };
    entry.accounts += row._count._all;
    entry.lostMrr.push({ minor: row._sum.mrrMinor ?? 0, currency: row.currency });
    byReason.set(reason, entry);
  }
  return [...byReason.values()].sort((a, b) => b.accounts - a.accounts).slice(0, 3);
}

/** Reactivated MRR and recovered payments since the previous digest. */
async function recoveredInPeriod(prisma: PrismaClient, period: DigestPeriod): Promise<Money[]> {
  const window = { lte: period.end, ...(period.start ? { gt: period.start } : {}) };
  const [outcomes, payments] = await Promise.all([
    prisma.winbackOutcome.groupBy({
      by: ['currency'],
      where: { occurredAt: window },
      _sum: { recoveredMrrMinor: true },
    }),
    prisma.paymentFailure.groupBy({
      by: ['currency'],
      where: { status: 'recovered', resolvedAt: window },
      _sum: { amountMinor: true },
    }),
  ]);
  return [
    ...outcomes.map((row) => ({ minor: row._sum.recoveredMrrMinor ?? 0, currency: row.currency })),
    ...payments.map((row) => ({ minor: row._sum.amountMinor ?? 0, currency: row.currency })),
  ];
}
