import type { PrismaClient } from '../db/prisma.ts';
import { type ProportionTest, twoProportionTest } from '../domain/email/two-proportion-test.ts';

export interface VariantResult {
  variant: string;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  /** Accounts with a win-back outcome after this email was sent. */
  reactivated: number;
}

export interface VariantComparison {
  variant: string;
  against: string;
  opened: ProportionTest;
  clicked: ProportionTest;
  reactivated: ProportionTest;
}

export interface AbResults {
  template: string;
  variants: VariantResult[];
  /** Each variant after the first against the first; rates are per email sent. */
  comparisons: VariantComparison[];
}

interface Row {
  variant: string;
  sent: bigint;
  delivered: bigint;
  opened: bigint;
  clicked: bigint;
  reactivated: bigint;
}

/** Each variant against the first, on open, click and reactivation rates per email sent. */
export function compareVariants(variants: VariantResult[]): VariantComparison[] {
  const [base, ...others] = variants;
  if (!base) return [];
  const test = (other: VariantResult, metric: 'opened' | 'clicked' | 'reactivated') =>
    twoProportionTest(base[metric], base.sent, other[metric], other.sent);
  return others.map((other) => ({
    variant: other.variant,
    against: base.variant,
    opened: test(other, 'opened'),
    clicked: test(other, 'clicked'),
    reactivated: test(other, 'reactivated'),
  }));
}

/**
 * What each variant of a template achieved, from the events SendGrid reported (a click counts as an
 * open, an open as a delivery: pixels are blocked often) and win-back outcomes after the send.
 */
export async function loadAbResults(prisma: PrismaClient, template: string): Promise<AbResults> {
  const rows = await prisma.$queryRaw<Row[]>`
    WITH sent AS (
      SELECT m.id, m."accountId", m."sentAt", COALESCE(m.variant, 'A') AS variant,
        array(SELECT DISTINCT e.type FROM "EmailEvent" e WHERE e."messageId" = m.id) AS events
      FROM "EmailMessage" m
      WHERE m.template = ${template} AND m."sentAt" IS NOT NULL
    )
    SELECT variant,
      count(*) AS sent,
      count(*) FILTER (WHERE events && ARRAY['delivered', 'open', 'click']) AS delivered,
      count(*) FILTER (WHERE events && ARRAY['open', 'click']) AS opened,
      count(*) FILTER (WHERE 'click' = ANY(events)) AS clicked,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "WinbackOutcome" o
        WHERE o."accountId" = sent."accountId" AND o."occurredAt" > sent."sentAt")) AS reactivated
    FROM sent GROUP BY variant ORDER BY variant`;
  const variants = rows.map((row) => ({
    variant: row.variant,
    sent: Number(row.sent),
    delivered: Number(row.delivered),
    opened: Number(row.opened),
    clicked: Number(row.clicked),
    reactivated: Number(row.reactivated),
  }));
  return { template, variants, comparisons: compareVariants(variants) };
}
