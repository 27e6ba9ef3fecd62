import { DateTime } from 'luxon';
import type { Prisma } from '../generated/prisma/client.ts';
import type { SegmentFilter } from './segment-filter.ts';

const startOfDay = (day: string, zone: string) => DateTime.fromISO(day, { zone }).startOf('day').toJSDate();

/**
 * When an account churned: its churn date, or, when the source gives none (Telco's file has no dates),
 * the moment winback first saw it churned.
 */
function churnedWithin(range: Prisma.DateTimeNullableFilter): Prisma.AccountWhereInput {
  return { status: 'churned', OR: [{ churnedAt: range }, { churnedAt: null, churnSeenAt: range }] };
}

/**
 * Churned without a single recorded payment: total paid 0, or no total and a payment count of 0, or
 * neither known and a plan whose name says trial. An account with no payment data at all is not assumed
 * to be a trial.
 */
const NEVER_CONVERTED: Prisma.AccountWhereInput = {
  status: 'churned',
  OR: [
    { totalPaidMinor: 0 },
    { totalPaidMinor: null, paymentCount: 0 },
    { totalPaidMinor: null, paymentCount: null, plan: { contains: 'trial', mode: 'insensitive' } },
  ],
};

/** The accounts a segment's filter matches, as a Prisma where; day bounds are read in `zone`. */
export function segmentWhere(filter: SegmentFilter, zone: string): Prisma.AccountWhereInput {
  const all: Prisma.AccountWhereInput[] = [];
  if (filter.statuses) all.push({ status: { in: filter.statuses } });
  if (filter.reasons) all.push({ churnReason: { in: filter.reasons } });
  if (filter.churnedAfter || filter.churnedBefore) {
    all.push(
      churnedWithin({
        ...(filter.churnedAfter ? { gte: startOfDay(filter.churnedAfter, zone) } : {}),
        ...(filter.churnedBefore ? { lt: startOfDay(filter.churnedBefore, zone) } : {}),
      }),
    );
  }
  if (filter.plans) all.push({ plan: { in: filter.plans } });
  if (filter.clvAtLeastMinor !== undefined) all.push({ score: { clvMinor: { gte: filter.clvAtLeastMinor } } });
  if (filter.rfmSegments) all.push({ score: { rfmSegment: { in: filter.rfmSegments } } });
  if (filter.requestedFeature) {
    all.push({ feedback: { some: { requestedFeature: { contains: filter.requestedFeature, mode: 'insensitive' } } } });
  }
  if (filter.trialNeverConverted) all.push(NEVER_CONVERTED);
  for (const [key, value] of Object.entries(filter.attributes ?? {})) {
    all.push({ attributes: { path: [key], equals: value } });
  }
  return { AND: all };
}
