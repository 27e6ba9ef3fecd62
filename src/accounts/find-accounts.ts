import type { PrismaClient } from '../db/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { type AccountLine, accountLineInclude, mostValuableFirst, toAccountLine } from './account-line.ts';
import { typosAllowed, typosBetween } from './typo-distance.ts';

/** Choices offered at most when a reference names several accounts. */
export const MAX_CHOICES = 10;

export type AccountMatch =
  | { status: 'one'; account: AccountLine }
  | { status: 'several'; accounts: AccountLine[]; more: number }
  | { status: 'none' };

/** A reference that did not name exactly one account. */
export type Unresolved = Exclude<AccountMatch, { status: 'one' }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The accounts a typed reference means, each step tried only when the one before found nothing:
 * an exact id, billing id or email (case aside); then a company, name or contact name containing
 * it; then a name a few typos away (see typosAllowed), keeping only the closest. Most valuable first.
 */
export async function findAccounts(prisma: PrismaClient, reference: string): Promise<AccountMatch> {
  const wanted = reference.trim();
  if (wanted === '') return { status: 'none' };

  const exact = await matching(prisma, { OR: exactWhere(wanted) });
  if (exact.status !== 'none') return exact;

  const contains = { contains: wanted, mode: 'insensitive' } as const;
  const partial = await matching(prisma, {
    OR: [{ company: contains }, { name: contains }, { contactName: contains }],
  });
  if (partial.status !== 'none') return partial;

  const ids = await closestByTypos(prisma, wanted);
  return ids.length > 0 ? matching(prisma, { id: { in: ids } }) : { status: 'none' };
}

function exactWhere(wanted: string): Prisma.AccountWhereInput[] {
  const where: Prisma.AccountWhereInput[] = [
    { externalId: { equals: wanted, mode: 'insensitive' } },
    { email: { equals: wanted, mode: 'insensitive' } },
  ];
  if (UUID.test(wanted)) where.push({ id: wanted.toLowerCase() });
  return where;
}

async function matching(prisma: PrismaClient, where: Prisma.AccountWhereInput): Promise<AccountMatch> {
  const rows = await prisma.account.findMany({
    where,
    orderBy: [...mostValuableFirst],
    take: MAX_CHOICES + 1,
    include: accountLineInclude,
  });
  const [first] = rows;
  if (!first) return { status: 'none' };
  if (rows.length === 1) return { status: 'one', account: toAccountLine(first) };

  const total = rows.length > MAX_CHOICES ? await prisma.account.count({ where }) : rows.length;
  const accounts = rows.slice(0, MAX_CHOICES).map(toAccountLine);
  return { status: 'several', accounts, more: total - accounts.length };
}

/** Ids of the accounts whose names are fewest typos away, if within what the reference's length allows. */
async function closestByTypos(prisma: PrismaClient, wanted: string): Promise<string[]> {
  const limit = typosAllowed(wanted.length);
  if (limit === 0) return [];

  // Names are compared here, not in SQL: PostgreSQL has no edit distance without an extension.
  const named = await prisma.account.findMany({
    where: { OR: [{ company: { not: null } }, { name: { not: null } }, { contactName: { not: null } }] },
    select: { id: true, company: true, name: true, contactName: true },
  });
  let best = limit + 1;
  let ids: string[] = [];
  for (const account of named) {
    const names = [account.company, account.name, account.contactName].filter((name) => name !== null);
    const typos = Math.min(...names.map((name) => typosBetween(wanted, name, limit)));
    if (typos < best) {
      best = typos;
      ids = [account.id];
    } else if (typos === best) {
      ids.push(account.id);
    }
  }
  return ids;
}
